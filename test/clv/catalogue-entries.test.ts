// CLV_PREDICT and CLV_MODEL as a user calls them: ranges of cells in, spilled rows out, errors naming the row.
import { describe, expect, it } from "vitest";
import { CLV_PREDICT } from "../../src/kpi/catalogue/entries/predictive-clv";
import type { CellInput } from "../../src/kpi/cells";
import { isoDateToSerial } from "../../src/kpi/dates";
import { call, column } from "../kpi/call";
import { shown, workbook } from "../in-cell/engine";
import { loadCdnowLog } from "../fixtures/cdnow/load-cdnow";

const log = loadCdnowLog();
// As a sheet holds them: numeric ids, date cells (local midnight, as Apps Script passes them), numbers.
const ids = column(...log.customerIds.map(Number));
const dates = column(...log.orderDates.map((serial) => {
  const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}));
const values = column(...log.orderValues);
const asOf = new Date(1997, 8, 30);
const round = (v: unknown, decimals: number): number => Number((v as number).toFixed(decimals));

describe("CLV_MODEL on the CDNOW log in cells", () => {
  const rows = call("CLV_MODEL", ids, dates, values, asOf) as (string | number)[][];
  const byLabel = new Map(rows.map(([label, value]) => [label, value]));

  it("spills the published parameters as label/value rows", () => {
    expect(rows.map((r) => r[0])).toEqual([
      "r", "alpha", "a", "b", "BG/NBD log-likelihood", "p", "q", "gamma", "Gamma-Gamma log-likelihood",
      "customers", "repeat customers", "as of", "time unit",
    ]);
    expect(["r", "alpha", "a", "b"].map((k) => round(byLabel.get(k), 3))).toEqual([0.243, 4.414, 0.793, 2.426]);
    expect(["p", "q", "gamma"].map((k) => round(byLabel.get(k), 2))).toEqual([6.25, 3.74, 15.44]);
    expect(round(byLabel.get("BG/NBD log-likelihood"), 1)).toBe(-9582.4);
    expect(byLabel.get("customers")).toBe(2357);
    expect(byLabel.get("repeat customers")).toBe(946);
    expect(byLabel.get("as of")).toBe("1997-09-30");
    expect(byLabel.get("time unit")).toBe("weeks");
  });

  it("fits only the purchase model without order values", () => {
    const noValues = call("CLV_MODEL", ids, dates, undefined, asOf) as (string | number)[][];
    expect(round(noValues[0][1], 3)).toBe(0.243);
    expect(noValues[5]).toEqual(["p", "needs order_values"]);
  });
});

describe("CLV_PREDICT on the CDNOW log in cells", () => {
  it("spills one row per customer: id, orders, P(alive), expected orders, value per order, CLV", () => {
    const rows = call("CLV_PREDICT", ids, dates, values, 273, asOf) as (string | number)[][];
    expect(rows).toHaveLength(2357);
    const [id, orders, alive, expected, value, clv] = rows[0];
    // A numeric id spills back as a number, so lookups against the id column still match.
    expect([id, orders]).toEqual([1, 3]);
    expect(alive).toBeGreaterThan(0);
    expect(Math.abs((expected as number) - 1.226)).toBeLessThanOrEqual(0.001);
    expect(Math.abs((value as number) - 24.65)).toBeLessThan(0.005);
    expect(clv).toBeCloseTo((expected as number) * (value as number), 10);
  });
});

describe("CLV functions' cell errors", () => {
  const predict = (...args: CellInput[]) => () => call("CLV_PREDICT", ...args);

  it("names mismatched range sizes", () => {
    expect(predict(column("a", "b"), column(45292), column(1, 2))).toThrow(
      /^CLV_PREDICT: order_dates has 1 cells but customer_ids has 2; give ranges of the same size$/,
    );
  });

  it("names the row of a missing id, date or a text value, counting rows within the range", () => {
    expect(predict(column("a", "", "b"), column(45292, 45293, 45294), column(1, 2, 3))).toThrow(
      /^CLV_PREDICT: customer_ids row 2 is blank, but its row has an order$/,
    );
    expect(predict(column("a", "b"), column(45292, "soon"), column(1, 2))).toThrow(
      /^CLV_PREDICT: order_dates row 2 is "soon", not a date$/,
    );
    expect(predict(column("a", "b"), column(45292, 45293), column(1, "n/a"))).toThrow(
      /^CLV_PREDICT: order_values row 2 is "n\/a", not a number$/,
    );
  });

  it("keeps range row numbers when blank rows are skipped", () => {
    expect(predict(column("a", "", "b"), column(45292, "", 45293), column(5, "", -2))).toThrow(
      /^CLV_PREDICT: order_values row 3 is -2; .*positive order values/,
    );
  });

  it("refuses a log with too few repeat customers and an empty log", () => {
    expect(predict(column("a", "a", "b"), column(45292, 45300, 45292), column(1, 2, 3))).toThrow(
      /^CLV_PREDICT: only 1 customer\(s\) bought again on a later day; .*at least 10/,
    );
    expect(predict(column("", ""), column("", ""), column("", ""))).toThrow(/^CLV_PREDICT: the order log is empty/);
  });

  it("explains a log whose customers are too alike to fit", () => {
    // 13 customers buying at much the same pace: the spread parameters run off to infinity.
    const spec: [string, number[]][] = [
      ["A", [0, 30, 75]], ["B", [2, 60]], ["C", [5]], ["D", [7, 20, 41, 88]], ["E", [10, 85]], ["F", [12, 25]],
      ["G", [15, 40, 55]], ["H", [18, 30]], ["I", [20]], ["J", [22, 50]], ["K", [25, 35, 70]], ["L", [28, 33]], ["M", [30]],
    ];
    const orders = spec.flatMap(([id, days]) => days.map((d) => [id, 45292 + d] as const));
    expect(() => call("CLV_MODEL", column(...orders.map((o) => o[0])), column(...orders.map((o) => o[1])), undefined, 45382)).toThrow(
      /^CLV_MODEL: the purchase model \(BG\/NBD\) fit found no optimum: the customers look too much alike/,
    );
  });
});

describe("CLV_PREDICT typed into a cell over ranges", () => {
  it("spills the documented example's rows from a sheet with a header and trailing blank rows", () => {
    const example = CLV_PREDICT.examples[0];
    const [idList, dateList, valueList] = [...example.formula.matchAll(/\{([^}]*)\}/g)].map((m) => m[1].split(";"));
    const sheet: (string | number | null)[][] = [["Customer", "Date", "Value", null, null]];
    idList.forEach((id, i) => {
      const [y, m, d] = JSON.parse(dateList[i]).split("-").map(Number);
      sheet.push([JSON.parse(id), isoDateToSerial(y, m, d), Number(valueList[i]), null, null]);
    });
    sheet.push([null, null, null, null, null], [null, null, null, null, null]);
    sheet[0][4] = "=CLV_PREDICT(A2:A40, B2:B40, C2:C40, 365, DATE(2025,6,30), 0.1)";
    const hf = workbook(sheet);
    const expected = example.result as (string | number)[][];
    expected.forEach((row, r) => row.forEach((cell, c) => {
      const a1 = `${String.fromCharCode(69 + c)}${r + 1}`;
      if (typeof cell === "number") expect(shown(hf, a1)).toBeCloseTo(cell, 9);
      else expect(shown(hf, a1)).toBe(cell);
    }));
    expect(shown(hf, `E${expected.length + 1}`)).toBe("");
    hf.destroy();
  });
});
