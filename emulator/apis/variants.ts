/**
 * The `variant` fault: the server does the work and answers in another shape its provider is seen
 * to send (each simulator's variants.ts). Only variants that keep every fact are picked, so a
 * correct reader ends with the same tabs as with the documented shapes; an answer no variant fits
 * is unchanged.
 */
import { applicableGu1, reshapeGu1, type Gu1Variant } from './gu1/variants';
import { LOSSLESS as OM_LOSSLESS, applicableOpenmart, reshapeOpenmart, type OpenmartVariant } from './openmart/variants';
import { applicableOpenProspect, reshapeOpenProspect, type OpenProspectVariant } from './openprospect/variants';
import { isTransportFailure, type SimOutcome, type SimRequest, type SimResponse } from './types';

interface Shaper {
  host: string;
  fits(req: SimRequest, res: SimResponse): string[];
  apply(variant: string, req: SimRequest, res: SimResponse): SimResponse;
}

const SHAPERS: Shaper[] = [
  { host: 'openmart.ai', fits: (q, r) => applicableOpenmart(q, r, OM_LOSSLESS), apply: (v, q, r) => reshapeOpenmart(v as OpenmartVariant, q, r) },
  { host: 'gu1.ai', fits: applicableGu1, apply: (v, q, r) => reshapeGu1(v as Gu1Variant, q, r) },
  { host: 'openprospect.io', fits: applicableOpenProspect, apply: (v, q, r) => reshapeOpenProspect(v as OpenProspectVariant, q, r) },
];

/** `out` in a lossless variant shape chosen by `pick` among those that fit (unchanged when none does). */
export function reshapeVariant(req: SimRequest, out: SimOutcome, pick: number): SimOutcome {
  if (isTransportFailure(out)) return out;
  const host = new URL(req.url).hostname;
  const shaper = SHAPERS.find((s) => host === s.host || host.endsWith(`.${s.host}`));
  const fits = shaper?.fits(req, out) ?? [];
  const v = fits[pick % Math.max(1, fits.length)];
  return shaper && v !== undefined ? shaper.apply(v, req, out) : out;
}
