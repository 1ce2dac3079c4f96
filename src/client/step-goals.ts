// Step 3, Goals: optional targets per KPI (baseline, target, dates, curve, which way is better), prefilled from the preview.
import type { GoalRow } from "../server/summary/goal-types";
import { clear, el, labelled, option } from "./dom";
import { defaultDirection, goalKpis, newGoal } from "./goal-defaults";
import { stepProblems } from "./step-problems";
import type { StepView, Wizard } from "./wizard";

function numberOrNull(text: string): number | null {
  const n = Number(text);
  return text.trim() === "" || !Number.isFinite(n) ? null : n;
}

export function createGoalsStep(wizard: Wizard): StepView {
  const { state, errors } = wizard;
  const section = el("section", { className: "step", id: "step-goals", attrs: { "aria-labelledby": "step-goals-title" } });
  const list = el("div", { className: "goal-list", id: "goal-list" });
  const add = el("button", { id: "add-goal", text: "Add goal", attrs: { type: "button" } });
  const goalsError = el("div", { className: "error", attrs: { role: "alert" } });
  errors.attach("goals", goalsError, list);
  const back = el("button", { text: "Back", attrs: { type: "button" }, on: { click: () => wizard.go("stages") } });
  const next = el("button", { className: "action", id: "goals-next", text: "Next: generate", attrs: { type: "button" }, on: { click: () => wizard.go("generate") } });

  section.append(
    el("h2", { id: "step-goals-title", text: "3. Goals", attrs: { tabindex: "-1" } }),
    stepProblems(wizard, "goals", section),
    el("p", { className: "gray", text: "Optional. Each goal becomes a row of the summary's goals table, tracked from its start to its end date." }),
    list,
    goalsError,
    el("div", { className: "block" }, add),
    el("div", { className: "block buttons" }, back, next),
  );

  /** What the preview measured for a KPI over all the data: a stage's total, or first-to-last conversion. */
  function measured(kpi: string): number | null {
    const stages = wizard.state.preview?.stages ?? [];
    if (kpi === "Conversion" && stages.length >= 2 && stages[0].total > 0) return stages[stages.length - 1].total / stages[0].total;
    return stages.find((s) => s.name === kpi)?.total ?? null;
  }

  function changed(): void {
    state.goalsTouched = true;
  }

  function goalRow(goal: GoalRow, index: number): HTMLElement {
    const kpis = state.mapping ? goalKpis(state.mapping) : [];
    if (goal.kpi !== "" && !kpis.includes(goal.kpi)) kpis.unshift(goal.kpi);
    const kpi = el("select", { className: "goal-kpi" }, ...kpis.map((k) => option(k, k, k === goal.kpi)));
    const baseline = el("input", { className: "goal-baseline", attrs: { type: "number", step: "any" } });
    const target = el("input", { className: "goal-target", attrs: { type: "number", step: "any" } });
    const start = el("input", { className: "goal-start", attrs: { type: "date" } });
    const end = el("input", { className: "goal-end", attrs: { type: "date" } });
    const curve = el("select", { className: "goal-curve" }, option("linear", "Linear (same step each month)", goal.curve === "linear"), option("compound", "Compound (same % each month)", goal.curve === "compound"));
    const direction = el("select", { className: "goal-direction" }, option("up", "Up is better", goal.direction === "up"), option("down", "Down is better", goal.direction === "down"));
    baseline.value = goal.baseline === null ? "" : String(goal.baseline);
    target.value = goal.target === null ? "" : String(goal.target);
    start.value = goal.start ?? "";
    end.value = goal.end ?? "";
    const typed = new Set<string>();

    const fields = [
      labelled("KPI", kpi),
      labelled("Baseline", baseline, "Where the KPI stands at the start."),
      labelled("Target", target),
      labelled("Start", start),
      labelled("End", end),
      labelled("Curve", curve),
      labelled("Direction", direction),
    ];
    const remove = el("button", { text: "Remove goal", attrs: { type: "button", "aria-label": `Remove goal ${index + 1} (${goal.kpi})` } });
    remove.addEventListener("click", () => {
      state.goals = state.goals.filter((_, i) => i !== index);
      changed();
      render(Math.min(index, state.goals.length - 1));
    });
    const row = el("fieldset", { className: "goal" }, el("legend", { text: `Goal ${index + 1}` }), ...fields.map((f) => f.block), remove);
    errors.attach(`goal:${index}`, fields[0].error, kpi);

    const sync = (): void => {
      state.goals[index] = {
        kpi: kpi.value,
        baseline: numberOrNull(baseline.value),
        target: numberOrNull(target.value),
        start: start.value === "" ? null : start.value,
        end: end.value === "" ? null : end.value,
        curve: curve.value === "compound" ? "compound" : "linear",
        direction: direction.value === "down" ? "down" : "up",
      };
      changed();
    };
    for (const input of [baseline, target]) input.addEventListener("input", () => { typed.add(input.className); sync(); });
    for (const control of [start, end, curve, direction]) control.addEventListener("change", sync);
    kpi.addEventListener("change", () => {
      // A new KPI brings its own sensible defaults, except where the user already typed a number.
      const fresh = newGoal(kpi.value, measured(kpi.value), new Date());
      direction.value = defaultDirection(kpi.value);
      if (!typed.has(baseline.className)) baseline.value = fresh.baseline === null ? "" : String(fresh.baseline);
      if (!typed.has(target.className)) target.value = fresh.target === null ? "" : String(fresh.target);
      remove.setAttribute("aria-label", `Remove goal ${index + 1} (${kpi.value})`);
      sync();
    });
    return row;
  }

  function render(focusIndex?: number): void {
    errors.detachMatching("goal:");
    clear(list);
    state.goals.forEach((goal, i) => list.appendChild(goalRow(goal, i)));
    if (state.goals.length === 0) list.appendChild(el("p", { className: "gray", text: "No goals yet." }));
    if (focusIndex !== undefined) (list.querySelectorAll<HTMLElement>(".goal-kpi")[focusIndex] ?? add).focus();
    errors.refresh();
  }

  add.addEventListener("click", () => {
    const kpis = state.mapping ? goalKpis(state.mapping) : [];
    // The last stage (customers, usually) is what most teams set a goal on first.
    const kpi = state.mapping?.stages.at(-1)?.name ?? kpis[0] ?? "";
    state.goals = [...state.goals, newGoal(kpi, measured(kpi), new Date())];
    changed();
    render(state.goals.length - 1);
  });

  return {
    id: "goals",
    section,
    show: () => render(),
    focusField(field) {
      const match = /^goal:(\d+)$/.exec(field);
      const target = match ? list.querySelectorAll<HTMLElement>(".goal-kpi")[Number(match[1])] : field === "goals" ? add : undefined;
      target?.focus();
      return target !== undefined;
    },
  };
}
