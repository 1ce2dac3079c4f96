// Decides whether a request reached the preview server from its own page: the Host, the Origin, the content type and the per-run token.
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { TOKEN_HEADER } from "./request-guard-names";

export { TOKEN_HEADER, TOKEN_META } from "./request-guard-names";
/** A sidebar call carries a mapping and goals; a megabyte is far above any real one. */
export const MAX_BODY_BYTES = 1 << 20;

export type Verdict = { ok: true } | { ok: false; status: 403 | 413; reason: string };

export interface GuardedRequest {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
}

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? undefined : value;
}

function refuse(status: 403 | 413, reason: string): Verdict {
  return { ok: false, status, reason };
}

/**
 * Every rule is checked before a request's body is read or the workbook is touched, so a refused
 * request has no side effect. Reads of the page and its scripts need only the right Host (that stops
 * DNS rebinding); the JSON API needs the token too; anything but GET also needs a same-origin Origin
 * and a JSON body, which a cross-site form or a no-cors fetch cannot send.
 */
export class RequestGuard {
  readonly token: string;
  private readonly hosts: Set<string>;

  constructor(readonly port: number, token: string = randomBytes(32).toString("base64url")) {
    this.token = token;
    const names = ["127.0.0.1", "localhost", "[::1]"];
    this.hosts = new Set(names.map((n) => `${n}:${port}`));
    // A browser leaves the default port out of Host and Origin.
    if (port === 80) for (const n of names) this.hosts.add(n);
  }

  check(request: GuardedRequest): Verdict {
    const host = one(request.headers.host)?.toLowerCase();
    if (host === undefined || !this.hosts.has(host)) return refuse(403, `host "${host ?? ""}" is not this preview server`);
    const method = (request.method ?? "GET").toUpperCase();
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    const api = path.startsWith("/api/");
    const reading = method === "GET" || method === "HEAD";
    // Sent by every current browser; "none" is the user typing the address, "same-origin" the page itself.
    const site = one(request.headers["sec-fetch-site"]);
    if ((api || !reading) && site !== undefined && site !== "same-origin") return refuse(403, `a ${site} request may not use the preview's API`);
    if (!reading) {
      const origin = one(request.headers.origin);
      if (origin !== `http://${host}`) return refuse(403, origin === undefined ? "a request that changes something must say its Origin" : `origin "${origin}" is not this preview's page`);
      const type = one(request.headers["content-type"])?.split(";")[0]?.trim().toLowerCase();
      if (type !== "application/json") return refuse(403, "a request that changes something must send application/json");
    }
    if ((api || !reading) && !this.tokenMatches(one(request.headers[TOKEN_HEADER]))) return refuse(403, "the request does not carry this run's token");
    const length = one(request.headers["content-length"]);
    if (length !== undefined && !(Number(length) <= MAX_BODY_BYTES)) return refuse(413, `the body is over ${MAX_BODY_BYTES} bytes`);
    return { ok: true };
  }

  private tokenMatches(sent: string | undefined): boolean {
    if (sent === undefined) return false;
    const a = Buffer.from(sent);
    const b = Buffer.from(this.token);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}

/** Response headers for everything the server sends: no other site may frame, embed or sniff it. */
export const HARDENING_HEADERS: Readonly<Record<string, string>> = {
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
  "cross-origin-resource-policy": "same-origin",
  "cross-origin-opener-policy": "same-origin",
  "referrer-policy": "no-referrer",
  "content-security-policy": "frame-ancestors 'self'",
};
