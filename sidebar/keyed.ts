/**
 * Updating a view in place: a refresh changes only the text and nodes that changed, so whatever
 * the user opened, typed, focused or scrolled stays as it was (an open <details>, a half-filled
 * form, the focused select). Every text still goes in through textContent.
 */

/** Set a node's text only when it differs (an unchanged node is not touched at all). */
export function setText(node: Element, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/** Set an attribute only when it differs. */
export function setAttr(node: Element, name: string, value: string): void {
  if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

/** Show `text` in `node`, or hide the node when there is none. */
export function optionalText(node: HTMLElement, text: string | null): void {
  setText(node, text ?? '');
  if (node.hidden !== (text === null)) node.hidden = text === null;
}

/**
 * Make `container`'s children follow `items`, matched by key (the `data-key` attribute): a node
 * whose key stays is kept as it is and updated with `update`; new keys get `make`; keys gone are
 * removed; nodes are moved only when the order changed (moving a node would drop its focus).
 */
export function syncKeyed<T>(
  container: Element,
  items: readonly T[],
  key: (item: T) => string,
  make: (item: T) => HTMLElement,
  update?: (node: HTMLElement, item: T) => void,
): void {
  const existing = new Map<string, HTMLElement>();
  for (const child of Array.from(container.children)) {
    const k = child.getAttribute('data-key');
    if (k !== null) existing.set(k, child as HTMLElement);
  }
  const wanted = new Set(items.map(key));
  for (const [k, node] of existing) if (!wanted.has(k)) node.remove();
  let cursor: Element | null = container.firstElementChild;
  for (const item of items) {
    const k = key(item);
    let node = existing.get(k);
    if (node) update?.(node, item);
    else {
      node = make(item);
      node.setAttribute('data-key', k);
    }
    if (node === cursor) cursor = cursor.nextElementSibling;
    else container.insertBefore(node, cursor);
  }
}
