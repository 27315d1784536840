/**
 * The only way the task pane, the ribbon's dialog and the save page build DOM (src/ui: UI helpers
 * shared by src/taskpane, src/commands and src/save). Strings always become text nodes (createTextNode) and
 * attributes are set with setAttribute, so workbook text can never be parsed as HTML.
 */

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  /** Attributes (values are set verbatim, never parsed). */
  attrs?: Record<string, string | number | boolean | undefined>;
  /** Event listeners. */
  on?: Record<string, (event: Event) => void>;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

function apply(el: Element, props: Props | undefined): void {
  if (!props) return;
  if (props.class) el.setAttribute('class', props.class);
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [type, listener] of Object.entries(props.on ?? {})) el.addEventListener(type, listener);
}

/** A standard element. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  apply(el, props);
  append(el, children);
  return el;
}

/** A custom element (the Fluent UI web components: fluent-button, fluent-badge…). */
export function custom(tag: `fluent-${string}`, props?: Props, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  apply(el, props);
  append(el, children);
  return el;
}

/** Replaces all children of a container. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from taskpane.html`);
  return el as T;
}
