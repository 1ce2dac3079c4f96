// Catalogue entries for funnel conversion rates.
import { conversionRate, ctr, engagementRate, leadGenRate, leadToCustomerRate } from "../../definitions/conversion";
import { numericEntry } from "../numeric-entry";
import { FARRIS } from "./sources";

export const CONVERSION_RATE = numericEntry({
  name: "CONVERSION_RATE",
  category: "Conversion",
  summary: "Conversion rate: conversions ÷ total, as a fraction (format the cell as %).",
  formula: "sum of conversions ÷ sum of total",
  source: `${FARRIS}, ch. 9 (conversion rate)`,
  args: [
    { name: "conversions", kind: "count", description: "Those who converted: a number or a range, totalled." },
    { name: "total", kind: "count", description: "Those who could have converted (visits, leads, recipients): totalled." },
  ],
  returns: { kind: "rate", description: "A fraction from 0 to 1." },
  examples: [{ formula: "=CONVERSION_RATE(45, 1500)", result: 0.03, explanation: "45 orders from 1,500 visits is 3%." }],
  notes: ["More conversions than total is a data error, not a rate above 100%."],
  compute: ([conversions, total]) => conversionRate(conversions, total),
});

export const LEAD_GEN_RATE = numericEntry({
  name: "LEAD_GEN_RATE",
  category: "Conversion",
  summary: "Lead generation rate: leads ÷ visits.",
  formula: "sum of leads ÷ sum of visits",
  source: `${FARRIS}, ch. 9 (conversion rate applied to the visit → lead step)`,
  args: [
    { name: "leads", kind: "count", description: "Leads captured: a number or a range, totalled." },
    { name: "visits", kind: "count", description: "Visits or sessions in the same period: totalled." },
  ],
  returns: { kind: "rate", description: "A fraction from 0 to 1." },
  examples: [{ formula: "=LEAD_GEN_RATE(120, 4000)", result: 0.03, explanation: "120 leads from 4,000 visits is 3%." }],
  compute: ([leads, visits]) => leadGenRate(leads, visits),
});

export const LEAD_TO_CUSTOMER_RATE = numericEntry({
  name: "LEAD_TO_CUSTOMER_RATE",
  category: "Conversion",
  summary: "Lead-to-customer rate: customers ÷ leads.",
  formula: "sum of customers ÷ sum of leads",
  source: `${FARRIS}, ch. 9 (conversion rate applied to the lead → customer step)`,
  args: [
    { name: "customers", kind: "count", description: "Leads that became customers: totalled." },
    { name: "leads", kind: "count", description: "Leads in the same cohort or period: totalled." },
  ],
  returns: { kind: "rate", description: "A fraction from 0 to 1." },
  examples: [{ formula: "=LEAD_TO_CUSTOMER_RATE(18, 120)", result: 0.15, explanation: "18 customers from 120 leads is 15%." }],
  compute: ([customers, leads]) => leadToCustomerRate(customers, leads),
});

export const CTR = numericEntry({
  name: "CTR",
  category: "Conversion",
  summary: "Click-through rate: clicks ÷ impressions (also the CTA click rate: clicks ÷ page visitors).",
  formula: "sum of clicks ÷ sum of impressions",
  source: `${FARRIS}, ch. 9 (click-through rate)`,
  args: [
    { name: "clicks", kind: "count", description: "Clicks on the ad, link or call to action: totalled." },
    { name: "impressions", kind: "count", description: "Impressions, or visitors of the page for a CTA: totalled." },
  ],
  returns: { kind: "rate", description: "A fraction from 0 to 1." },
  examples: [{ formula: "=CTR(84, 12000)", result: 0.007, explanation: "84 clicks on 12,000 impressions is 0.7%." }],
  compute: ([clicks, impressions]) => ctr(clicks, impressions),
});

export const ENGAGEMENT_RATE = numericEntry({
  name: "ENGAGEMENT_RATE",
  category: "Conversion",
  summary: "Engagement rate: engagements ÷ reach (or impressions).",
  formula: "sum of engagements ÷ sum of reach",
  source: "Hootsuite and Sprout Social engagement-rate-by-reach definition; " + FARRIS,
  args: [
    { name: "engagements", kind: "count", description: "Likes, comments, shares, saves and clicks: totalled." },
    { name: "reach", kind: "count", description: "People reached (or impressions, for engagement by impressions): totalled." },
  ],
  returns: { kind: "rate", description: "A fraction; may exceed 1 because one person can engage several times." },
  examples: [{ formula: "=ENGAGEMENT_RATE(240, 8000)", result: 0.03, explanation: "240 engagements from 8,000 people reached is 3%." }],
  notes: ["Unlike the funnel rates it may exceed 100%: engagements count actions, reach counts people."],
  compute: ([engagements, reach]) => engagementRate(engagements, reach),
});
