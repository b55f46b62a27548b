/** Pieces every Openmart form shares: the credit line, the confirm + submit pair, text of a form state, tri-state choices. */
import type { CreditCheck, OpenmartSubmitResult, SearchPreview } from '../src/app/contract';
import { el, mount, runAction, setStatus } from './dom';
import type { FormState } from './form';

/** Tri-state filter choices: no filter, must have, must not have. */
export const YES_NO: Array<[string, string]> = [
  ['', 'Any'],
  ['true', 'Yes'],
  ['false', 'No'],
];

/** The string value of a form field ('' when unset). */
export function text(state: FormState, k: string): string {
  return typeof state[k] === 'string' ? (state[k] as string) : '';
}

/** The estimate, the balance and whether the threshold asks for a tick. */
export function creditLine(c: CreditCheck): HTMLElement {
  const balance = c.balance === null ? 'balance unknown' : `balance ${c.balance}`;
  const warn = c.exceedsBalance ? ' — more than your balance' : c.needsConfirmation ? ' — above your confirmation threshold' : '';
  return el('div', { class: c.exceedsBalance ? 'error' : 'muted', text: `Estimate: ${c.estimate.credits} credits (${c.estimate.basis}); ${balance}${warn}.` });
}

/**
 * A confirm checkbox + submit button pair that insists on confirmation when the preview asks. The
 * answer shows right under the button (`#<id>-result`); after a success `reset` clears the form.
 */
export function submitWithConfirm(
  id: string,
  label: string,
  needs: () => boolean,
  submit: (confirmed: boolean) => Promise<OpenmartSubmitResult>,
  reset?: () => void,
): HTMLElement {
  const confirm = el('input', { type: 'checkbox', id: `${id}-confirm` });
  const button = el('button', { type: 'button', class: 'create', id, text: label });
  const result = el('div', { class: 'status submit-result', id: `${id}-result` });
  button.addEventListener('click', () => {
    if (needs() && !confirm.checked) {
      setStatus(result, 'error', 'The credit estimate is above your threshold: tick "I accept these credits" first.');
      return;
    }
    void runAction(
      button,
      result,
      'Submitting…',
      () => submit(confirm.checked),
      (r) => `Job "${r.job.title}" ${r.job.state}. Follow it in Jobs.${r.notice ? ` ${r.notice}` : ''}`,
    ).then((r) => {
      if (!r) return;
      confirm.checked = false;
      reset?.();
    });
  });
  return el(
    'div',
    {},
    el('div', { class: 'block' }, confirm, el('label', { for: `${id}-confirm`, text: ' I accept these credits', style: 'display:inline;font-weight:normal' })),
    el('div', { class: 'row' }, button),
    result,
  );
}

/** Two fields side by side (min and max), each half of the 300 px width. */
export function pair(a: HTMLElement, b: HTMLElement): HTMLElement {
  return el('div', { class: 'pair' }, a, b);
}

/** A search preview: its problems, or the count of matches ("About N ... match; fetching ...") and the credit line. */
export function searchPreviewLines(p: SearchPreview): HTMLElement[] {
  if (p.problems.length > 0) return p.problems.map((m) => el('div', { class: 'error', text: m }));
  return [...(p.sizing ? [el('div', { class: 'sizing', text: p.sizing })] : []), creditLine(p)];
}

/** A search form's actions: "Count and estimate" with its result lines, then the confirm + submit pair. */
export function searchActions(
  id: string,
  label: string,
  status: HTMLElement,
  preview: () => Promise<SearchPreview>,
  submit: (confirmed: boolean) => Promise<OpenmartSubmitResult>,
): HTMLElement {
  const out = el('div', { id: `${id}-preview` });
  let last: SearchPreview | undefined;
  const count = el('button', { type: 'button', class: 'action', text: 'Count and estimate' });
  count.addEventListener('click', () => {
    void runAction(count, status, 'Counting…', preview).then((p) => {
      if (!p) return;
      last = p;
      mount(out, ...searchPreviewLines(p));
    });
  });
  return el(
    'div',
    {},
    el('div', { class: 'row' }, count),
    out,
    submitWithConfirm(id, label, () => last?.needsConfirmation === true, submit),
  );
}
