// Says when the setup was last saved (and "by you" when it was), and what in a saved setup no longer fits the sheet.
import type { WizardStart } from "../server/sidebar-api";
import { clear, el } from "./dom";
import { formatSavedAt } from "./format";
import type { Wizard } from "./wizard";

/**
 * The add-on may not read anyone's email address (its scopes do not include it), so the line never names a
 * person: it says "by you" when the saver's anonymous key is the reader's, and nothing otherwise.
 */
export function lastSavedText(savedAt: string, savedByYou: boolean): string {
  if (savedAt === "") return "A saved setup was found (no save time was recorded).";
  return `Last saved ${formatSavedAt(savedAt)}${savedByYou ? " by you" : ""}.`;
}

export function renderSavedBanner(wizard: Wizard, start: WizardStart, line: HTMLElement, notice: HTMLElement): void {
  clear(notice);
  if (start.saved) {
    line.textContent = lastSavedText(start.saved.savedAt, start.saved.savedByYou);
    line.hidden = false;
    const problems = start.saved.validation?.errors ?? [];
    if (problems.length > 0) {
      // Filed under their fields too, so each shows next to the control that fixes it.
      wizard.errors.set("saved", problems.map((p) => ({ field: p.field, message: p.message })));
      // Once a fresh check of the sheet replaces them, the list above the steps is out of date.
      wizard.errors.onChange(() => {
        if (!wizard.errors.has("saved")) notice.hidden = true;
      });
      notice.append(
        el("p", { className: "error", text: "The saved setup no longer fits the sheet:" }),
        el("ul", {}, ...problems.map((p) =>
          el("li", {},
            el("span", { text: p.message }),
            " ",
            el("button", { className: "link-button", text: "Fix", attrs: { type: "button", "aria-label": `Fix: ${p.message}` }, on: { click: () => wizard.reveal(p.field) } }),
          ),
        )),
      );
    }
  } else if (start.savedProblem) {
    notice.appendChild(el("p", { className: "warning", text: `${start.savedProblem} Starting afresh.` }));
  }
  notice.hidden = notice.childElementCount === 0;
}
