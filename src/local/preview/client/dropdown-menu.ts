// The list a dropdown cell opens, as Sheets' data-validation chips do: its choices under the cell, the current one marked.
import { escapeHtml } from "../../../server/html-escape";

export class DropdownMenu {
  private onChoose: ((value: string) => void) | null = null;

  constructor(private readonly menu: HTMLElement) {
    menu.addEventListener("mousedown", (event) => event.preventDefault());
    menu.addEventListener("click", (event) => {
      const item = (event.target as HTMLElement).closest<HTMLElement>("[data-value]");
      if (item) this.choose(item.dataset.value ?? "");
    });
    menu.addEventListener("keydown", (event) => {
      const items = [...menu.querySelectorAll<HTMLElement>("[data-value]")];
      const at = items.indexOf(document.activeElement as HTMLElement);
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        items[(at + (event.key === "ArrowDown" ? 1 : -1) + items.length) % items.length]?.focus();
      } else if (event.key === "Enter" && at >= 0) {
        event.preventDefault();
        this.choose(items[at].dataset.value ?? "");
      } else if (event.key === "Escape") this.close();
    });
    document.addEventListener("mousedown", (event) => {
      if (!menu.hidden && !menu.contains(event.target as Node)) this.close();
    });
  }

  get open(): boolean {
    return !this.menu.hidden;
  }

  show(anchor: HTMLElement, options: readonly string[], current: string, onChoose: (value: string) => void): void {
    this.onChoose = onChoose;
    this.menu.innerHTML = options
      .map((o) => `<li role="option" tabindex="-1" data-value="${escapeHtml(o)}" aria-selected="${o === current}" class="dropdown-option${o === current ? " current" : ""}">${escapeHtml(o)}</li>`)
      .join("");
    const box = anchor.getBoundingClientRect();
    this.menu.style.left = `${box.left}px`;
    this.menu.style.top = `${box.bottom + 2}px`;
    this.menu.style.minWidth = `${Math.max(box.width, 140)}px`;
    this.menu.hidden = false;
    (this.menu.querySelector<HTMLElement>(".current") ?? this.menu.querySelector<HTMLElement>("[data-value]"))?.focus();
  }

  close(): void {
    this.menu.hidden = true;
    this.onChoose = null;
  }

  private choose(value: string): void {
    const chosen = this.onChoose;
    this.close();
    chosen?.(value);
  }
}
