/** The source picker's value as the server reads it (app/input.ts SourceInput). */
import type { EnrichmentPreviewInput } from '../src/app/contract';

export type SourceArg = EnrichmentPreviewInput['source'];

/** "__selection__" -> the selection; "Sheet!A1:C9" -> a range; anything else -> a sheet by name. */
export function sourceArg(value: string): SourceArg {
  if (value === '__selection__') return 'selection';
  if (value.includes('!')) return { a1: value };
  return { sheetName: value };
}
