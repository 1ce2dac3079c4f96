// Catalogue entry for period-over-period growth.
import { growthRate } from "../../definitions/growth";
import { numericEntry } from "../numeric-entry";
import { FARRIS } from "./sources";

export const GROWTH_RATE = numericEntry({
  name: "GROWTH_RATE",
  category: "Growth and share",
  summary: "Growth rate: (current − previous) ÷ previous.",
  formula: "(sum of current − sum of previous) ÷ sum of previous",
  source: `${FARRIS}, ch. 2 (growth: percentage change)`,
  args: [
    { name: "current", kind: "amount", description: "This period's value: totalled." },
    { name: "previous", kind: "amount", description: "The previous period's value: totalled." },
  ],
  returns: { kind: "rate", description: "A fraction: 0.25 is 25% growth." },
  examples: [{ formula: "=GROWTH_RATE(1250, 1000)", result: 0.25, explanation: "From 1,000 to 1,250 is +25%." }],
  compute: ([current, previous]) => growthRate(current, previous),
});
