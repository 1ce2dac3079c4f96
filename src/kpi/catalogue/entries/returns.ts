// Catalogue entries for return on spend: ROI, ROMI, ROAS and MER.
import { mer, roas, roi, romi } from "../../definitions/returns";
import { numericEntry } from "../numeric-entry";
import { FARRIS } from "./sources";

export const ROI = numericEntry({
  name: "ROI",
  category: "Return on spend",
  summary: "Return on investment: (gain − cost) ÷ cost.",
  formula: "(sum of gain − sum of cost) ÷ sum of cost",
  source: `${FARRIS}, ch. 10 (return on investment)`,
  args: [
    { name: "gain", kind: "amount", description: "What the investment brought in: totalled." },
    { name: "cost", kind: "amount", description: "What it cost: totalled." },
  ],
  returns: { kind: "rate", description: "A fraction: 0.5 is a 50% return, −0.2 a 20% loss." },
  examples: [{ formula: "=ROI(15000, 10000)", result: 0.5, explanation: "15,000 back on 10,000 is a 50% return." }],
  compute: ([gain, cost]) => roi(gain, cost),
});

export const ROMI = numericEntry({
  name: "ROMI",
  category: "Return on spend",
  summary: "Return on marketing investment: (revenue × gross margin − marketing spend) ÷ marketing spend.",
  formula: "(sum of revenue × gross_margin − sum of marketing_spend) ÷ sum of marketing_spend",
  source: `${FARRIS}, ch. 10 (return on marketing investment)`,
  args: [
    { name: "revenue", kind: "amount", description: "Revenue attributable to the marketing: totalled." },
    { name: "marketing_spend", kind: "amount", description: "Marketing spend: totalled." },
    { name: "gross_margin", kind: "rate", description: "Gross margin, 0 to 1.", optional: true, defaultValue: 1 },
  ],
  returns: { kind: "rate", description: "A fraction: 1.5 means 150% return on the spend." },
  examples: [{ formula: "=ROMI(50000, 10000, 0.4)", result: 1, explanation: "50,000 revenue at 40% margin is 20,000; less 10,000 spend: 100%." }],
  compute: ([revenue, spend, margin]) => romi(revenue, spend, margin),
});

export const ROAS = numericEntry({
  name: "ROAS",
  category: "Return on spend",
  summary: "Return on ad spend: revenue ÷ ad spend.",
  formula: "sum of revenue ÷ sum of ad_spend",
  source: "Google Ads Help, \"Return on ad spend (ROAS)\"; " + FARRIS,
  args: [
    { name: "revenue", kind: "amount", description: "Revenue attributed to the ads: totalled." },
    { name: "ad_spend", kind: "amount", description: "Ad spend: totalled." },
  ],
  returns: { kind: "number", description: "Revenue per unit of ad spend (4 means 4:1, or 400%)." },
  examples: [{ formula: "=ROAS(20000, 5000)", result: 4, explanation: "20,000 revenue on 5,000 of ads is 4:1." }],
  compute: ([revenue, adSpend]) => roas(revenue, adSpend),
});

export const MER = numericEntry({
  name: "MER",
  category: "Return on spend",
  summary: "Marketing efficiency ratio: total revenue ÷ total marketing spend, with no attribution.",
  formula: "sum of revenue ÷ sum of marketing_spend",
  source: "Common Thread Collective, \"Marketing Efficiency Ratio\" (blended ROAS)",
  args: [
    { name: "revenue", kind: "amount", description: "All revenue in the period: totalled." },
    { name: "marketing_spend", kind: "amount", description: "All marketing spend in the period: totalled." },
  ],
  returns: { kind: "number", description: "Revenue per unit of marketing spend." },
  examples: [{ formula: "=MER(250000, 50000)", result: 5, explanation: "250,000 revenue on 50,000 of marketing: 5." }],
  compute: ([revenue, spend]) => mer(revenue, spend),
});
