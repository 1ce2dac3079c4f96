// Spills sized by their result, as in Sheets: HyperFormula reserves an array's block before computing it, so the block is re-reserved when the result's shape changes or a blocking cell is emptied.
import { DetailedCellError, ErrorType, type HyperFormula, type SimpleCellAddress } from "hyperformula";
import { cellA1 } from "../emulation/a1";
import type { Shape } from "../../kpi/catalogue/entry-types";

/**
 * How it works, and what it costs:
 * - The engine asks a spilling function for its size when the formula is entered. The catalogue plugin
 *   then computes the result from the inputs as they are (a cache keeps it, so evaluation right after
 *   reuses it: one computation, the inputs read twice and compared cell by cell, linear in their size).
 * - When inputs cannot be read yet (a formula in them not computed), the entry's `spillBound` is used
 *   and the result is re-sized right after evaluation.
 * - After every recalculation, a formula whose result no longer fits its block (or now fits a smaller
 *   one, or whose blocking cell was emptied) is entered again, which re-sizes it: one more engine entry
 *   of that formula, only when its shape changed (its result comes from the cache). `npm run bench --
 *   spills` prints the figures: about 0.3 s for KPI_BY over 30,000 rows gaining a key.
 */

/** A formula whose reserved block differs from its result: entered again after this recalculation. */
interface PendingResize {
  address: SimpleCellAddress;
  vertex: unknown;
}

interface CachedResult {
  name: string;
  args: readonly unknown[];
  result: unknown;
}

const CACHE_SIZE = 8;
const MAX_ROUNDS = 4;

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  return typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b);
}

/** What one engine knows about its spilling formulas; found from the plugin through the engine's dependency graph. */
export class SpillBook {
  private readonly cache: CachedResult[] = [];
  readonly pending: PendingResize[] = [];

  /** The result for these arguments, computed at most once while they stay the same. */
  resultFor(name: string, args: readonly unknown[], compute: () => unknown): unknown {
    const at = this.cache.findIndex((c) => c.name === name && sameValue(c.args, args));
    if (at >= 0) {
      const [hit] = this.cache.splice(at, 1);
      this.cache.unshift(hit);
      return hit.result;
    }
    const result = compute();
    this.cache.unshift({ name, args, result });
    if (this.cache.length > CACHE_SIZE) this.cache.pop();
    return result;
  }

  markForResize(address: SimpleCellAddress, vertex: unknown): void {
    if (!this.pending.some((p) => p.vertex === vertex)) this.pending.push({ address: { ...address }, vertex });
  }
}

const books = new WeakMap<object, SpillBook>();

/** The book of the engine that owns `graph` (the plugin's and the engine's `dependencyGraph` are the same object). */
export function spillBookOf(graph: object): SpillBook {
  let book = books.get(graph);
  if (book === undefined) {
    book = new SpillBook();
    books.set(graph, book);
  }
  return book;
}

/** Rows × columns of a value as it would spill: a table's size, 1 × 1 for anything else (an error included). */
export function shapeOfValue(value: unknown): Shape {
  if (Array.isArray(value) && value.length > 0 && Array.isArray(value[0])) return { rows: value.length, columns: Math.max(1, (value[0] as unknown[]).length) };
  return { rows: 1, columns: 1 };
}

interface ArrayVertexLike {
  getRange(): { start: SimpleCellAddress };
}

function isSpillBlocked(hf: HyperFormula, address: SimpleCellAddress): boolean {
  const value = hf.getCellValue(address);
  return value instanceof DetailedCellError && value.type === ErrorType.SPILL;
}

/** The first cell that keeps a spill from its block, or null when the block is free. */
function blockingCell(hf: HyperFormula, anchor: SimpleCellAddress, shape: Shape): SimpleCellAddress | null {
  for (let r = 0; r < shape.rows; r++) {
    for (let c = 0; c < shape.columns; c++) {
      if (r === 0 && c === 0) continue;
      const cell = { sheet: anchor.sheet, row: anchor.row + r, col: anchor.col + c };
      if (!hf.isCellEmpty(cell)) return cell;
    }
  }
  return null;
}

/** The shape the formula's result has now, computed outside the grid (the plugin's cache makes a repeat cheap). */
function resultShape(hf: HyperFormula, address: SimpleCellAddress, formula: string): Shape {
  try {
    return shapeOfValue(hf.calculateFormula(formula, address.sheet));
  } catch {
    return { rows: 1, columns: 1 };
  }
}

/**
 * Sheets' text for a blocked spill ("#REF!" in the cell), naming the cell in the way, or undefined when the
 * cell is not a blocked spill.
 */
export function spillBlockMessage(hf: HyperFormula, address: SimpleCellAddress): string | undefined {
  if (!isSpillBlocked(hf, address)) return undefined;
  const formula = hf.getCellFormula(address);
  if (formula === undefined) return undefined;
  const blocker = blockingCell(hf, address, resultShape(hf, address, formula));
  const where = blocker === null ? "" : ` in ${cellA1(blocker.row + 1, blocker.col + 1)}`;
  return `Array result was not expanded because it would overwrite data${where}.`;
}

/** Blocked spills whose block is free again, and formulas whose reserved block no longer matches their result. */
function formulasToReenter(hf: HyperFormula, book: SpillBook, spills: RegExp): SimpleCellAddress[] {
  const out: SimpleCellAddress[] = [];
  const seen = new Set<string>();
  const add = (address: SimpleCellAddress) => {
    const key = `${address.sheet}:${address.row}:${address.col}`;
    if (!seen.has(key)) out.push(address);
    seen.add(key);
  };
  for (const { address, vertex } of book.pending.splice(0)) {
    // Entered again or cleared since: nothing to re-size.
    if (hf.dependencyGraph.getCell(address) === vertex) add(address);
  }
  for (const vertex of hf.dependencyGraph.arrayMapping.arrayMapping.values() as IterableIterator<ArrayVertexLike>) {
    const anchor = vertex.getRange().start;
    if (!isSpillBlocked(hf, anchor)) continue;
    const formula = hf.getCellFormula(anchor);
    if (formula === undefined || !spills.test(formula)) continue;
    if (blockingCell(hf, anchor, resultShape(hf, anchor, formula)) === null) add(anchor);
  }
  return out;
}

function columnLetters(column: number): string {
  let out = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/**
 * Enters formulas again, keeping their ranges alive meanwhile. HyperFormula drops a range no formula uses
 * any more, and dropping a long one takes time that grows with the square of its length (seconds for
 * 30,000 rows); a formula entered again would drop its ranges and build them anew. So a throwaway sheet
 * holds formulas over the same ranges while the formulas are replaced, and goes before anything is computed.
 */
function reenter(hf: HyperFormula, addresses: readonly SimpleCellAddress[]): void {
  const keepers: string[] = [];
  for (const address of addresses) {
    const ranges = hf.getCellPrecedents(address).filter((p): p is { start: SimpleCellAddress; end: SimpleCellAddress } => "start" in p && p.start.sheet >= 0);
    const refs = ranges.map((r) => {
      const sheet = (hf.getSheetName(r.start.sheet) ?? "").replace(/'/g, "''");
      return `'${sheet}'!${columnLetters(r.start.col + 1)}${r.start.row + 1}:${columnLetters(r.end.col + 1)}${r.end.row + 1}`;
    });
    if (refs.length > 0) keepers.push(`=COUNTA(${refs.join(",")})`);
  }
  let scratch: number | undefined;
  if (keepers.length > 0) {
    let name = "spill-sizing";
    for (let n = 1; !hf.isItPossibleToAddSheet(name); n++) name = `spill-sizing ${n}`;
    scratch = hf.getSheetId(hf.addSheet(name));
    if (scratch !== undefined) hf.setCellContents({ sheet: scratch, row: 0, col: 0 }, keepers.map((k) => [k]));
  }
  for (const address of addresses) hf.setCellContents(address, hf.getCellFormula(address) ?? null);
  if (scratch !== undefined) hf.removeSheet(scratch);
}

/**
 * Keeps an engine's spills the size of their results: after each recalculation, re-enters the formulas that
 * need another block. `spillingNames` are the functions whose results spill (the catalogue's tables).
 */
export function attachSpillSizing(hf: HyperFormula, spillingNames: readonly string[]): void {
  if (spillingNames.length === 0) return;
  const spills = new RegExp(`\\b(?:${spillingNames.join("|")})\\s*\\(`, "i");
  const book = spillBookOf(hf.dependencyGraph);
  let running = false;
  const settle = () => {
    if (running || hf.isEvaluationSuspended()) return;
    running = true;
    try {
      // A result that keeps changing shape (it depends on its own block) stops after a few rounds.
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const again = formulasToReenter(hf, book, spills);
        if (again.length === 0) break;
        hf.batch(() => reenter(hf, again));
      }
    } finally {
      book.pending.length = 0;
      running = false;
    }
  };
  hf.on("valuesUpdated", settle);
  // An engine built with its cells (buildFromArray) computed them before anyone could listen.
  settle();
}
