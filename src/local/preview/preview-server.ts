// The preview's HTTP server on 127.0.0.1: the page, its scripts, the sidebar, and a small JSON API over one WorkbookSession.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { basename } from "node:path";
import type { AddressInfo } from "node:net";
import { clientBundles } from "./client-bundles";
import { functionHelp } from "./function-help";
import { pageHtml } from "./page-html";
import { HARDENING_HEADERS, MAX_BODY_BYTES, RequestGuard } from "./request-guard";
import { LimitError, SHEETS_MAX_COLUMNS, SHEETS_MAX_ROWS } from "./sheets-limits";
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
  /** The per-run secret the page sends with every API call (tests send it too). */
  token: string;
  session: WorkbookSession;
  close(): Promise<void>;
}

/** Rows one page of the grid may ask for. */
const MAX_PAGE_ROWS = 500;

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
    // A body sent without a length (chunked) is cut off here, before it is ever parsed.
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `the body is over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new HttpError(400, "expected a JSON object");
  return parsed as Record<string, unknown>;
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { ...HARDENING_HEADERS, "content-type": type });
  response.end(body);
}

function sendJson(response: ServerResponse, value: unknown, status = 200): void {
  send(response, status, "application/json; charset=utf-8", JSON.stringify(value));
}

function text(value: unknown, name: string): string {
  if (typeof value !== "string") throw new HttpError(400, `${name} must be text`);
  return value;
}

/** A whole number from 1; past Google Sheets' own limit it is refused as too large, before any work. */
function coordinate(value: unknown, name: string, max: number): number {
  const n = typeof value === "number" ? value : typeof value === "string" && /^\d{1,12}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1) throw new HttpError(400, `${name} must be a whole number from 1`);
  if (n > max) throw new HttpError(413, `${name} ${n} is past Google Sheets' limit of ${max.toLocaleString("en-US")}`);
  return n;
}

export async function startPreview(options: PreviewOptions): Promise<RunningPreview> {
  const [session, bundles] = await Promise.all([WorkbookSession.open(options.workbookPath, options.buildDir), clientBundles()]);
  let guard: RequestGuard | null = null;
  const pageFor = (token: string) => pageHtml(basename(options.workbookPath), token);
  const functions = JSON.stringify(functionHelp());

  const handle = async (request: IncomingMessage, response: ServerResponse, guard: RequestGuard): Promise<void> => {
    const verdict = guard.check(request);
    if (!verdict.ok) {
      // Refused before the body is read: nothing of it reaches the workbook. The connection closes so an unread body is not kept.
      response.setHeader("connection", "close");
      return send(response, verdict.status, "text/plain; charset=utf-8", verdict.reason);
    }
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const route = `${request.method ?? "GET"} ${url.pathname}`;
    const shown = /^\/shown\/(\d{1,9})$/.exec(url.pathname);
    if (route === "GET /") return send(response, 200, "text/html; charset=utf-8", pageFor(guard.token));
    if (route === "GET /favicon.ico") {
      response.writeHead(204, HARDENING_HEADERS);
      return void response.end();
    }
    if (route === "GET /app.js") return send(response, 200, "text/javascript; charset=utf-8", bundles.app);
    if (route === "GET /shim.js") return send(response, 200, "text/javascript; charset=utf-8", bundles.shim);
    if (route === "GET /sidebar") return send(response, 200, "text/html; charset=utf-8", withShim(sidebarHtml(options.buildDir), guard.token));
    if (request.method === "GET" && shown) {
      const html = session.shownHtml(Number(shown[1]));
      return html === null ? send(response, 404, "text/plain", "nothing was shown with that number") : send(response, 200, "text/html; charset=utf-8", withShim(html, guard.token));
    }
    if (route === "GET /api/tabs") return sendJson(response, await session.tabs());
    if (route === "GET /api/menus") return sendJson(response, session.menus());
    if (route === "GET /api/functions") return send(response, 200, "application/json; charset=utf-8", functions);
    if (route === "GET /api/page") {
      const sheet = text(url.searchParams.get("sheet"), "sheet");
      const start = coordinate(url.searchParams.get("start") ?? "1", "start", SHEETS_MAX_ROWS);
      const count = Math.min(coordinate(url.searchParams.get("count") ?? "100", "count", SHEETS_MAX_ROWS), MAX_PAGE_ROWS);
      const startColumn = coordinate(url.searchParams.get("startColumn") ?? "1", "startColumn", SHEETS_MAX_COLUMNS);
      const columns = coordinate(url.searchParams.get("columns") ?? "100", "columns", SHEETS_MAX_COLUMNS);
      return sendJson(response, await session.page(sheet, start, count, startColumn, columns));
    }
    if (route === "GET /api/sheet") return sendJson(response, await session.sheetView(text(url.searchParams.get("sheet"), "sheet")));
    if (route === "POST /api/cell") {
      const body = await readJson(request);
      const sheet = text(body.sheet, "sheet");
      const row = coordinate(body.row, "row", SHEETS_MAX_ROWS);
      const column = coordinate(body.column, "column", SHEETS_MAX_COLUMNS);
      const input = text(body.input, "input");
      try {
        await session.setCell(sheet, row, column, input);
        return sendJson(response, { ok: true });
      } catch (error) {
        if (error instanceof LimitError) throw new HttpError(413, error.message);
        return sendJson(response, { ok: false, error: error instanceof Error ? error.message : String(error) });
      }
    }
    if (route === "POST /api/active") {
      const body = await readJson(request);
      return sendJson(response, await session.activate(text(body.sheet, "sheet")));
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
    // The guard exists once the port is known: the Host and Origin it accepts name the port.
    if (guard === null) return send(response, 503, "text/plain; charset=utf-8", "starting");
    handle(request, response, guard).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : error instanceof SyntaxError ? 400 : 500;
      if (!response.headersSent) {
        if (status === 413) response.setHeader("connection", "close");
        send(response, status, "text/plain; charset=utf-8", error instanceof Error ? error.message : String(error));
      } else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    // Loopback only: the preview runs the add-on's server code against a local file.
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  guard = new RequestGuard(port);
  return {
    url: `http://localhost:${port}`,
    token: guard.token,
    session,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await session.flush();
      session.close();
    },
  };
}
