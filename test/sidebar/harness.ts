// Test helper: the built Sidebar.html in Debian's Chromium, its google.script.run wired to the real server code over an emulated workbook.
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import type { Emulation } from "../../src/local/emulation";
import { dispatchServerCall, scriptRunShim, type CallRecord } from "../../src/local/sidebar-host";

// import.meta.url rather than __dirname: the bench imports this under tsx, as an ES module.
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SIDEBAR_PATH = join(root, "build", "Sidebar.html");
export const ARTIFACTS = join(root, "test-artifacts", "sidebar");
const ORIGIN = "http://sidebar.test";
const TRANSPORT = "__funnelKpisServer";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Debian's Chromium only: playwright-core never downloads a browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

export interface SidebarSession {
  page: Page;
  /** Every server call the page made, with its arguments and outcome. */
  calls: CallRecord[];
  /** alert/confirm/prompt texts: a sidebar showing sheet text must never open one. */
  dialogs: string[];
  pageErrors: string[];
  /** Requests for anything but the sidebar itself: the page must be self-contained. */
  externalRequests: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Delay added to each server call, as the round trip to Google takes time. */
  latencyMs?: number;
}

/** Opens the sidebar as Sheets would: a 300 px wide page whose server calls run one execution each. */
export async function openSidebar(browser: Browser, emulation: Emulation, options: OpenOptions = {}): Promise<SidebarSession> {
  const context = await browser.newContext({ viewport: { width: 300, height: 900 } });
  const page = await context.newPage();
  const session: SidebarSession = { page, calls: [], dialogs: [], pageErrors: [], externalRequests: [], close: () => context.close() };
  page.on("dialog", (dialog) => {
    session.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => session.pageErrors.push(error.message));
  await page.exposeFunction(TRANSPORT, async (name: string, argsJson: string) => {
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    return JSON.stringify(dispatchServerCall(emulation, name, argsJson, session.calls));
  });
  await page.addInitScript({ content: scriptRunShim(TRANSPORT) });
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url === `${ORIGIN}/Sidebar.html`) {
      await route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: readFileSync(SIDEBAR_PATH, "utf8") });
    } else {
      session.externalRequests.push(url);
      await route.abort();
    }
  });
  await page.goto(`${ORIGIN}/Sidebar.html`);
  await page.waitForSelector("body[data-ready='true']");
  return session;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Waits until no preview is pending and the last one has answered. */
export async function settlePreview(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const status = document.querySelector("#preview .status");
    return status instanceof HTMLElement && status.hidden;
  });
}
