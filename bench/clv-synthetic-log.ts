// A deterministic synthetic order log drawn from the BG/NBD and Gamma-Gamma models, for benchmarking CLV fits.

import { seededRandom as seeded } from "../src/local/seeded-random";

/** Gamma(shape, 1) by Marsaglia & Tsang, boosted for shape < 1. */
function gammaSampler(uniform: () => number): (shape: number) => number {
  const normal = (): number => {
    const u = 1 - uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
  const draw = (shape: number): number => {
    if (shape < 1) return draw(shape + 1) * Math.pow(1 - uniform(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const z = normal();
      const v = (1 + c * z) ** 3;
      if (v <= 0) continue;
      if (Math.log(1 - uniform()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  return draw;
}

export interface SyntheticLog {
  readonly customerIds: string[];
  readonly orderDates: number[];
  readonly orderValues: number[];
  /** Spreadsheet serial of the end of observation. */
  readonly asOf: number;
}

/**
 * Customers start on a uniform day of the first 12 weeks and are watched for 78 weeks, with the CDNOW
 * estimates as the true parameters (r 0.243, α 4.414, a 0.793, b 2.426; p 6.25, q 3.74, γ 15.44):
 * about 2.8 orders per customer, as in CDNOW.
 */
export function syntheticOrderLog(customers: number, seed = 20260101): SyntheticLog {
  const uniform = seeded(seed);
  const gamma = gammaSampler(uniform);
  const start = 35431; // 1997-01-01
  const end = start + 78 * 7;
  const log: SyntheticLog = { customerIds: [], orderDates: [], orderValues: [], asOf: end };
  for (let i = 0; i < customers; i++) {
    const id = `C${i + 1}`;
    const lambda = gamma(0.243) / 4.414 / 7; // per day
    const g1 = gamma(0.793);
    const dropout = g1 / (g1 + gamma(2.426));
    const spendRate = gamma(3.74) / 15.44;
    let day = start + uniform() * 84;
    // The first purchase cannot end the relationship; each repeat purchase may, with probability p.
    for (let purchases = 1; ; purchases++) {
      log.customerIds.push(id);
      log.orderDates.push(Math.floor(day));
      log.orderValues.push(Math.max(0.01, Math.round((gamma(6.25) / spendRate) * 100) / 100));
      if (purchases > 1 && uniform() < dropout) break;
      day += -Math.log(1 - uniform()) / lambda;
      if (day > end) break;
    }
  }
  return log;
}

/** The size of the full CDNOW master log (Fader, Hardie & Lee 2005): customers and order rows. */
export const CDNOW_MASTER_CUSTOMERS = 23_570;
export const CDNOW_MASTER_ORDERS = 69_659;

/**
 * A log the size and shape of the full CDNOW master: 23,570 customers whose first purchase falls in the
 * first 12 weeks of 1997, watched for 78 weeks, with exactly 69,659 order rows. The model draws the
 * purchase occasions (about 66,000 for this seed); the rest are second orders on a day the customer
 * already bought, as CDNOW has (its sample's 6,919 rows are 6,696 customer-days), drawn with the same
 * seed so the log is the same on every run.
 */
export function cdnowMasterSizedLog(): SyntheticLog {
  const log = syntheticOrderLog(CDNOW_MASTER_CUSTOMERS);
  const occasions = log.orderDates.length;
  if (occasions > CDNOW_MASTER_ORDERS) {
    throw new Error(`the generator drew ${occasions} purchase occasions, more than CDNOW's ${CDNOW_MASTER_ORDERS} rows`);
  }
  const uniform = seeded(7);
  const extra = CDNOW_MASTER_ORDERS - occasions;
  for (let k = 0; k < extra; k++) {
    const row = Math.floor(uniform() * occasions);
    log.customerIds.push(log.customerIds[row]);
    log.orderDates.push(log.orderDates[row]);
    log.orderValues.push(Math.max(0.01, Math.round(log.orderValues[row] * (0.2 + uniform()) * 100) / 100));
  }
  return log;
}
