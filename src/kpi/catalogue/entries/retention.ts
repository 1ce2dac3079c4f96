// Catalogue entries for keeping customers: retention and churn.
import { churnRate, retentionRate } from "../../definitions/retention";
import { numericEntry } from "../numeric-entry";
import { FARRIS } from "./sources";

export const RETENTION_RATE = numericEntry({
  name: "RETENTION_RATE",
  category: "Retention",
  summary: "Customer retention rate: (customers at the end − new customers) ÷ customers at the start.",
  formula: "(customers_end − new_customers) ÷ customers_start",
  source: `${FARRIS}, ch. 5 (retention rate)`,
  args: [
    { name: "customers_end", kind: "count", description: "Customers at the end of the period: totalled." },
    { name: "new_customers", kind: "count", description: "Customers acquired during the period: totalled." },
    { name: "customers_start", kind: "count", description: "Customers at the start of the period: totalled." },
  ],
  returns: { kind: "rate", description: "A fraction from 0 to 1." },
  examples: [{ formula: "=RETENTION_RATE(1100, 200, 1000)", result: 0.9, explanation: "1,100 at the end, 200 of them new, from 1,000: 90% retained." }],
  compute: ([end, fresh, start]) => retentionRate(end, fresh, start),
});

export const CHURN_RATE = numericEntry({
  name: "CHURN_RATE",
  category: "Retention",
  summary: "Churn rate: customers lost ÷ customers at the start of the period.",
  formula: "customers_lost ÷ customers_start",
  source: `${FARRIS}, ch. 5 (churn = 1 − retention)`,
  args: [
    { name: "customers_lost", kind: "count", description: "Customers lost during the period: totalled." },
    { name: "customers_start", kind: "count", description: "Customers at the start of the period: totalled." },
  ],
  returns: { kind: "rate", description: "A fraction from 0 to 1." },
  examples: [{ formula: "=CHURN_RATE(25, 1000)", result: 0.025, explanation: "25 lost of 1,000 is 2.5%." }],
  compute: ([lost, start]) => churnRate(lost, start),
});
