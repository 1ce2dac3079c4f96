// HtmlService: HTML outputs and templates read from a local folder (build/ by default), recorded when shown.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { HtmlOutputApi, HtmlServiceApi, HtmlTemplateApi } from "../../server/apps-script-api";
import { countCalls, type CallCounter } from "./call-counter";
import type { EmulationContext } from "./context";
import { appsScriptError } from "./workbook-model";

export class HtmlOutputFacade implements HtmlOutputApi {
  private title = "";
  private width = 0;
  private height = 0;
  constructor(readonly calls: CallCounter, private content: string) {}
  getContent(): string {
    return this.content;
  }
  setContent(content: string): HtmlOutputApi {
    this.content = content;
    return this;
  }
  append(addedContent: string): HtmlOutputApi {
    this.content += addedContent;
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): HtmlOutputApi {
    this.title = title;
    return this;
  }
  getWidth(): number {
    return this.width;
  }
  setWidth(width: number): HtmlOutputApi {
    this.width = width;
    return this;
  }
  getHeight(): number {
    return this.height;
  }
  setHeight(height: number): HtmlOutputApi {
    this.height = height;
    return this;
  }
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** Compiles Apps Script scriptlets (`<? code ?>`, `<?= escaped ?>`, `<?!= raw ?>`) into a function of the template's variables. */
function compileTemplate(source: string, variables: string[]): (...values: unknown[]) => string {
  let body = "let __out = '';\n";
  let last = 0;
  for (const m of source.matchAll(/<\?(!=|=)?([\s\S]*?)\?>/g)) {
    body += `__out += ${JSON.stringify(source.slice(last, m.index))};\n`;
    const code = m[2]!.trim();
    if (m[1] === "=") body += `__out += __escape(String(${code}));\n`;
    else if (m[1] === "!=") body += `__out += String(${code});\n`;
    else body += `${code}\n`;
    last = m.index! + m[0].length;
  }
  body += `__out += ${JSON.stringify(source.slice(last))};\nreturn __out;`;
  const fn = new Function("__escape", ...variables, body) as (...args: unknown[]) => string;
  return (...values) => fn(escapeHtml, ...values);
}

class HtmlTemplate {
  [variable: string]: unknown;
  constructor(calls: CallCounter, source: string) {
    Object.defineProperty(this, "evaluate", {
      enumerable: false,
      value: (): HtmlOutputApi => {
        calls.tick("HtmlTemplate.evaluate");
        const variables = Object.keys(this);
        return new HtmlOutputFacade(calls, compileTemplate(source, variables)(...variables.map((v) => this[v])));
      },
    });
    Object.defineProperty(this, "getRawContent", { enumerable: false, value: () => source });
  }
}

export class HtmlServiceFacade implements HtmlServiceApi {
  readonly calls;
  constructor(readonly ctx: EmulationContext) {
    this.calls = ctx.calls;
  }
  createHtmlOutput(html?: string): HtmlOutputApi {
    return new HtmlOutputFacade(this.calls, html ?? "");
  }
  createHtmlOutputFromFile(filename: string): HtmlOutputApi {
    return new HtmlOutputFacade(this.calls, readProjectFile(this.ctx.htmlDir, filename));
  }
  createTemplateFromFile(filename: string): HtmlTemplateApi {
    return new HtmlTemplate(this.calls, readProjectFile(this.ctx.htmlDir, filename)) as HtmlTemplateApi;
  }
}

/** Apps Script looks a project file up by name, with or without its .html extension. */
function readProjectFile(dir: string, filename: string): string {
  for (const candidate of [join(dir, filename), join(dir, `${filename}.html`)]) {
    if (/\.html$/.test(candidate) && existsSync(candidate)) return readFileSync(candidate, "utf8");
  }
  throw appsScriptError(`No HTML file named ${filename} was found.`);
}

countCalls(HtmlOutputFacade, "HtmlOutput");
countCalls(HtmlServiceFacade, "HtmlService");
