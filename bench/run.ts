// `npm run bench`: prints timings and memory for the catalogue, predictive CLV, the summary, spills, the sidebar and the CLI.
import { benchCatalogue } from "./catalogue";
import { benchCli } from "./cli";
import { benchCliOut } from "./cli-out";
import { benchCliStart } from "./cli-start";
import { benchClv } from "./clv";
import { benchReading } from "./reading";
import { benchLibreOffice } from "./libreoffice";
import { benchSidebar } from "./sidebar";
import { benchSources } from "./sources";
import { benchSpills } from "./spills";
import { benchSummary } from "./summary";

const SECTIONS: [string, () => Promise<void>][] = [
  ["Custom functions on Google's largest sheet", benchCatalogue],
  ["Predictive CLV", benchClv],
  ["KPI Summary generation", benchSummary],
  ["KPI Summary over several sources", benchSources],
  ["Spills sized by their result", benchSpills],
  ["Sidebar", benchSidebar],
  ["Command line start", benchCliStart],
  ["Command line on a 1,000,000-row CSV against DuckDB", benchCli],
  ["Command line --out on 1,200,000 and 1,000,000 rows", benchCliOut],
  ["Reading a 1,000,000-row German-locale export vs plain CSV", benchReading],
  ["LibreOffice recalculation of --out workbooks", benchLibreOffice],
];

const only = process.argv[2]?.toLowerCase();
for (const [title, run] of SECTIONS) {
  if (only && !title.toLowerCase().includes(only)) continue;
  console.log(`\n== ${title}`);
  await run();
}
