// Catalogue entries for goals: the value a goal's path expects today, and whether the actual is on pace.
import type { CellInput } from "../../cells";
import { type Clock, systemClock } from "../../clock";
import { singleDate, singleNumber } from "../../coerce";
import {
  AT_RISK_PACE, GOAL_CURVES, GOAL_DIRECTIONS, type GoalPath, goalExpected, goalProgress,
} from "../../definitions/goals";
import { singleChoice } from "../choice-arg";
import type { ArgSpec, CatalogueEntry } from "../entry-types";
import { FARRIS } from "./sources";

const SOURCE = `${FARRIS}, ch. 2 (compound annual growth rate, (ending ÷ beginning)^(1 ÷ periods) − 1, gives the compound path; `
  + "the linear path is straight-line interpolation). The pace thresholds (1 and 0.8) are this add-on's convention, not a published standard";

const PATH_ARGS: readonly ArgSpec[] = [
  { name: "baseline", kind: "number", description: "The KPI's value when the goal starts." },
  { name: "target", kind: "number", description: "The value to reach by end_date." },
  { name: "start_date", kind: "date", description: "When the goal starts (the baseline's date)." },
  { name: "end_date", kind: "date", description: "When the target is due." },
];
const AS_OF: ArgSpec = { name: "as_of", kind: "date", description: "The day to evaluate; omitted or blank, today (as TODAY()).", optional: true };
const CURVE: ArgSpec = {
  name: "curve", kind: "text", optional: true, defaultValue: "linear",
  description: "\"linear\" (equal steps each day) or \"compound\" (equal growth rate each day, for traffic and revenue that grow by %).",
};

function pathOf(fn: string, [baseline, target, start, end]: readonly CellInput[], curve: CellInput): GoalPath {
  return {
    baseline: singleNumber({ fn, arg: "baseline" }, baseline),
    target: singleNumber({ fn, arg: "target" }, target),
    start: singleDate({ fn, arg: "start_date" }, start),
    end: singleDate({ fn, arg: "end_date" }, end),
    curve: singleChoice({ fn, arg: "curve" }, curve, GOAL_CURVES, "linear"),
  };
}

/** Builds both goal entries on a clock, so tests can fix "today"; the add-on uses the system clock. */
export function goalEntries(clock: Clock): { GOAL_EXPECTED: CatalogueEntry; GOAL_STATUS: CatalogueEntry } {
  const GOAL_EXPECTED: CatalogueEntry = {
    name: "GOAL_EXPECTED",
    category: "Goals",
    summary: "The value a goal's path expects on a day (today by default): a straight line or compound growth from baseline to target.",
    formula: "linear: baseline + (target − baseline) × f; compound: baseline × (target ÷ baseline)^f; f = elapsed share of the period, 0 to 1",
    source: SOURCE,
    args: [...PATH_ARGS, AS_OF, CURVE],
    returns: { kind: "number", description: "The expected value, in the units of baseline and target." },
    examples: [
      {
        formula: "=GOAL_EXPECTED(100, 1000, DATE(2025,1,1), DATE(2025,7,20), DATE(2025,2,20))",
        result: 325,
        explanation: "50 of 200 days have passed, so a straight line from 100 to 1,000 expects 100 + 900 × 0.25 = 325.",
      },
      {
        formula: "=GOAL_EXPECTED(100, 1000, DATE(2025,1,1), DATE(2025,6,30), DATE(2025,1,31), \"compound\")",
        result: 146.77992676220697,
        explanation: "From 100 to 1,000 visitors a day in six months is ×10, i.e. 10^(1/6) ≈ +46.8% a month: after the first 30 of 180 days the path is at about 146.8.",
      },
    ],
    notes: [
      "Before start_date the path expects the baseline; after end_date, the target.",
      "Going from 100 to 1,000 in six months is not +150 a month but about +46.8% a month compounded (10^(1/6) − 1): use \"compound\" for KPIs that grow by percentages.",
      "The compound curve needs baseline and target of the same sign and not 0 (no constant growth rate passes through 0).",
      "end_date before start_date is an error. Dates may be date cells, serial numbers or ISO text such as 2025-03-31.",
      "Without as_of the result follows today's date, so it changes from day to day like TODAY().",
    ],
    run: ([baseline, target, start, end, asOf, curve]) => {
      const fn = "GOAL_EXPECTED";
      const path = pathOf(fn, [baseline, target, start, end], curve);
      return goalExpected(path, singleDate({ fn, arg: "as_of" }, asOf, clock.today()), clock, fn);
    },
  };

  const GOAL_STATUS: CatalogueEntry = {
    name: "GOAL_STATUS",
    category: "Goals",
    summary: "Goal status on a day: Achieved, On track, At risk or Behind, by comparing progress with the goal's path.",
    formula: `Achieved when actual has reached target; else pace = (actual − baseline) ÷ (expected − baseline): On track at ≥ 1, At risk at ≥ ${AT_RISK_PACE}, else Behind`,
    source: SOURCE,
    args: [
      { name: "actual", kind: "number", description: "The KPI's value now (on as_of)." },
      ...PATH_ARGS,
      AS_OF,
      CURVE,
      {
        name: "direction", kind: "text", optional: true, defaultValue: "up",
        description: "\"up\" when higher is better (visits, revenue), \"down\" when lower is better (CAC, churn).",
      },
    ],
    returns: { kind: "text", description: "\"Achieved\", \"On track\", \"At risk\" or \"Behind\"." },
    examples: [
      {
        formula: "=GOAL_STATUS(300, 100, 1000, DATE(2025,1,1), DATE(2025,7,20), DATE(2025,2,20))",
        result: "At risk",
        explanation: "The path expects 325; 200 of the expected 225 gained is a pace of 0.89: at risk.",
      },
      {
        formula: "=GOAL_STATUS(180, 200, 150, DATE(2025,1,1), DATE(2025,7,20), DATE(2025,2,20), \"linear\", \"down\")",
        result: "On track",
        explanation: "CAC from 200 to 150: a quarter in, the path expects 187.5 and CAC is already 180 (pace 1.6).",
      },
      {
        formula: "=GOAL_STATUS(1020, 100, 1000, DATE(2025,1,1), DATE(2025,7,20), DATE(2025,2,20))",
        result: "Achieved",
        explanation: "The target of 1,000 is already reached.",
      },
    ],
    notes: [
      "Pace measures the distance travelled from the baseline against the distance the path expects by now, so it reads the same for goals that go up and goals that go down.",
      "Before start_date nothing is expected yet: the status is On track unless the actual has already slipped past the baseline the wrong way (then Behind).",
      "direction \"up\" with a target below the baseline (or \"down\" with one above) is an error: the direction says which way is better.",
      "After end_date the path expects the target, so a goal not reached by then is At risk or Behind.",
      "Without as_of the result follows today's date.",
    ],
    run: ([actual, baseline, target, start, end, asOf, curve, direction]) => {
      const fn = "GOAL_STATUS";
      const path = pathOf(fn, [baseline, target, start, end], curve);
      const day = singleDate({ fn, arg: "as_of" }, asOf, clock.today());
      const way = singleChoice({ fn, arg: "direction" }, direction, GOAL_DIRECTIONS, "up");
      return goalProgress(singleNumber({ fn, arg: "actual" }, actual), path, way, day, clock, fn).status;
    },
  };

  return { GOAL_EXPECTED, GOAL_STATUS };
}

export const { GOAL_EXPECTED, GOAL_STATUS } = goalEntries(systemClock);
