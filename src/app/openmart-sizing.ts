/**
 * The search previews' sizing: "about N businesses match; fetching M rows costs ..." from
 * `POST /api/v1/search/only_ids`, "about N brands match" from a one-row brand page with
 * `estimate_total` (providers/openmart/size-search.ts), and the sentence that
 * asks to widen a search that matches nothing, so no job is started for an empty tab.
 */
import { noMatchSentence, sizeBrands, sizeSearch, sizingSentence, type SizedKind } from '../providers/openmart/size-search';
import { httpFor } from './clients';
import type { AppContext } from './context';
import { toActionMessage } from './user-error';

/** What the preview adds: the count of matches (null when unknown) and the sentence to show. */
export interface SearchSizing {
  matches: number | null;
  sizing: string;
}

/** Count the matches of a valid search body; a failure (no key, no credits, offline) is a sentence, never a throw. */
export function sizeForPreview(ctx: AppContext, body: Record<string, unknown>, count: number, kind: SizedKind): SearchSizing {
  try {
    const http = httpFor(ctx, 'openmart');
    const { matches } = kind === 'brands' ? sizeBrands(http, body) : sizeSearch(http, body);
    return { matches, sizing: sizingSentence(matches, count, kind) };
  } catch (e) {
    return { matches: null, sizing: `Could not count the matches first: ${toActionMessage(e)}` };
  }
}

/** Add the sizing to a preview that has no problems; a search that matches nothing gets its sentence as a problem. */
export function withSizing<P extends { body: Record<string, unknown>; count: number; problems: string[] }>(
  ctx: AppContext,
  preview: P,
  kind: SizedKind,
): P & Partial<SearchSizing> {
  if (preview.problems.length > 0) return preview;
  const sized = sizeForPreview(ctx, preview.body, preview.count, kind);
  return { ...preview, ...sized, problems: sized.matches === 0 ? [noMatchSentence(kind)] : [] };
}
