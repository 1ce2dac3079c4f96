// The money format comes from the data: a currency the export states (header, cell format, cell text), placed as the spreadsheet's locale writes it.
import { describe, expect, it } from "vitest";
import { currencyOf, moneyFormat, PLAIN_MONEY } from "../../src/server/summary/money-format";

const evidence = (over: Partial<Parameters<typeof currencyOf>[0]>) => ({ headers: [], formats: [], texts: [], locale: "en_US", ...over });

describe("the data's currency", () => {
  it("reads the code exports put in the header", () => {
    // Meta Ads (German UI), Google Ads, LinkedIn-style and a German "Kosten (EUR)".
    expect(currencyOf(evidence({ headers: ["Ausgegebener Betrag (EUR)"] }))).toBe("EUR");
    expect(currencyOf(evidence({ headers: ["Amount spent (USD)"] }))).toBe("USD");
    expect(currencyOf(evidence({ headers: ["Kosten (EUR)", "Umsatz (EUR)"] }))).toBe("EUR");
    expect(currencyOf(evidence({ headers: ["Cost"] }))).toBeNull();
  });

  it("reads a cell's currency format and a symbol in text cells", () => {
    expect(currencyOf(evidence({ formats: ['"$"#,##0.00'] }))).toBe("USD");
    expect(currencyOf(evidence({ formats: ["[$€-407]#,##0.00"] }))).toBe("EUR");
    expect(currencyOf(evidence({ formats: ["#,##0.00 [$£-809]"] }))).toBe("GBP");
    expect(currencyOf(evidence({ formats: ["0.###############"] }))).toBeNull();
    expect(currencyOf(evidence({ texts: ["Rp 1.250.000"] }))).toBe("IDR");
    expect(currencyOf(evidence({ texts: ["1.234,56 €"] }))).toBe("EUR");
  });

  it("says nothing when the columns disagree (spend in USD, revenue in EUR)", () => {
    expect(currencyOf(evidence({ headers: ["Spend (USD)", "Revenue (EUR)"] }))).toBeNull();
  });
});

describe("the money format", () => {
  it("puts the symbol where the spreadsheet's locale does, with the currency's decimals", () => {
    expect(moneyFormat("USD", "en_US")).toBe('"$"#,##0.00');
    expect(moneyFormat("EUR", "en_GB")).toBe('"€"#,##0.00');
    expect(moneyFormat("EUR", "de_DE")).toBe('#,##0.00 "€"');
    expect(moneyFormat("JPY", "ja_JP")).toBe('"¥"#,##0');
    expect(moneyFormat("IDR", "id_ID")).toBe('"Rp "#,##0');
    expect(moneyFormat("CHF", "de_CH")).toBe('#,##0.00 "CHF"');
  });

  it("is the plain amount when no currency is stated: never a guessed symbol", () => {
    expect(moneyFormat(null, "en_US")).toBe(PLAIN_MONEY);
  });
});
