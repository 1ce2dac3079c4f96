// Problems from the server, by the control they belong to, shown next to that control (or in the step's own area when none is on screen).

export interface FieldProblem {
  field: string | null;
  message: string;
}

interface Slot {
  node: HTMLElement;
  control: HTMLElement | null;
}

/**
 * Each source (a call, the live validation) replaces only its own problems, so a passing preview
 * never wipes the error a failed Generate left next to a control.
 */
export class ErrorBoard {
  private readonly bySource = new Map<string, FieldProblem[]>();
  private readonly slots = new Map<string, Slot[]>();
  private readonly listeners: (() => void)[] = [];

  set(source: string, problems: readonly FieldProblem[]): void {
    if (problems.length === 0) this.bySource.delete(source);
    else this.bySource.set(source, [...problems]);
    this.render();
  }

  has(source: string): boolean {
    return this.bySource.has(source);
  }

  clear(source: string): void {
    this.set(source, []);
  }

  /** Registers where a field's problems are shown; returns a function that unregisters it (the control was removed). */
  attach(field: string, node: HTMLElement, control: HTMLElement | null = null): () => void {
    const list = this.slots.get(field) ?? [];
    const slot = { node, control };
    list.push(slot);
    this.slots.set(field, list);
    this.renderSlot(field, slot);
    return () => {
      const remaining = (this.slots.get(field) ?? []).filter((s) => s !== slot);
      if (remaining.length > 0) this.slots.set(field, remaining);
      else this.slots.delete(field);
    };
  }

  /** Drops every slot of fields matching the prefix, before a list of controls is rebuilt. */
  detachMatching(prefix: string): void {
    for (const field of [...this.slots.keys()]) if (field.startsWith(prefix)) this.slots.delete(field);
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  messagesFor(field: string): string[] {
    const messages: string[] = [];
    for (const problems of this.bySource.values()) {
      for (const p of problems) if (p.field === field && !messages.includes(p.message)) messages.push(p.message);
    }
    return messages;
  }

  /** Every problem with the field it belongs to, in source order, without repeats. */
  all(): FieldProblem[] {
    const seen = new Set<string>();
    const out: FieldProblem[] = [];
    for (const problems of this.bySource.values()) {
      for (const p of problems) {
        const key = `${p.field ?? ""}\u0000${p.message}`;
        if (!seen.has(key)) out.push(p);
        seen.add(key);
      }
    }
    return out;
  }

  /** Whether the field's problems show next to a control inside `container` (the step on screen). */
  hasSlotWithin(field: string, container: HTMLElement): boolean {
    return (this.slots.get(field) ?? []).some((s) => container.contains(s.node));
  }

  /** Re-shows every problem, after a list of controls was rebuilt. */
  refresh(): void {
    this.render();
  }

  private render(): void {
    for (const [field, slots] of this.slots) for (const slot of slots) this.renderSlot(field, slot);
    for (const listener of this.listeners) listener();
  }

  private renderSlot(field: string, slot: Slot): void {
    const messages = this.messagesFor(field);
    slot.node.textContent = messages.join(" ");
    slot.node.hidden = messages.length === 0;
    if (slot.control) {
      if (messages.length > 0) slot.control.setAttribute("aria-invalid", "true");
      else slot.control.removeAttribute("aria-invalid");
    }
  }
}
