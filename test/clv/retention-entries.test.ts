// RETENTION_MODEL and RETENTION_FORECAST as a user calls them: a cohort row or column in, labelled spills out, cells named in errors.
import { describe, expect, it } from "vitest";
import { MAX_PERIODS_AHEAD } from "../../src/kpi/catalogue/entries/retention-models";
import { shown, workbook } from "../in-cell/engine";
import { call, column, row } from "../kpi/call";

const REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241];
const round = (v: unknown, decimals: number): number => Number((v as number).toFixed(decimals));

describe("RETENTION_MODEL", () => {
  it("spills alpha, beta, log-likelihood and periods with labels", () => {
    const rows = call("RETENTION_MODEL", column(...REGULAR)) as (string | number)[][];
    expect(rows.map((r) => r[0])).toEqual(["alpha", "beta", "log-likelihood", "periods"]);
    expect([round(rows[0][1], 3), round(rows[1][1], 3), rows[3][1]]).toEqual([0.704, 1.182, 7]);
    expect(rows[2][1]).toBeLessThan(0);
  });

  it("reads a row as well as a column, skips trailing blanks and reads numeric text", () => {
    const fromColumn = call("RETENTION_MODEL", column(...REGULAR));
    expect(call("RETENTION_MODEL", row(...REGULAR, "", ""))).toEqual(fromColumn);
    expect(call("RETENTION_MODEL", column(...REGULAR.map((n) => n.toLocaleString("en-US")), ""))).toEqual(fromColumn);
  });

  it("names the cell that is wrong", () => {
    const model = (input: Parameters<typeof call>[1]) => () => call("RETENTION_MODEL", input);
    expect(model(column(1000, 631, "", 382))).toThrow(/^RETENTION_MODEL: active_by_period row 3 is blank, but a later period has a count; enter 0/);
    expect(model(column(1000, 631, 650))).toThrow(/^RETENTION_MODEL: active_by_period row 3 is 650, more than the 631 of the period before; a cohort can only shrink/);
    expect(model(row(1000, "n/a", 400))).toThrow(/^RETENTION_MODEL: active_by_period column 2 is "n\/a", not a number$/);
    expect(model(column(1000, -3, -4))).toThrow(/^RETENTION_MODEL: active_by_period row 2 is -3; a count of customers cannot be negative$/);
    expect(model([[1000, 631], [468, 382]])).toThrow(/^RETENTION_MODEL: active_by_period must be one row or one column of counts, not a block of 2 rows × 2 columns$/);
    expect(model(column("", ""))).toThrow(/^RETENTION_MODEL: active_by_period is blank/);
    expect(model(column(1000, 600))).toThrow(/^RETENTION_MODEL: needs the active count of at least periods 0 to 2/);
    expect(model(column(1000, 800, 640, 512))).toThrow(/^RETENTION_MODEL: the retention rate does not rise steadily/);
  });
});

describe("RETENTION_FORECAST", () => {
  const rows = call("RETENTION_FORECAST", column(...REGULAR), 5) as (string | number)[][];

  it("spills a header and one row per period 0 … last observed + periods_ahead", () => {
    expect(rows[0]).toEqual(["period", "observed share active", "model share active", "retention rate"]);
    expect(rows).toHaveLength(1 + 8 + 5);
    expect(rows.slice(1).map((r) => r[0])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it("shows the observed share up to the data and blank beyond, the model's S(t), and S(t)/S(t−1) from period 1", () => {
    expect(rows[1]).toEqual([0, 1, 1, ""]);
    expect(rows[2][1]).toBeCloseTo(0.631, 12);
    expect(rows[8][1]).toBeCloseTo(0.241, 12);
    expect(rows[9][1]).toBe("");
    for (let i = 2; i < rows.length; i++) {
      expect(rows[i][3]).toBeCloseTo((rows[i][2] as number) / (rows[i - 1][2] as number), 12);
    }
    // Years 8–12 of the regular cohort, as docs/predictive-clv.md shows them beside the paper's 22.3 … 17.3.
    expect(rows.slice(9).map((r) => round(100 * (r[2] as number), 1))).toEqual([22.0, 20.4, 19.1, 18.0, 17.0]);
  });

  it("takes periods_ahead = 0 and refuses fractions, negatives and more than the cap", () => {
    expect(call("RETENTION_FORECAST", column(...REGULAR), 0)).toHaveLength(9);
    const forecast = (ahead: Parameters<typeof call>[1]) => () => call("RETENTION_FORECAST", column(...REGULAR), ahead);
    expect(forecast(2.5)).toThrow(/^RETENTION_FORECAST: periods_ahead is 2\.5; it must be a whole number of periods from 0 to 120$/);
    expect(forecast(-1)).toThrow(/^RETENTION_FORECAST: periods_ahead is -1/);
    expect(forecast(MAX_PERIODS_AHEAD + 1)).toThrow(/^RETENTION_FORECAST: periods_ahead is 121/);
    expect(forecast("")).toThrow(/^RETENTION_FORECAST: periods_ahead is blank; it needs a number$/);
  });
});

describe("sBG functions typed into cells over a cohort column", () => {
  it("fit, project and value the cohort from ranges, with an open-ended range below a header", () => {
    const sheet: (string | number | null)[][] = [["Year start", "Active", null, null, null, null]];
    REGULAR.forEach((n, t) => sheet.push([t, n, null, null, null, null]));
    sheet.push([null, null, null, null, null, null], [null, null, null, null, null, null]);
    sheet[0][3] = "=RETENTION_MODEL(B2:B11)";
    sheet[6][3] = "=LTV_RETENTION(B2:B11, 100, 10%, 2)";
    const hf = workbook(sheet);
    expect(shown(hf, "D1")).toBe("alpha");
    expect(round(shown(hf, "E1"), 3)).toBe(0.704);
    expect(round(shown(hf, "E2"), 3)).toBe(1.182);
    expect(shown(hf, "E4")).toBe(7);
    expect(shown(hf, "D5")).toBe("");
    expect(shown(hf, "D7")).toBeCloseTo(call("LTV_RETENTION", column(...REGULAR), 100, 0.1, 2) as number, 9);
    hf.destroy();
  });

  it("shows the reason on a bad cell as #ERROR!", () => {
    const hf = workbook([[1000], [631], ["n/a"], [400], ["=RETENTION_FORECAST(A1:A4, 3)"]]);
    expect(shown(hf, "A5")).toBe('#ERROR! RETENTION_FORECAST: active_by_period row 3 is "n/a", not a number');
    hf.destroy();
  });
});
