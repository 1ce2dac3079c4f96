// Serves add-on HTML (the built sidebar, or what a run asked to show) with the run's token and the google.script.run shim injected first.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { TOKEN_META } from "./request-guard";

/**
 * The shim must run before the page's own scripts, as google.script exists before any Apps Script page code.
 * The token goes in the document, not in the shim's script: another site may include a script, never read a page.
 */
export function withShim(html: string, token: string): string {
  const tags = `<meta name="${TOKEN_META}" content="${token.replace(/[^A-Za-z0-9_-]/g, "")}"><script src="/shim.js"></script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (head) return `${html.slice(0, head.index + head[0].length)}${tags}${html.slice(head.index + head[0].length)}`;
  return `${tags}${html}`;
}

export function sidebarHtml(buildDir: string): string {
  const file = join(buildDir, "Sidebar.html");
  if (existsSync(file)) return readFileSync(file, "utf8");
  return `<!doctype html><html><head><meta charset="utf-8"><style>body{font:13px system-ui,sans-serif;padding:16px;color:#3c4043}</style></head>
<body><h3>The sidebar is not built</h3><p>There is no <code>build/Sidebar.html</code> yet. Run <code>npm run build</code> (the sidebar wizard is built from <code>src/client</code>) and reopen this panel.</p></body></html>`;
}
