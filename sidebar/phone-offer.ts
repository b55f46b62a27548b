/**
 * The Enrich preview's offer for rows whose phone cell shows #ERROR! (Sheets read what was typed,
 * e.g. `+49 30 …` with letters, as a formula): send those rows without the phone, or take it back.
 */
import { el } from './dom';

/** Up to five row numbers, then "and N more". */
function rowList(rows: readonly number[]): string {
  return rows.length > 5 ? `${rows.slice(0, 5).join(', ')} and ${rows.length - 5} more` : rows.join(', ');
}

/** The offer (null when no row needs it); `choose(true)` sends them without the phone. */
export function phoneOffer(rows: readonly number[], without: boolean, choose: (without: boolean) => void): HTMLElement | null {
  if (rows.length === 0) return null;
  const n = rows.length;
  const text = without
    ? `${n} row(s) (${rowList(rows)}) will be sent without the phone: their phone cell shows #ERROR!.`
    : `${n} row(s) (${rowList(rows)}) have a phone cell showing #ERROR! (Sheets read the typed number as a formula), so they are not sent. Send them without the phone, or fix the cells.`;
  const button = el('button', { type: 'button', id: 'send-without-phone', text: without ? 'Keep the phone (skip these rows)' : 'Send without the phone' });
  button.addEventListener('click', () => choose(!without));
  return el('div', { class: 'block', id: 'phone-offer' }, el('div', { class: without ? 'muted' : 'error', text }), button);
}
