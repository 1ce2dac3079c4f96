// Search visibility: the share of tracked queries ranking within the top n positions.
import { fail } from "../kpi-error";
import { requirePositive, show } from "./guards";

/** One tracked query: its average position (null when it does not rank) and its weight (impressions, or 1). */
export interface QueryRank {
  position: number | null;
  weight: number;
  /** Where the position sits, e.g. "positions row 4", so a bad value can be named. */
  where: string;
}

/**
 * Weight of queries with 1 ≤ position ≤ topN ÷ weight of all queries. A query that does not rank has no
 * position and counts in the total but never in the top.
 */
export function searchTopShare(queries: readonly QueryRank[], topN = 10, fn = "SEARCH_TOP_SHARE"): number {
  if (!Number.isInteger(topN) || topN < 1) fail(fn, `top_n is ${show(topN)}; use a whole number of 1 or more`);
  if (queries.length === 0) fail(fn, "positions has no queries, so the share is undefined");
  let inTop = 0;
  let all = 0;
  for (const { position, weight, where } of queries) {
    // Search Console numbers positions from 1 (the topmost result); 0 or less is not a position.
    if (position !== null && position < 1) fail(fn, `${where} is ${show(position)}; a search position is 1 or more`);
    all += weight;
    if (position !== null && position <= topN) inTop += weight;
  }
  return inTop / requirePositive(fn, "impressions", all);
}
