// The formula bar's autocomplete and argument help, as Sheets shows them for the add-on's custom functions: names as you type, then the call's arguments with the current one in bold.
import { escapeHtml } from "../../../server/html-escape";
import type { FunctionSuggestion } from "../function-help";
import { formulaContext } from "./formula-context";

const MAX_SUGGESTIONS = 8;

export class FormulaAssist {
  private suggestions: FunctionSuggestion[] = [];
  private highlighted = 0;
  private byName = new Map<string, FunctionSuggestion>();
  private closing = 0;

  constructor(
    private readonly input: HTMLInputElement,
    private readonly list: HTMLElement,
    private readonly help: HTMLElement,
    private functions: readonly FunctionSuggestion[] = [],
  ) {
    input.addEventListener("input", () => this.update());
    input.addEventListener("click", () => this.update());
    input.addEventListener("keyup", (event) => {
      if (event.key === "ArrowLeft" || event.key === "ArrowRight" || event.key === "Home" || event.key === "End") this.update();
    });
    // Leaving the bar closes the list, after a click on a suggestion has had its turn; coming back keeps it.
    input.addEventListener("blur", () => {
      this.closing = window.setTimeout(() => this.close(), 150);
    });
    input.addEventListener("focus", () => window.clearTimeout(this.closing));
    list.addEventListener("mousedown", (event) => {
      const item = (event.target as HTMLElement).closest<HTMLElement>("[data-function]");
      if (!item) return;
      event.preventDefault();
      this.accept(item.dataset.function ?? "");
    });
  }

  setFunctions(functions: readonly FunctionSuggestion[]): void {
    this.functions = functions;
    this.byName = new Map(functions.map((f) => [f.name, f]));
  }

  get open(): boolean {
    return !this.list.hidden;
  }

  /** Keys the suggestion list takes before the bar does; true when the key was used. */
  handleKey(event: KeyboardEvent): boolean {
    if (!this.open) return false;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const step = event.key === "ArrowDown" ? 1 : -1;
      this.highlighted = (this.highlighted + step + this.suggestions.length) % this.suggestions.length;
      this.renderList();
      return true;
    }
    if (event.key === "Tab" || event.key === "Enter") {
      this.accept(this.suggestions[this.highlighted]?.name ?? "");
      return true;
    }
    if (event.key === "Escape") {
      this.close();
      return true;
    }
    return false;
  }

  close(): void {
    this.list.hidden = true;
    this.help.hidden = true;
  }

  update(): void {
    const caret = this.input.selectionStart ?? this.input.value.length;
    const context = formulaContext(this.input.value, caret);
    const prefix = context.name?.text.toUpperCase() ?? "";
    this.suggestions = prefix === "" ? [] : this.functions.filter((f) => f.name.startsWith(prefix) && f.name !== prefix).slice(0, MAX_SUGGESTIONS);
    // An exact name already typed still offers itself, so Tab completes the bracket.
    const exact = prefix === "" ? undefined : this.byName.get(prefix);
    if (exact && !this.suggestions.includes(exact)) this.suggestions.unshift(exact);
    this.highlighted = 0;
    this.renderList();
    const help = context.call ? this.byName.get(context.call.name) : undefined;
    if (help && !help.builtIn && this.list.hidden) this.renderHelp(help, context.call!.argument);
    else this.help.hidden = true;
  }

  private renderList(): void {
    this.list.hidden = this.suggestions.length === 0;
    this.list.innerHTML = this.suggestions
      .map((f, i) => `<li role="option" data-function="${escapeHtml(f.name)}" class="suggestion${i === this.highlighted ? " highlighted" : ""}" aria-selected="${i === this.highlighted}"><span class="fn-name">${escapeHtml(f.name)}</span>${f.summary ? `<span class="fn-summary">${escapeHtml(f.summary)}</span>` : ""}</li>`)
      .join("");
  }

  private renderHelp(help: FunctionSuggestion, argument: number): void {
    const current = Math.min(argument, help.args.length - 1);
    const repeatsFrom = help.args.findIndex((a) => a.repeating);
    const at = repeatsFrom >= 0 && argument >= repeatsFrom ? help.args.length - 1 : current;
    const args = help.args
      .map((a, i) => {
        const name = `${escapeHtml(a.name)}${a.repeating ? ", …" : ""}`;
        const shown = a.optional ? `[${name}]` : name;
        return i === at ? `<b class="current-arg">${shown}</b>` : shown;
      })
      .join(", ");
    const arg = help.args[at];
    this.help.innerHTML = [
      `<div class="fn-signature">${escapeHtml(help.name)}(${args})</div>`,
      `<div class="fn-summary">${escapeHtml(help.summary)}</div>`,
      arg ? `<div class="fn-arg"><span class="fn-arg-name">${escapeHtml(arg.name)}</span> ${escapeHtml(arg.description)}</div>` : "",
      help.example ? `<div class="fn-example"><span>Example</span> <code>${escapeHtml(help.example.formula)}</code></div>` : "",
    ].join("");
    this.help.hidden = false;
  }

  private accept(name: string): void {
    if (name === "") return;
    const caret = this.input.selectionStart ?? this.input.value.length;
    const context = formulaContext(this.input.value, caret);
    const start = context.name?.start ?? caret;
    const value = this.input.value;
    const after = value.slice(caret);
    const bracket = after.startsWith("(") ? "" : "(";
    this.input.value = `${value.slice(0, start)}${name}${bracket}${after}`;
    const position = start + name.length + 1;
    this.input.setSelectionRange(position, position);
    this.list.hidden = true;
    this.update();
  }
}
