/**
 * The `variant` fault: the server does the work and answers in another shape its provider is seen
 * to send (each simulator's variants.ts). Only lossless variants are picked, so a correct reader
 * ends with the same tabs as with the documented shapes; an answer no variant fits is unchanged.
 */
import { applicableGu1, reshapeGu1 } from './gu1/variants';
import { LOSSLESS as OM_LOSSLESS, applicableOpenmart, reshapeOpenmart } from './openmart/variants';
import { isTransportFailure, type SimOutcome, type SimRequest } from './types';

/** `out` in a lossless variant shape chosen by `pick` among those that fit (unchanged when none does). */
export function reshapeVariant(req: SimRequest, out: SimOutcome, pick: number): SimOutcome {
  if (isTransportFailure(out)) return out;
  const host = new URL(req.url).hostname;
  if (host.endsWith('openmart.ai')) {
    const fits = applicableOpenmart(req, out, OM_LOSSLESS);
    const v = fits[pick % Math.max(1, fits.length)];
    return v === undefined ? out : reshapeOpenmart(v, req, out);
  }
  if (host.endsWith('gu1.ai')) {
    const fits = applicableGu1(req, out);
    const v = fits[pick % Math.max(1, fits.length)];
    return v === undefined ? out : reshapeGu1(v, req, out);
  }
  return out;
}
