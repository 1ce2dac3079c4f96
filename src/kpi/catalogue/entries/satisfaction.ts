// Catalogue entries for survey answers: NPS and CSAT.
import type { CellInput } from "../../cells";
import { cellToNumber, describeCell, forEachCell, singleNumber } from "../../coerce";
import { type Answer, csat, nps } from "../../definitions/satisfaction";
import type { CatalogueEntry } from "../entry-types";
import { REICHHELD } from "./sources";

/** Every non-blank answer with its place in the range, so an out-of-scale score can be named. */
function answersOf(fn: string, input: CellInput): Answer[] {
  const ref = { fn, arg: "scores" };
  const answers: Answer[] = [];
  forEachCell(input, (value, position) => {
    const score = cellToNumber(ref, value, position);
    if (score !== null) answers.push({ score, where: describeCell("scores", position) });
  });
  return answers;
}

export const NPS: CatalogueEntry = {
  name: "NPS",
  category: "Satisfaction",
  summary: "Net Promoter Score from 0–10 answers: % promoters (9–10) − % detractors (0–6), from −100 to 100.",
  formula: "100 × (promoters − detractors) ÷ answers",
  source: REICHHELD,
  args: [{ name: "scores", kind: "range", description: "The 0–10 answers, one per cell; blank cells are skipped." }],
  returns: { kind: "number", description: "A score from −100 to 100 (not a fraction)." },
  examples: [
    { formula: "=NPS({10;9;8;7;6;3;10;9;9;5})", result: 20, explanation: "5 promoters and 3 detractors in 10 answers: 50% − 30% = 20." },
  ],
  notes: ["Passives (7–8) count in the total but in neither group. A score outside 0–10 or not whole is named as an error."],
  run: ([scores]) => nps(answersOf("NPS", scores)),
};

export const CSAT: CatalogueEntry = {
  name: "CSAT",
  category: "Satisfaction",
  summary: "Customer satisfaction: share of answers in the top two points of the scale (4–5 of 5, 9–10 of 10).",
  formula: "answers in the top two points ÷ answers",
  source: "American Customer Satisfaction Index practice; top-two-box scoring as in Farris et al., Marketing Metrics, ch. 2",
  args: [
    { name: "scores", kind: "range", description: "The answers, one per cell; blank cells are skipped." },
    { name: "scale_max", kind: "number", description: "Top of the scale, 3 to 10 (5 or 10 are usual).", optional: true, defaultValue: 5 },
  ],
  returns: { kind: "rate", description: "A fraction from 0 to 1." },
  examples: [{ formula: "=CSAT({5;4;3;5;2})", result: 0.6, explanation: "3 of 5 answers are 4 or 5: 60%." }],
  notes: ["Scales of 3 to 9 points start at 1; a 10-point scale may start at 0."],
  run: ([scores, scaleMax]) => csat(answersOf("CSAT", scores), singleNumber({ fn: "CSAT", arg: "scale_max" }, scaleMax, 5)),
};
