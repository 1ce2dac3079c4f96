// Survey KPIs: Net Promoter Score and CSAT from individual answers.
import { fail } from "../kpi-error";
import { show } from "./guards";

/** A survey answer with where it came from, so a bad one can be named. */
export interface Answer {
  score: number;
  where: string;
}

/** Net Promoter Score: % promoters (9–10) − % detractors (0–6), on a −100..100 scale. */
export function nps(answers: readonly Answer[]): number {
  if (answers.length === 0) fail("NPS", "there are no scores, so NPS is undefined");
  let promoters = 0;
  let detractors = 0;
  for (const { score, where } of answers) {
    if (!Number.isInteger(score) || score < 0 || score > 10) {
      fail("NPS", `${where} is ${show(score)}, not a whole score from 0 to 10`);
    }
    if (score >= 9) promoters++;
    else if (score <= 6) detractors++;
  }
  return ((promoters - detractors) / answers.length) * 100;
}

/** Customer satisfaction: share of answers in the top two points of the scale (4–5 of 5, 9–10 of 10). */
export function csat(answers: readonly Answer[], scaleMax = 5): number {
  if (!Number.isInteger(scaleMax) || scaleMax < 3 || scaleMax > 10) {
    fail("CSAT", `scale_max is ${show(scaleMax)}; use a whole number from 3 to 10 (5 and 10 are usual)`);
  }
  if (answers.length === 0) fail("CSAT", "there are no scores, so CSAT is undefined");
  // A 10-point scale is often asked 0–10; shorter scales start at 1.
  const scaleMin = scaleMax === 10 ? 0 : 1;
  let satisfied = 0;
  for (const { score, where } of answers) {
    if (!Number.isInteger(score) || score < scaleMin || score > scaleMax) {
      fail("CSAT", `${where} is ${show(score)}, not a whole score from ${scaleMin} to ${scaleMax}`);
    }
    if (score >= scaleMax - 1) satisfied++;
  }
  return satisfied / answers.length;
}
