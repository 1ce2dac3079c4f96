// SEARCH_TOP_SHARE known answers. Position as defined by Google Search Console Help, "What are impressions,
// position, and clicks?" (answer 7042828): 1 is the topmost result, a query's position is an average.
import { describe, expect, it } from "vitest";
import { SEARCH_TOP_SHARE } from "../../src/kpi/catalogue/entries/search";
import { invoke } from "../../src/kpi/catalogue/invoke";
import { searchTopShare } from "../../src/kpi/definitions/search";

const col = (...values: (number | string)[]) => values.map((v) => [v]);
const run = (...args: Parameters<typeof invoke>[1]) => invoke(SEARCH_TOP_SHARE, args);

describe("SEARCH_TOP_SHARE (Search Console position: 1 = topmost)", () => {
  it("counts queries at or above position n, default 10, positions being averages", () => {
    expect(run(col(1, 10, 10.4, 11, 3))).toBe(0.6);
    expect(run(col(1, 10, 10.4, 11, 3), 3)).toBe(0.4);
    expect(run(col(2, 7, 15), 1)).toBe(0);
  });

  it("weights by impressions when given", () => {
    expect(run(col(2, 14, 30), 10, col(800, 150, 50))).toBe(0.8);
    // Text numbers as typed or exported ("1,200") are read.
    expect(run(col(2, 14), undefined, col("1,200", "300"))).toBe(0.8);
  });

  it("counts a blank position as a query that does not rank", () => {
    expect(run(col(1, "", 4, ""), 10, col(10, 10, 10, 10))).toBe(0.5);
    expect(run(col(1, "", 4, 50))).toBe(0.5);
  });

  it("ignores blank rows after the last position when unweighted (an open range like C2:C)", () => {
    expect(run(col(1, 20, "", "", ""))).toBe(0.5);
  });

  it("a blank impressions cell weighs nothing", () => {
    expect(run(col(1, 20, 3), 10, col(100, 100, ""))).toBe(0.5);
  });

  it("accepts a row as well as a column, and a single position", () => {
    expect(run([[1, 20, 3, 40]])).toBe(0.5);
    expect(run(4)).toBe(1);
  });

  it("rejects positions below 1, naming the row", () => {
    expect(() => run(col(1, 0, 3))).toThrow("SEARCH_TOP_SHARE: positions row 2 is 0; a search position is 1 or more");
    expect(() => run(col(1, -2))).toThrow("SEARCH_TOP_SHARE: positions row 2 is -2; a search position is 1 or more");
  });

  it("names a text cell", () => {
    expect(() => run(col(1, "n/a", 3))).toThrow("SEARCH_TOP_SHARE: positions row 2 is \"n/a\", not a number");
    expect(() => run(col(1, 3), 10, col(5, "n/a"))).toThrow("SEARCH_TOP_SHARE: impressions row 2 is \"n/a\", not a number");
  });

  it("needs impressions for the same rows as positions", () => {
    expect(() => run(col(1, 2, 3), 10, col(5, 6))).toThrow(
      "SEARCH_TOP_SHARE: positions has 3 cells but impressions has 2; give impressions for the same queries",
    );
  });

  it("rejects negative impressions and a zero impressions total", () => {
    expect(() => run(col(1, 2), 10, col(5, -1))).toThrow("SEARCH_TOP_SHARE: impressions row 2 is -1, and impressions cannot be negative");
    expect(() => run(col(1, 2), 10, col(0, 0))).toThrow("SEARCH_TOP_SHARE: impressions total is 0, so SEARCH_TOP_SHARE is undefined");
  });

  it("has no share without queries", () => {
    expect(() => run(col("", "", ""))).toThrow("SEARCH_TOP_SHARE: positions has no queries, so the share is undefined");
  });

  it("wants a whole top_n of at least 1", () => {
    expect(() => run(col(1, 2), 0)).toThrow("SEARCH_TOP_SHARE: top_n is 0; use a whole number of 1 or more");
    expect(() => run(col(1, 2), 2.5)).toThrow("SEARCH_TOP_SHARE: top_n is 2.5; use a whole number of 1 or more");
    expect(() => run(col(1, 2), "ten")).toThrow("SEARCH_TOP_SHARE: top_n is \"ten\", not a number");
  });

  it("the definition can be called directly", () => {
    expect(searchTopShare([{ position: 3, weight: 2, where: "a" }, { position: null, weight: 2, where: "b" }], 10)).toBe(0.5);
  });
});
