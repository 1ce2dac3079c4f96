// The KPIs KPI_BY can compute per group: every catalogue entry defined from totals of its arguments.
import type { CatalogueEntry } from "./entry-types";
import { CAC, CPA } from "./entries/acquisition";
import { CONVERSION_RATE, CTR, ENGAGEMENT_RATE, LEAD_GEN_RATE, LEAD_TO_CUSTOMER_RATE } from "./entries/conversion";
import { AVG_DEAL_SIZE } from "./entries/customer-value";
import { GROWTH_RATE } from "./entries/growth";
import { CHURN_RATE, RETENTION_RATE } from "./entries/retention";
import { MER, ROAS, ROI, ROMI } from "./entries/returns";

export const GROUPABLE_ENTRIES: readonly CatalogueEntry[] = [
  CAC, CPA, CONVERSION_RATE, LEAD_GEN_RATE, LEAD_TO_CUSTOMER_RATE, CTR, ENGAGEMENT_RATE,
  ROI, ROMI, ROAS, MER, RETENTION_RATE, CHURN_RATE, AVG_DEAL_SIZE, GROWTH_RATE,
];
