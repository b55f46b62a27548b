/** DOM helpers: every text goes in through textContent (API data never becomes HTML). */
type Attrs = Record<string, string | boolean | ((ev: Event) => void) | undefined>;
type Child = Node | string | null | undefined | false;

/** Create an element; `on*` attributes become listeners, strings become text nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') node.addEventListener(k.replace(/^on/, '').toLowerCase(), v);
    else if (v === true) node.setAttribute(k, '');
    else if (k === 'text') node.textContent = v;
    else if (k === 'value' && 'value' in node) (node as HTMLInputElement).value = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return node;
}

/** Replace a container's children. */
export function mount(container: Element, ...children: Child[]): void {
  while (container.firstChild) container.removeChild(container.firstChild);
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    container.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

/** A status line that shows progress, success or an error sentence. */
export function setStatus(node: Element, kind: 'busy' | 'ok' | 'error' | 'idle', text = ''): void {
  // Its other classes (an id-like marker such as submit-result) stay.
  node.classList.add('status');
  node.classList.toggle('ok', kind === 'ok');
  node.classList.toggle('error', kind === 'error');
  mount(node, kind === 'busy' ? el('span', { class: 'spinner', 'aria-hidden': 'true' }) : null, kind === 'busy' ? ` ${text}` : text);
  node.setAttribute('role', kind === 'error' ? 'alert' : 'status');
}

/**
 * Run an async action from a button: disables it (no double submit), shows a spinner, then
 * the result or the server's message.
 */
export async function runAction<T>(
  button: HTMLButtonElement,
  status: Element,
  busyText: string,
  action: () => Promise<T>,
  okText?: (v: T) => string,
): Promise<T | undefined> {
  if (button.disabled) return undefined;
  button.disabled = true;
  setStatus(status, 'busy', busyText);
  try {
    const v = await action();
    setStatus(status, okText ? 'ok' : 'idle', okText ? okText(v) : '');
    inView(status);
    return v;
  } catch (e) {
    setStatus(status, 'error', e instanceof Error ? e.message : String(e));
    inView(status);
    return undefined;
  } finally {
    button.disabled = false;
  }
}

/** Scroll a result line into view (the answer to a click is never left off-screen). */
function inView(node: Element): void {
  if (node.textContent && typeof node.scrollIntoView === 'function') node.scrollIntoView({ block: 'nearest' });
}
