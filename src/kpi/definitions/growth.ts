// Period-over-period growth and a part's share of a total.
import { fail } from "../kpi-error";
import { divide, requireNonNegative, show } from "./guards";

export function growthRate(current: number, previous: number): number {
  if (previous < 0) fail("GROWTH_RATE", `previous is ${show(previous)}; growth from a negative base is not meaningful`);
  return divide("GROWTH_RATE", current - previous, "previous", previous);
}

/** One group's share of the whole, e.g. a channel's share of spend or of traffic. */
export function share(part: number, whole: number, fn = "SHARE"): number {
  requireNonNegative(fn, "amount", part);
  return divide(fn, part, "amount", whole);
}
