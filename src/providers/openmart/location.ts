/**
 * The Location object of `POST /api/v1/search` and `/api/v1/enrich_company` (the same spelling on
 * both: `zip_code` as a list, `long` with a "g"): `country`, `state`, `city`, `zip_code`, `lat`,
 * `long`, `geo_radius` (meters), `use_geo_fuzz`. Coordinates are WGS84 (lat -90..90, long
 * -180..180) and come in pairs; the radius is a positive whole number of meters.
 */
import { boolOf, isRecord, listOf, numberOf, textOf, type Problem } from './form';

const LOCATION_KEYS = new Set(['country', 'state', 'city', 'zip_code', 'lat', 'long', 'geo_radius', 'use_geo_fuzz']);
const COORDS: Record<string, { min: number; max: number; what: string }> = {
  lat: { min: -90, max: 90, what: 'latitude' },
  long: { min: -180, max: 180, what: 'longitude' },
};

/** One form location -> the API's Location object (undefined when blank); problems name the field. */
export function buildLocation(v: unknown, i: number, problems: Problem[]): Record<string, unknown> | undefined {
  if (!isRecord(v)) {
    problems.push({ field: `location.${i}`, message: `Location ${i + 1} is not a set of fields.` });
    return undefined;
  }
  const out: Record<string, unknown> = {};
  const at = (k: string) => `location.${i}.${k}`;
  for (const [k, raw] of Object.entries(v)) {
    if (!LOCATION_KEYS.has(k)) {
      problems.push({
        field: at(k),
        message: `Location ${i + 1}: "${k}" is not a location field (country, state, city, zip_code, lat, long, geo_radius, use_geo_fuzz).`,
      });
      continue;
    }
    if (k === 'zip_code') {
      const zips = listOf(raw);
      if (zips) out[k] = zips;
    } else if (k === 'use_geo_fuzz') {
      const b = boolOf(raw);
      if (b !== undefined) out[k] = b;
    } else if (k === 'lat' || k === 'long') {
      const n = numberOf(raw);
      if (n === undefined) continue;
      const c = COORDS[k] as { min: number; max: number; what: string };
      if (Number.isNaN(n) || n < c.min || n > c.max)
        problems.push({ field: at(k), message: `Location ${i + 1}: the ${c.what} must be a number from ${c.min} to ${c.max}.` });
      else out[k] = n;
    } else if (k === 'geo_radius') {
      const n = numberOf(raw);
      if (n === undefined) continue;
      if (Number.isNaN(n) || Math.round(n) < 1) problems.push({ field: at(k), message: `Location ${i + 1}: the radius is a whole number of meters from 1.` });
      else out[k] = Math.round(n);
    } else {
      const t = textOf(raw);
      if (t !== undefined) out[k] = t;
    }
  }
  if ('lat' in out !== 'long' in out)
    problems.push({ field: `location.${i}`, message: `Location ${i + 1}: give both latitude and longitude for a radius search.` });
  if ('geo_radius' in out && !('lat' in out))
    problems.push({ field: `location.${i}`, message: `Location ${i + 1}: a radius needs a latitude and a longitude.` });
  return Object.keys(out).length > 0 ? out : undefined;
}

/** A form's `location` (one object or a list) -> the API's list, or undefined when blank. */
export function buildLocations(raw: unknown, problems: Problem[]): Array<Record<string, unknown>> | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const list = (Array.isArray(raw) ? raw : [raw]).map((l, i) => buildLocation(l, i, problems)).filter((l): l is Record<string, unknown> => l !== undefined);
  return list.length > 0 ? list : undefined;
}
