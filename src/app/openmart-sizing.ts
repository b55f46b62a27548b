/**
 * The business search preview's sizing: "about N businesses match; fetching M rows costs ..."
 * from `POST /api/v1/search/only_ids` (providers/openmart/size-search.ts), and the sentence that
 * asks to widen a search that matches nothing, so no job is started for an empty tab.
 */
import { noMatchSentence, sizeSearch, sizingSentence } from '../providers/openmart/size-search';
import { httpFor } from './clients';
import type { AppContext } from './context';
import { toActionMessage } from './user-error';

/** What the preview adds: the count of matches (null when unknown) and the sentence to show. */
export interface SearchSizing {
  matches: number | null;
  sizing: string;
}

/** Count the matches of a valid search body; a failure (no key, no credits, offline) is a sentence, never a throw. */
export function sizeForPreview(ctx: AppContext, body: Record<string, unknown>, count: number): SearchSizing {
  try {
    const { matches } = sizeSearch(httpFor(ctx, 'openmart'), body);
    return { matches, sizing: sizingSentence(matches, count) };
  } catch (e) {
    return { matches: null, sizing: `Could not count the matches first: ${toActionMessage(e)}` };
  }
}

/** Add the sizing to a preview that has no problems; a search that matches nothing gets its sentence as a problem. */
export function withSizing<P extends { body: Record<string, unknown>; count: number; problems: string[] }>(ctx: AppContext, preview: P): P & Partial<SearchSizing> {
  if (preview.problems.length > 0) return preview;
  const sized = sizeForPreview(ctx, preview.body, preview.count);
  return { ...preview, ...sized, problems: sized.matches === 0 ? [noMatchSentence()] : [] };
}
