// The fast date-column reader must give exactly what dateToSerial and cellToDateSerial give, cell for cell.
import { afterEach, describe, expect, it } from "vitest";
import { cellToDateSerial } from "../../src/kpi/coerce";
import { dateSerialCache, dateSerialsOf } from "../../src/kpi/date-serials";
import { dateToSerial } from "../../src/kpi/dates";

const ref = { fn: "TIME_TO_CONVERT", arg: "start_dates" };
const originalTz = process.env.TZ;

describe("dateSerialsOf", () => {
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  for (const tz of ["UTC", "Europe/Paris", "America/St_Johns", "Australia/Lord_Howe", "Pacific/Apia"]) {
    it(`matches dateToSerial hour by hour across daylight-saving changes in ${tz}`, () => {
      process.env.TZ = tz;
      expect(new Date(2025, 6, 1).getTimezoneOffset() !== 0).toBe(tz !== "UTC");
      const toSerial = dateSerialCache();
      const mismatches: string[] = [];
      const check = (date: Date) => {
        if (toSerial(date) !== dateToSerial(date)) mismatches.push(date.toISOString());
      };
      const step = 7 * (3_600_000 + 61_000); // drifts through every minute of the hour over the years
      for (let t = Date.UTC(1990, 0, 1); t < Date.UTC(2030, 0, 1); t += step) check(new Date(t));
      for (let year = 1900; year < 2100; year += 3) {
        for (let month = 0; month < 12; month++) check(new Date(year, month, 1));
      }
      expect(mismatches).toEqual([]);
    });
  }

  it("reads Date cells, serials, ISO text and blanks in reading order, like cellToDateSerial", () => {
    const cells = [[new Date(2025, 0, 1), 45000], ["2025-03-31", ""], [null, new Date(2025, 5, 1, 12)]];
    const expected = cells.flat().map((v) => cellToDateSerial(ref, v) ?? Number.NaN);
    expect(Array.from(dateSerialsOf(ref, cells))).toEqual(expected);
    expect(Array.from(dateSerialsOf(ref, new Date(2025, 0, 1)))).toEqual([dateToSerial(new Date(2025, 0, 1))]);
  });

  it("names a bad cell by row and column as the coerce helpers do", () => {
    expect(() => dateSerialsOf(ref, [[new Date(2025, 0, 1)], ["n/a"]])).toThrow("TIME_TO_CONVERT: start_dates row 2 is \"n/a\", not a date");
    expect(() => dateSerialsOf(ref, [[1, 2], [3, "x"]])).toThrow("TIME_TO_CONVERT: start_dates row 2, column 2 is \"x\", not a date");
  });

  it("copes with ragged rows", () => {
    expect(Array.from(dateSerialsOf(ref, [[1], [2, 3, 4], [5]]))).toEqual([1, 2, 3, 4, 5]);
  });
});
