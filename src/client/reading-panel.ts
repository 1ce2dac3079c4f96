// The Data step's account of reading the sheet: how the header row was chosen, every row left out, what each column assumed.
import { columnNotes } from "../reading/column-notes";
import type { SheetInspection } from "../server/sidebar-api";
import { clear, el } from "./dom";

const ROWS_SHOWN = 8;

export function createReadingPanel(): { node: HTMLElement; render(inspection: SheetInspection | null): void } {
  const node = el("div", { className: "block reading", id: "reading" });
  return {
    node,
    render(inspection) {
      clear(node);
      if (!inspection) return;
      const r = inspection.reading;
      if (inspection.headerRowFound) {
        node.appendChild(el("p", { className: "gray", id: "header-found", text: `Header found in row ${r.headerRow}: ${r.headerReason}. Type a row number above to choose another.` }));
      }
      if (r.skippedCount > 0) {
        const items = r.skipped.slice(0, ROWS_SHOWN).map((s) => el("li", { text: `Row ${s.row}: ${s.text}` }));
        const more = r.skippedCount - Math.min(r.skipped.length, ROWS_SHOWN);
        node.append(
          el("h3", { text: `Rows left out (${r.skippedCount})` }),
          el("ul", { className: "skipped-rows", id: "skipped-rows" }, ...items, more > 0 ? el("li", { className: "gray", text: `and ${more} more` }) : null),
        );
      }
      const notes = r.columns.flatMap(columnNotes);
      if (notes.length > 0) {
        node.append(
          el("h3", { text: "How columns were read" }),
          el("ul", { className: "column-notes", id: "column-notes" }, ...notes.map((n) => el("li", { text: n }))),
          el("p", { className: "gray", text: `Ties were broken with ${r.locale}.` }),
        );
      }
    },
  };
}
