/** What every preview shows under its summary, one way for the three providers. */
import { el } from './dom';

/** The parts of a preview these notes read. */
export interface PreviewNotes {
  problems: string[];
  /** Values Sheets changed (lost leading zeros, `#ERROR!` phones) and other advice. */
  hints: string[];
  invalid: Array<{ rowNumber: number; reasons: string[] }>;
  invalidCount: number;
}

/** Blocking problems, then the hints, then the invalid rows with their reasons (text only). */
export function previewNotes(p: PreviewNotes, openInvalid = true): HTMLElement[] {
  const out: HTMLElement[] = [
    ...p.problems.map((m) => el('div', { class: 'error', text: m })),
    ...p.hints.map((h) => el('div', { class: 'hint muted', text: h })),
  ];
  if (p.invalid.length > 0) {
    const details = el(
      'details',
      {},
      el('summary', { text: `Invalid rows (${p.invalidCount})` }),
      ...p.invalid.map((r) => el('div', { class: 'error invalid-row', text: r.reasons.join(' ') })),
    );
    details.open = openInvalid;
    out.push(details);
  }
  return out;
}
