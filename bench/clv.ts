// Times the CLV fit and prediction on the CDNOW sample and on a 25,000-customer synthetic log.
import { predictClv } from "../src/kpi/clv/clv-predict";
import type { OrderLog } from "../src/kpi/clv/transaction-summary";
import { CDNOW_CALIBRATION_END, loadCdnowLog } from "../test/fixtures/cdnow/load-cdnow";
import { syntheticOrderLog } from "./clv-synthetic-log";

function timeOne(label: string, log: OrderLog, asOf: number): void {
  const started = performance.now();
  const { model, customers } = predictClv(
    log,
    { horizonDays: 365, asOf, annualDiscountRate: 0.1 },
  );
  const ms = performance.now() - started;
  const total = customers.reduce((s, c) => s + c.clv, 0);
  const f = (v: number | null): string => (v === null ? "-" : v.toFixed(3));
  console.log(
    `${label}: ${log.orderDates.length} orders, ${model.customers} customers (${model.repeatCustomers} repeat): ` +
      `fit + 1-year discounted prediction ${ms.toFixed(0)} ms; ` +
      `r ${f(model.r)} α ${f(model.alpha)} a ${f(model.a)} b ${f(model.b)} p ${f(model.p)} q ${f(model.q)} γ ${f(model.gamma)}; ` +
      `total CLV ${total.toFixed(0)}`,
  );
}

export async function benchClv(): Promise<void> {
  timeOne("CLV CDNOW sample", loadCdnowLog(), CDNOW_CALIBRATION_END);
  const synthetic = syntheticOrderLog(25_000);
  timeOne("CLV synthetic", synthetic, synthetic.asOf);
}
