// NPS (Reichheld, HBR 2003) and CSAT (top-two-box) known answers and invalid answers.
import { describe, expect, it } from "vitest";
import { call, column } from "./call";

describe("NPS: % promoters (9–10) − % detractors (0–6), Reichheld 2003", () => {
  it("scores a column with passives and blanks", () => {
    expect(call("NPS", column(10, 9, 8, 7, 6, 3, 10, 9, 9, 5))).toBe(20);
    expect(call("NPS", column(10, "", 0, ""))).toBe(0);
    expect(call("NPS", column(7, 8))).toBe(0);
    expect(call("NPS", [[10, 10], [10, 10]])).toBe(100);
    expect(call("NPS", column(0, 6))).toBe(-100);
    expect(call("NPS", 9)).toBe(100);
  });
  it("refuses scores outside 0–10, fractions, text and an empty range", () => {
    expect(() => call("NPS", column(9, 11))).toThrow("NPS: scores row 2 is 11, not a whole score from 0 to 10");
    expect(() => call("NPS", column(9, 8.5))).toThrow("NPS: scores row 2 is 8.5, not a whole score from 0 to 10");
    expect(() => call("NPS", column(9, "great"))).toThrow('NPS: scores row 2 is "great", not a number');
    expect(() => call("NPS", column("", ""))).toThrow("NPS: there are no scores, so NPS is undefined");
  });
});

describe("CSAT: share of answers in the top two points of the scale", () => {
  it("5-point and 10-point scales", () => {
    expect(call("CSAT", column(5, 4, 3, 5, 2))).toBe(0.6);
    expect(call("CSAT", column(10, 9, 8, 0), 10)).toBe(0.5);
  });
  it("refuses answers off the scale and odd scales", () => {
    expect(() => call("CSAT", column(5, 6))).toThrow("CSAT: scores row 2 is 6, not a whole score from 1 to 5");
    expect(() => call("CSAT", column(0))).toThrow("CSAT: scores is 0, not a whole score from 1 to 5");
    expect(() => call("CSAT", column(3), 2)).toThrow("CSAT: scale_max is 2; use a whole number from 3 to 10");
  });
});
