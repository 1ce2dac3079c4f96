// The functions newer than the 2007 .xlsx format, which a file must spell with Excel's `_xlfn.` prefix, and the rewriting both ways.

/**
 * Every function Excel added after the original OOXML function list (Excel 2010 onwards). A file that names one
 * without its prefix reads as `#NAME?` in Excel and LibreOffice. Functions only Google Sheets has
 * (SPARKLINE, ARRAYFORMULA, QUERY, ...) are not here: no prefix makes them work elsewhere.
 */
export const POST_2007_FUNCTIONS: readonly string[] = [
  // Excel 2010
  "AGGREGATE", "BETA.DIST", "BETA.INV", "BINOM.DIST", "BINOM.INV", "CEILING.PRECISE", "CHISQ.DIST", "CHISQ.DIST.RT",
  "CHISQ.INV", "CHISQ.INV.RT", "CHISQ.TEST", "CONFIDENCE.NORM", "CONFIDENCE.T", "COVARIANCE.P", "COVARIANCE.S",
  "ERF.PRECISE", "ERFC.PRECISE", "EXPON.DIST", "F.DIST", "F.DIST.RT", "F.INV", "F.INV.RT", "F.TEST", "FLOOR.PRECISE",
  "GAMMA.DIST", "GAMMA.INV", "GAMMALN.PRECISE", "HYPGEOM.DIST", "LOGNORM.DIST", "LOGNORM.INV", "MODE.MULT", "MODE.SNGL",
  "NEGBINOM.DIST", "NETWORKDAYS.INTL", "NORM.DIST", "NORM.INV", "NORM.S.DIST", "NORM.S.INV", "PERCENTILE.EXC",
  "PERCENTILE.INC", "PERCENTRANK.EXC", "PERCENTRANK.INC", "POISSON.DIST", "QUARTILE.EXC", "QUARTILE.INC", "RANK.AVG",
  "RANK.EQ", "STDEV.P", "STDEV.S", "T.DIST", "T.DIST.2T", "T.DIST.RT", "T.INV", "T.INV.2T", "T.TEST", "VAR.P", "VAR.S",
  "WEIBULL.DIST", "WORKDAY.INTL",
  // Excel 2013
  "ACOT", "ACOTH", "ARABIC", "BASE", "BINOM.DIST.RANGE", "BITAND", "BITLSHIFT", "BITOR", "BITRSHIFT", "BITXOR",
  "CEILING.MATH", "COMBINA", "COT", "COTH", "CSC", "CSCH", "DAYS", "DECIMAL", "ENCODEURL", "FILTERXML", "FLOOR.MATH",
  "FORMULATEXT", "GAMMA", "GAUSS", "IFNA", "IMCOSH", "IMCOT", "IMCSC", "IMCSCH", "IMSEC", "IMSECH", "IMSINH", "IMTAN",
  "ISFORMULA", "ISOWEEKNUM", "MUNIT", "NUMBERVALUE", "PDURATION", "PERMUTATIONA", "PHI", "RRI", "SEC", "SECH", "SHEET",
  "SHEETS", "SKEW.P", "UNICHAR", "UNICODE", "WEBSERVICE", "XOR",
  // Excel 2016
  "FORECAST.ETS", "FORECAST.ETS.CONFINT", "FORECAST.ETS.SEASONALITY", "FORECAST.ETS.STAT", "FORECAST.LINEAR",
  // Excel 2019
  "CONCAT", "IFS", "MAXIFS", "MINIFS", "SWITCH", "TEXTJOIN",
  // Microsoft 365
  "ANCHORARRAY", "ARRAYTOTEXT", "BYCOL", "BYROW", "CHOOSECOLS", "CHOOSEROWS", "DROP", "EXPAND", "FILTER", "GROUPBY",
  "HSTACK", "IMAGE", "ISOMITTED", "LAMBDA", "LET", "MAKEARRAY", "MAP", "PERCENTOF", "PIVOTBY", "RANDARRAY", "REDUCE",
  "REGEXEXTRACT", "REGEXREPLACE", "REGEXTEST", "SCAN", "SEQUENCE", "SINGLE", "SORT", "SORTBY", "STOCKHISTORY", "TAKE",
  "TEXTAFTER", "TEXTBEFORE", "TEXTSPLIT", "TOCOL", "TOROW", "TRIMRANGE", "UNIQUE", "VALUETOTEXT", "VSTACK", "WRAPCOLS",
  "WRAPROWS", "XLOOKUP", "XMATCH",
];

/** The few whose file spelling carries a second, worksheet-function prefix. */
const WORKSHEET_PREFIXED = new Set(["FILTER", "SORT"]);

const FUTURE = new Set(POST_2007_FUNCTIONS);
/** Prefixes a file may put before a function name: future function, worksheet function, user-defined function. */
const PREFIX = /^(?:_xlfn\.|_xlws\.|_xludf\.)+/i;

/** A run of the formula: text to rewrite, or a string literal / quoted sheet name / structured reference to keep as it is. */
interface Piece {
  text: string;
  literal: boolean;
}

/** Splits a formula into code and literals: "..." strings, '...' sheet names (doubled quotes inside) and [...] table references. */
function pieces(formula: string): Piece[] {
  const out: Piece[] = [];
  let code = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'" || ch === "[") {
      const close = ch === "[" ? "]" : ch;
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === close) {
          if (close !== "]" && formula[j + 1] === close) {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      if (code) out.push({ text: code, literal: false });
      code = "";
      out.push({ text: formula.slice(i, j + 1), literal: true });
      i = j + 1;
      continue;
    }
    code += ch;
    i++;
  }
  if (code) out.push({ text: code, literal: false });
  return out;
}

/** A name followed by "(" that is not part of a longer name or a sheet-qualified reference. */
const CALL = /(?<![A-Za-z0-9_.!$])((?:_xlfn\.|_xlws\.|_xludf\.)*)([A-Za-z][A-Za-z0-9_.]*)(?=\s*\()/gi;

function rewrite(formula: string, fn: (prefix: string, name: string) => string): string {
  return pieces(formula)
    .map((p) => (p.literal ? p.text : p.text.replace(CALL, (_m, prefix: string, name: string) => fn(prefix, name))))
    .join("");
}

/** The formula as an .xlsx file must hold it: every post-2007 function with its prefix (given without the leading "="). */
export function addXlfnPrefixes(formula: string): string {
  return rewrite(formula, (prefix, name) => {
    const upper = name.toUpperCase();
    if (prefix !== "" || !FUTURE.has(upper)) return `${prefix}${name}`;
    // Excel writes prefixed names in capitals.
    return WORKSHEET_PREFIXED.has(upper) ? `_xlfn._xlws.${upper}` : `_xlfn.${upper}`;
  });
}

/** The formula as a spreadsheet shows it: the file's prefixes removed. */
export function stripXlfnPrefixes(formula: string): string {
  if (!/_xl(?:fn|ws|udf)\./i.test(formula)) return formula;
  return rewrite(formula, (prefix, name) => (PREFIX.test(prefix) ? name : `${prefix}${name}`));
}
