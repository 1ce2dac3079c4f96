// Builds DOM nodes where every string becomes a text node: nothing from the sheet is ever parsed as HTML.

type Child = Node | string | null | undefined | false;

export interface ElementProps {
  className?: string;
  id?: string;
  /** Attributes are set with setAttribute, whose values are never parsed as markup. */
  attrs?: Record<string, string>;
  text?: string;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: ElementProps = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.id) node.id = props.id;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  if (props.text !== undefined) node.textContent = props.text;
  for (const [type, handler] of Object.entries(props.on ?? {})) node.addEventListener(type, handler as EventListener);
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

export function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const node = document.getElementById(id);
  if (!(node instanceof type)) throw new Error(`sidebar.html has no ${type.name} #${id}`);
  return node;
}

let nextId = 0;
/** A unique id for pairing a label or an error with its control. */
export function uid(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

export function option(value: string, label: string, selected = false): HTMLOptionElement {
  const node = el("option", { text: label });
  node.value = value;
  node.selected = selected;
  return node;
}

/** A labelled control with its hint and its own error slot below, the add-on CSS "block" layout. */
export function labelled(label: string, control: HTMLElement, hint?: string): { block: HTMLElement; error: HTMLElement; hint: HTMLElement } {
  if (!control.id) control.id = uid("control");
  const hintNode = el("div", { className: "gray hint", id: uid("hint"), text: hint ?? "" });
  const error = el("div", { className: "error", id: uid("error"), attrs: { role: "alert" } });
  control.setAttribute("aria-describedby", `${hintNode.id} ${error.id}`);
  const block = el("div", { className: "block form-group" }, el("label", { attrs: { for: control.id }, text: label }), control, hintNode, error);
  return { block, error, hint: hintNode };
}
