// Step 3, Goals: optional targets per KPI on a stated basis (since start or per day), prefilled from the data before each goal's start.
import type { GoalRow } from "../server/summary/goal-types";
import { clear, el, labelled, option } from "./dom";
import { defaultDirection, GOAL_BASES, goalKpis, goalRefusal, newGoal } from "./goal-defaults";
import { stepProblems } from "./step-problems";
import type { StepView, Wizard } from "./wizard";

function numberOrNull(text: string): number | null {
  const n = Number(text);
  return text.trim() === "" || !Number.isFinite(n) ? null : n;
}

const BASIS_LABELS: Record<(typeof GOAL_BASES)[number], string> = {
  "since start": "Total since the start (ratios: since the start)",
  "per day": "Per day (daily average of the last 7 days; ratios: over those 7 days)",
};

export function createGoalsStep(wizard: Wizard): StepView {
  const { state, errors } = wizard;
  const section = el("section", { className: "step", id: "step-goals", attrs: { "aria-labelledby": "step-goals-title" } });
  const list = el("div", { className: "goal-list", id: "goal-list" });
  const add = el("button", { id: "add-goal", text: "Add goal", attrs: { type: "button" } });
  const goalsError = el("div", { className: "error", attrs: { role: "alert" } });
  errors.attach("goals", goalsError, list);
  const back = el("button", { text: "Back", attrs: { type: "button" }, on: { click: () => wizard.go("stages") } });
  const next = el("button", { className: "action", id: "goals-next", text: "Next: generate", attrs: { type: "button" } });
  next.addEventListener("click", () => {
    // A goal without a target, or ending before it starts, is refused here, next to it, before anything is sent.
    const kpis = state.mapping ? goalKpis(state.mapping) : [];
    const problems = state.goals
      .map((goal, i) => ({ i, problem: goalRefusal(goal, kpis) }))
      .filter((p): p is { i: number; problem: string } => p.problem !== null)
      .map(({ i, problem }) => ({ field: `goal:${i}`, message: `Goal ${i + 1} (${state.goals[i].kpi}): ${problem}` }));
    errors.set("goal-checks", problems);
    if (problems.length > 0) {
      wizard.reveal(problems[0].field);
      return;
    }
    wizard.go("generate");
  });

  section.append(
    el("h2", { id: "step-goals-title", text: "3. Goals", attrs: { tabindex: "-1" } }),
    stepProblems(wizard, "goals", section),
    el("p", { className: "gray", text: "Optional. Each goal becomes a row of the summary's goals table, measured up to the latest date with data on the basis you choose." }),
    list,
    goalsError,
    el("div", { className: "block" }, add),
    el("div", { className: "block buttons" }, back, next),
  );

  // Which numbers the user typed, per goal: kept across re-renders so a later prefill never overwrites them.
  let typedByGoal: Set<string>[] = [];

  function changed(): void {
    state.goalsTouched = true;
    errors.clear("goal-checks");
  }

  function goalRow(goal: GoalRow, index: number): HTMLElement {
    const kpis = state.mapping ? goalKpis(state.mapping) : [];
    const missing = goal.kpi !== "" && !kpis.some((k) => k.toLowerCase() === goal.kpi.toLowerCase());
    if (missing) kpis.unshift(goal.kpi);
    const kpi = el("select", { className: "goal-kpi" }, ...kpis.map((k) => option(k, k, k === goal.kpi)));
    const basis = el("select", { className: "goal-basis" }, ...GOAL_BASES.map((b) => option(b, BASIS_LABELS[b], b === goal.basis)));
    const baseline = el("input", { className: "goal-baseline", attrs: { type: "number", step: "any" } });
    const target = el("input", { className: "goal-target", attrs: { type: "number", step: "any" } });
    const start = el("input", { className: "goal-start", attrs: { type: "date" } });
    const end = el("input", { className: "goal-end", attrs: { type: "date" } });
    const curve = el("select", { className: "goal-curve" }, option("linear", "Linear (same step each day)", goal.curve === "linear"), option("compound", "Compound (same % each day)", goal.curve === "compound"));
    const direction = el("select", { className: "goal-direction" }, option("up", "Up is better", goal.direction === "up"), option("down", "Down is better", goal.direction === "down"));
    baseline.value = goal.baseline === null ? "" : String(goal.baseline);
    target.value = goal.target === null ? "" : String(goal.target);
    start.value = goal.start ?? "";
    end.value = goal.end ?? "";
    typedByGoal[index] ??= new Set<string>();
    const typed = typedByGoal[index];

    const fields = [
      labelled("KPI", kpi, missing ? "This funnel no longer has this KPI (the mapping changed): choose another or remove the goal." : undefined),
      labelled("Basis", basis, "What the actual, baseline and target mean."),
      labelled("Baseline", baseline, "Where the KPI stands at the start, on the chosen basis."),
      labelled("Target", target),
      labelled("Start", start),
      labelled("End", end),
      labelled("Curve", curve),
      labelled("Direction", direction),
    ];
    const baselineHint = fields[2].hint;
    const remove = el("button", { text: "Remove goal", attrs: { type: "button", "aria-label": `Remove goal ${index + 1} (${goal.kpi})` } });
    remove.addEventListener("click", () => {
      state.goals = state.goals.filter((_, i) => i !== index);
      typedByGoal = typedByGoal.filter((_, i) => i !== index);
      changed();
      render(Math.min(index, state.goals.length - 1));
    });
    const row = el("fieldset", { className: "goal" }, el("legend", { text: `Goal ${index + 1}` }), ...fields.map((f) => f.block), remove);
    errors.attach(`goal:${index}`, fields[0].error, kpi);

    const sync = (): void => {
      state.goals[index] = {
        kpi: kpi.value,
        basis: basis.value === "per day" ? "per day" : "since start",
        baseline: numberOrNull(baseline.value),
        target: numberOrNull(target.value),
        start: start.value === "" ? null : start.value,
        end: end.value === "" ? null : end.value,
        curve: curve.value === "compound" ? "compound" : "linear",
        direction: direction.value === "down" ? "down" : "up",
      };
      changed();
    };
    let asked = 0;
    /** Asks the server for the baseline on this basis from the data before the start; a number the user typed stays. */
    const prefill = async (): Promise<void> => {
      const mapping = state.mapping;
      if (!mapping || start.value === "") return;
      const ask = ++asked;
      try {
        const several = state.sources.active ? state.sources.mapping : null;
        const suggestion = several !== null
          ? await wizard.server.suggestSourcesGoal(several, kpi.value, basis.value, start.value, end.value === "" ? null : end.value)
          : await wizard.server.suggestGoal(mapping, kpi.value, basis.value, start.value, end.value === "" ? null : end.value);
        if (ask !== asked) return;
        if (!typed.has("baseline")) baseline.value = suggestion.baseline === null ? "" : String(suggestion.baseline);
        if (!typed.has("target")) target.value = suggestion.target === null ? "" : String(suggestion.target);
        baselineHint.textContent = suggestion.note;
        errors.clear(`goal-suggestion:${index}`);
        sync();
      } catch (error) {
        if (ask === asked) wizard.callFailed(`goal-suggestion:${index}`, error);
      }
    };
    baseline.addEventListener("input", () => { typed.add("baseline"); sync(); });
    target.addEventListener("input", () => { typed.add("target"); sync(); });
    for (const control of [curve, direction]) control.addEventListener("change", sync);
    for (const control of [basis, start, end]) control.addEventListener("change", () => { sync(); void prefill(); });
    kpi.addEventListener("change", () => {
      // A new KPI brings its own direction and prefill, except where the user already typed a number.
      if (state.mapping) direction.value = defaultDirection(kpi.value, state.mapping);
      remove.setAttribute("aria-label", `Remove goal ${index + 1} (${kpi.value})`);
      sync();
      void prefill();
    });
    if (goal.baseline === null && goal.target === null) void prefill();
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
    const mapping = state.mapping;
    if (!mapping) return;
    const kpis = goalKpis(mapping);
    // The last stage (customers, usually) is what most teams set a goal on first.
    const kpi = mapping.stages.at(-1)?.name ?? kpis[0] ?? "";
    state.goals = [...state.goals, newGoal(kpi, mapping, new Date())];
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
