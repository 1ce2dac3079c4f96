// The catalogue: every custom function the add-on offers, in the order the docs list them.
import type { CatalogueEntry } from "./entry-types";
import { CAC, CPA } from "./entries/acquisition";
import { CONVERSION_RATE, CTR, ENGAGEMENT_RATE, LEAD_GEN_RATE, LEAD_TO_CUSTOMER_RATE } from "./entries/conversion";
import { AVG_DEAL_SIZE, CAC_PAYBACK, CLV, LTV, LTV_CAC_RATIO } from "./entries/customer-value";
import { FUNNEL } from "./entries/funnel";
import { GOAL_EXPECTED, GOAL_STATUS } from "./entries/goals";
import { GROWTH_RATE } from "./entries/growth";
import { CHURN_RATE, RETENTION_RATE } from "./entries/retention";
import { MER, ROAS, ROI, ROMI } from "./entries/returns";
import { KPI_BY } from "./entries/kpi-by";
import { CLV_MODEL, CLV_PREDICT } from "./entries/predictive-clv";
import { LTV_RETENTION, RETENTION_FORECAST, RETENTION_MODEL } from "./entries/retention-models";
import { CSAT, NPS } from "./entries/satisfaction";
import { SEARCH_TOP_SHARE } from "./entries/search";
import { TIME_TO_CONVERT } from "./entries/time-to-convert";
import { COHORT_CONVERSION } from "./entries/cohort-conversion";

export const CATALOGUE: readonly CatalogueEntry[] = [
  CAC, CPA,
  CONVERSION_RATE, LEAD_GEN_RATE, LEAD_TO_CUSTOMER_RATE, CTR, ENGAGEMENT_RATE, TIME_TO_CONVERT, COHORT_CONVERSION,
  CLV, LTV, LTV_CAC_RATIO, CAC_PAYBACK, AVG_DEAL_SIZE,
  ROI, ROMI, ROAS, MER,
  RETENTION_RATE, CHURN_RATE,
  NPS, CSAT,
  GROWTH_RATE, SEARCH_TOP_SHARE,
  KPI_BY,
  FUNNEL,
  GOAL_EXPECTED, GOAL_STATUS,
  CLV_PREDICT, CLV_MODEL,
  RETENTION_MODEL, RETENTION_FORECAST, LTV_RETENTION,
];

const BY_NAME = new Map(CATALOGUE.map((entry) => [entry.name, entry]));

export function findEntry(name: string): CatalogueEntry | undefined {
  return BY_NAME.get(name.trim().toUpperCase());
}

export type { CatalogueEntry } from "./entry-types";
