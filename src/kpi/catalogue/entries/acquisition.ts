// Catalogue entries for the cost of acquiring customers: CAC and CPA.
import { cac, cpa } from "../../definitions/acquisition";
import { numericEntry } from "../numeric-entry";
import { FARRIS, SKOK } from "./sources";

export const CAC = numericEntry({
  name: "CAC",
  category: "Acquisition",
  summary: "Customer acquisition cost: total sales and marketing spend ÷ new customers.",
  formula: "sum of spend ÷ sum of new customers",
  source: `${SKOK}; ${FARRIS}, ch. 5`,
  args: [
    { name: "spend", kind: "amount", description: "Sales and marketing spend for the period: a number or a range, totalled." },
    { name: "new_customers", kind: "count", description: "Customers won in the same period: a number or a range, totalled." },
  ],
  returns: { kind: "number", description: "Spend per new customer, in the currency of spend." },
  examples: [
    { formula: "=CAC(12000, 80)", result: 150, explanation: "12,000 spent to win 80 customers costs 150 per customer." },
    { formula: "=CAC({5000;7000}, {30;50})", result: 150, explanation: "Ranges are totalled first: 12,000 ÷ 80." },
  ],
  notes: ["Totals, not an average of per-row ratios: rows with spend and no customers still count."],
  compute: ([spend, customers]) => cac(spend, customers),
});

export const CPA = numericEntry({
  name: "CPA",
  category: "Acquisition",
  summary: "Cost per acquisition: spend ÷ acquisitions, for any conversion event you choose.",
  formula: "sum of spend ÷ sum of acquisitions",
  source: `${FARRIS}, ch. 9 (cost per customer acquired)`,
  args: [
    { name: "spend", kind: "amount", description: "Spend on the campaign or channel: a number or a range, totalled." },
    { name: "acquisitions", kind: "count", description: "Conversion events (sign-ups, trials, orders): a number or a range, totalled." },
  ],
  returns: { kind: "number", description: "Spend per acquisition." },
  examples: [{ formula: "=CPA(2500, 125)", result: 20, explanation: "2,500 spent for 125 trial sign-ups is 20 per sign-up." }],
  compute: ([spend, acquisitions]) => cpa(spend, acquisitions),
});
