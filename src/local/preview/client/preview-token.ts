// The per-run token the preview server put in this page, sent with every API call so the server knows the call came from its own page.
import { TOKEN_HEADER, TOKEN_META } from "../request-guard-names";

export function previewToken(): string {
  const meta = document.querySelector<HTMLMetaElement>(`meta[name="${TOKEN_META}"]`);
  return meta?.content ?? "";
}

/** Headers for a call to the preview's API; a body, when there is one, is JSON. */
export function apiHeaders(json: boolean): Record<string, string> {
  return { [TOKEN_HEADER]: previewToken(), ...(json ? { "content-type": "application/json" } : {}) };
}
