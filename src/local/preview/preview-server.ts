// The preview's HTTP server on 127.0.0.1: the page, its scripts, the sidebar, and a small JSON API over one WorkbookSession.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { basename } from "node:path";
import type { AddressInfo } from "node:net";
import { clientBundles } from "./client-bundles";
import { pageHtml } from "./page-html";
import { sidebarHtml, withShim } from "./sidebar-page";
import { WorkbookSession } from "./workbook-session";

export interface PreviewOptions {
  workbookPath: string;
  buildDir: string;
  /** 0 picks a free port. */
  port: number;
}

export interface RunningPreview {
  url: string;
  session: WorkbookSession;
  close(): Promise<void>;
}

const MAX_BODY = 1 << 20;

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, "request body too large");
    chunks.push(chunk as Buffer);
  }
  const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new HttpError(400, "expected a JSON object");
  return parsed as Record<string, unknown>;
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  response.end(body);
}

function sendJson(response: ServerResponse, value: unknown, status = 200): void {
  send(response, status, "application/json; charset=utf-8", JSON.stringify(value));
}

function text(value: unknown, name: string): string {
  if (typeof value !== "string") throw new HttpError(400, `${name} must be text`);
  return value;
}

function positive(value: unknown, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new HttpError(400, `${name} must be a whole number from 1`);
  return n;
}

export async function startPreview(options: PreviewOptions): Promise<RunningPreview> {
  const [session, bundles] = await Promise.all([WorkbookSession.open(options.workbookPath, options.buildDir), clientBundles()]);
  const page = pageHtml(basename(options.workbookPath));

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const route = `${request.method ?? "GET"} ${url.pathname}`;
    const shown = /^\/shown\/(\d+)$/.exec(url.pathname);
    if (route === "GET /") return send(response, 200, "text/html; charset=utf-8", page);
    if (route === "GET /app.js") return send(response, 200, "text/javascript; charset=utf-8", bundles.app);
    if (route === "GET /shim.js") return send(response, 200, "text/javascript; charset=utf-8", bundles.shim);
    if (route === "GET /sidebar") return send(response, 200, "text/html; charset=utf-8", sidebarHtml(options.buildDir));
    if (request.method === "GET" && shown) {
      const html = session.shownHtml(Number(shown[1]));
      return html === null ? send(response, 404, "text/plain", "nothing was shown with that number") : send(response, 200, "text/html; charset=utf-8", withShim(html));
    }
    if (route === "GET /api/tabs") return sendJson(response, await session.tabs());
    if (route === "GET /api/menus") return sendJson(response, session.menus());
    if (route === "GET /api/page") {
      const sheet = text(url.searchParams.get("sheet"), "sheet");
      return sendJson(response, await session.page(sheet, positive(url.searchParams.get("start") ?? 1, "start"), Math.min(positive(url.searchParams.get("count") ?? 100, "count"), 500)));
    }
    if (route === "GET /api/charts") return sendJson(response, await session.charts(text(url.searchParams.get("sheet"), "sheet")));
    if (route === "POST /api/cell") {
      const body = await readJson(request);
      try {
        await session.setCell(text(body.sheet, "sheet"), positive(body.row, "row"), positive(body.column, "column"), text(body.input, "input"));
        return sendJson(response, { ok: true });
      } catch (error) {
        if (error instanceof HttpError) throw error;
        return sendJson(response, { ok: false, error: error instanceof Error ? error.message : String(error) });
      }
    }
    if (route === "POST /api/run") {
      const body = await readJson(request);
      const args = body.args === undefined ? [] : body.args;
      if (!Array.isArray(args)) throw new HttpError(400, "args must be a list");
      return sendJson(response, await session.run(text(body.fn, "fn"), args));
    }
    throw new HttpError(404, `no route ${route}`);
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : error instanceof SyntaxError ? 400 : 500;
      if (!response.headersSent) send(response, status, "text/plain; charset=utf-8", error instanceof Error ? error.message : String(error));
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    // Loopback only: the preview runs the add-on's server code against a local file.
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    session,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await session.flush();
      session.close();
    },
  };
}
