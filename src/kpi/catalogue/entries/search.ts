// Catalogue entry for search visibility: the share of tracked queries ranking in the top n.
import { type CellInput, isBlank, isRange } from "../../cells";
import { cellCount, cellToNumber, describeCell, forEachCell, singleNumber } from "../../coerce";
import { type QueryRank, searchTopShare } from "../../definitions/search";
import { fail } from "../../kpi-error";
import type { CatalogueEntry } from "../entry-types";

const FN = "SEARCH_TOP_SHARE";

const SEARCH_CONSOLE = "Google Search Console Help, \"What are impressions, position, and clicks?\" "
  + "(support.google.com/webmasters/answer/7042828): position 1 is the topmost result and a query's position is "
  + "the average of its topmost positions; the top-10 share is the usual first-results-page visibility KPI of rank tracking";

/** Impressions per cell, blank as 0: a query that was never shown weighs nothing. */
function weightsOf(input: CellInput): number[] {
  const ref = { fn: FN, arg: "impressions" };
  const weights: number[] = [];
  forEachCell(input, (value, position) => {
    const n = cellToNumber(ref, value, position) ?? 0;
    if (n < 0) fail(FN, `${describeCell("impressions", position)} is ${n}, and impressions cannot be negative`);
    weights.push(n);
  });
  return weights;
}

function queriesOf(positions: CellInput, impressions: CellInput): QueryRank[] {
  const weighted = isRange(impressions) || !isBlank(impressions);
  const weights = weighted ? weightsOf(impressions) : [];
  if (weighted && weights.length !== cellCount(positions)) {
    fail(FN, `positions has ${cellCount(positions)} cells but impressions has ${weights.length}; give impressions for the same queries`);
  }
  const ref = { fn: FN, arg: "positions" };
  const queries: QueryRank[] = [];
  let lastRanked = -1;
  forEachCell(positions, (value, place) => {
    const position = cellToNumber(ref, value, place);
    if (position !== null) lastRanked = queries.length;
    queries.push({ position, weight: weighted ? weights[queries.length] : 1, where: describeCell("positions", place) });
  });
  // Unweighted, blank rows after the last position are the unused end of an open range like C2:C, not queries.
  return weighted ? queries : queries.slice(0, lastRanked + 1);
}

export const SEARCH_TOP_SHARE: CatalogueEntry = {
  name: FN,
  category: "Growth and share",
  summary: "Share of tracked search queries whose average position is within the top n (10 by default), optionally weighted by impressions.",
  formula: "queries with position ≤ top_n ÷ all queries; weighted: impressions of those queries ÷ all impressions",
  source: SEARCH_CONSOLE,
  args: [
    { name: "positions", kind: "range", description: "Average position of each tracked query (1 = top); blank for a query that does not rank." },
    { name: "top_n", kind: "number", description: "How many top positions count, a whole number (10 = first results page).", optional: true, defaultValue: 10 },
    { name: "impressions", kind: "range", description: "Impressions of each query, the same rows as positions: weights the share by visibility.", optional: true },
  ],
  returns: { kind: "rate", description: "A fraction from 0 to 1." },
  examples: [
    { formula: "=SEARCH_TOP_SHARE({1.4;3;\"\";8.7;12.2;25})", result: 0.5, explanation: "3 of 6 tracked queries rank 10 or better; the blank one does not rank." },
    { formula: "=SEARCH_TOP_SHARE({2;7;15}, 3)", result: 1 / 3, explanation: "Only the query at position 2 is in the top 3." },
    { formula: "=SEARCH_TOP_SHARE({2;14;30}, 10, {800;150;50})", result: 0.8, explanation: "Weighted by impressions: 800 of 1,000 impressions are on queries in the top 10." },
  ],
  notes: [
    "A position is an average, so 10.4 is outside the top 10 and 10 is inside.",
    "A blank position is a query that does not rank: it counts in the total but never in the top. Without impressions, blank cells after the last position are taken as the unused end of the range and ignored; to count a non-ranking query at the end of the list, give impressions or put it higher up.",
    "With impressions, a blank impressions cell weighs 0 and the two ranges must have the same number of cells.",
    "Positions below 1 are an error: Search Console numbers positions from 1.",
  ],
  run: ([positions, topN, impressions]) =>
    searchTopShare(queriesOf(positions, impressions), singleNumber({ fn: FN, arg: "top_n" }, topN, 10)),
};
