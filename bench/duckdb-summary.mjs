// The same work as `summarize --json` on the bench's aggregated CSV, in DuckDB SQL: read with the same types, totals, per channel, per month, the 30-day headline; prints JSON.
import { DuckDBInstance } from "@duckdb/node-api";

const [file] = process.argv.slice(2);
const STAGES = ["Sessions", "Leads", "Customers"];

/** The KPIs the CLI prints per slice, from that slice's sums: spend, revenue, stage counts, conversion, CAC, ROAS, ROMI. */
const SLICE = `
  sum(Spend) AS spend, sum(Revenue) AS revenue,
  ${STAGES.map((s) => `sum(${s}) AS ${s.toLowerCase()}`).join(", ")},
  sum(Customers) / nullif(sum(Sessions), 0) AS conversion,
  sum(Spend) / nullif(sum(Customers), 0) AS cac,
  sum(Revenue) / nullif(sum(Spend), 0) AS roas,
  (sum(Revenue) - sum(Spend)) / nullif(sum(Spend), 0) AS romi`;

const instance = await DuckDBInstance.create(":memory:");
const db = await instance.connect();
const path = file.replaceAll("'", "''");
await db.run(`CREATE TEMP TABLE t AS SELECT * FROM read_csv('${path}', header = true, columns = {
  'Date': 'DATE', 'Channel': 'VARCHAR', 'Spend': 'DOUBLE', 'Sessions': 'DOUBLE', 'Leads': 'DOUBLE', 'Customers': 'DOUBLE', 'Revenue': 'DOUBLE' })`);
const rows = async (sql) => (await db.runAndReadAll(sql)).getRowObjectsJson();
const [bounds] = await rows(`SELECT max(Date) AS last, max(Date) - 29 AS start, max(Date) - 59 AS previous_start FROM t`);
const result = {
  totals: (await rows(`SELECT count(*) AS rows, ${SLICE} FROM t`))[0],
  // Channel labels differing only in case or surrounding spaces are one channel, as in the CLI.
  channels: await rows(`SELECT first(trim(Channel)) AS channel, ${SLICE} FROM t GROUP BY lower(trim(Channel)) ORDER BY spend DESC`),
  months: await rows(`SELECT strftime(date_trunc('month', Date), '%Y-%m') AS month, ${SLICE} FROM t GROUP BY date_trunc('month', Date) ORDER BY 1`),
  headline: await rows(`SELECT CASE WHEN Date >= DATE '${bounds.start}' THEN 'current' ELSE 'previous' END AS period, ${SLICE}
    FROM t WHERE Date >= DATE '${bounds.previous_start}' AND Date <= DATE '${bounds.last}' GROUP BY 1 ORDER BY 1`),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
