// Functions newer than the 2007 file format get Excel's `_xlfn.` prefix in a file, outside text and sheet names, and lose it when read.
import { describe, expect, it } from "vitest";
import { addXlfnPrefixes, POST_2007_FUNCTIONS, stripXlfnPrefixes } from "../../src/local/emulation/xlsx-functions";

describe("_xlfn. prefixes", () => {
  it("prefixes every post-2007 function called, nested or not, and leaves the 2007 ones alone", () => {
    expect(addXlfnPrefixes('IFS(A1>1, SWITCH(B1, 1, "a", 2, "b"), TRUE, IFNA(MAXIFS(C:C, D:D, ">0"), 0))')).toBe(
      '_xlfn.IFS(A1>1, _xlfn.SWITCH(B1, 1, "a", 2, "b"), TRUE, _xlfn.IFNA(_xlfn.MAXIFS(C:C, D:D, ">0"), 0))',
    );
    expect(addXlfnPrefixes("SUMIFS(A:A, B:B, 1)+IFERROR(1/0, 0)+EOMONTH(TODAY(), -1)")).toBe("SUMIFS(A:A, B:B, 1)+IFERROR(1/0, 0)+EOMONTH(TODAY(), -1)");
    expect(addXlfnPrefixes("ifs(1, 2)")).toBe("_xlfn.IFS(1, 2)");
    expect(addXlfnPrefixes("FILTER(A1:A9, A1:A9>0)+T.DIST(1, 2, TRUE)")).toBe("_xlfn._xlws.FILTER(A1:A9, A1:A9>0)+_xlfn.T.DIST(1, 2, TRUE)");
    for (const name of POST_2007_FUNCTIONS) expect(addXlfnPrefixes(`${name}(1)`), name).toMatch(new RegExp(`^_xlfn\\.(_xlws\\.)?${name.replace(/\./g, "\\.")}\\(1\\)$`));
  });

  it("never touches text, sheet names or table references that look like calls", () => {
    const formula = `IF('IFS(2025)'!A1="SWITCH(x)", IFS(1, 2), Table1[CONCAT(])`;
    expect(addXlfnPrefixes(formula)).toBe(`IF('IFS(2025)'!A1="SWITCH(x)", _xlfn.IFS(1, 2), Table1[CONCAT(])`);
    expect(addXlfnPrefixes(`"it's ""IFS("" here"&IFS(1,2)`)).toBe(`"it's ""IFS("" here"&_xlfn.IFS(1,2)`);
    expect(addXlfnPrefixes("'Bob''s IFS('!A1+MYIFS(1)")).toBe("'Bob''s IFS('!A1+MYIFS(1)");
  });

  it("is not applied twice, and reading strips it (and the user-defined prefix) back off", () => {
    const once = addXlfnPrefixes("IFS(1, 2)+SWITCH(3, 3, 4)");
    expect(addXlfnPrefixes(once)).toBe(once);
    expect(stripXlfnPrefixes(once)).toBe("IFS(1, 2)+SWITCH(3, 3, 4)");
    expect(stripXlfnPrefixes('_xlfn._xlws.SORT(A1:A3)&"_xlfn.IFS("&_xludf.CAC(B1:B3, C1:C3)')).toBe('SORT(A1:A3)&"_xlfn.IFS("&CAC(B1:B3, C1:C3)');
  });
});
