// `npm run docs`: writes docs/functions.md from the catalogue.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CATALOGUE } from "../src/kpi/catalogue";
import { functionReferenceMarkdown } from "./function-reference-md";

export const FUNCTION_REFERENCE_PATH = join(fileURLToPath(new URL("..", import.meta.url)), "docs", "functions.md");

writeFileSync(FUNCTION_REFERENCE_PATH, functionReferenceMarkdown(CATALOGUE));
console.log("docs: wrote docs/functions.md");
