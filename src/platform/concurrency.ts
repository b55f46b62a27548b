/**
 * How many requests one fetchAll wave sends to a provider that publishes no rate limit (gu1,
 * Openmart task reads): additive increase, multiplicative decrease, as TCP does.
 *
 * - Start where the fixed sizes were (gu1 10, Openmart reads 20) and double after each clean,
 *   full wave until the first sign of pressure ("slow start").
 * - After that, grow by one per clean, full wave (a wave smaller than the size says nothing
 *   about whether a bigger one would pass).
 * - A 429, a 5xx or a timeout shrinks the size to 3/4 of what the provider accepted in that wave,
 *   and ends slow start for good.
 * - A clean wave whose slowest answer took longer than `slowMs` holds the size: one answer past
 *   UrlFetch's 60 s throws away the whole fetchAll (PLATFORM.md), so a bigger wave risks more.
 * - Never below `min`, never above `max` (Apps Script's practical fetchAll size: no page states a
 *   limit; 100 is the pessimistic figure kept here only).
 *
 * The state is small and plain, so it lives in the user cache per provider (no Properties call);
 * a lost entry starts again from `start`.
 */

export interface AimdConfig {
  start: number;
  min: number;
  max: number;
  /** Slowest answer (ms) above which a clean wave does not grow the size. */
  slowMs: number;
}

export interface AimdState {
  size: number;
  /** True once any wave met pressure: growth is then additive. */
  congested: boolean;
}

/** What one wave met. */
export interface WaveReport {
  /** Requests in the wave. */
  sent: number;
  /** Answered 429. */
  throttled: number;
  /** 5xx answers and requests lost to a timeout or transport error. */
  failed: number;
  /** The wave's duration (its slowest answer), ms. */
  slowestMs: number;
}

/** The practical top of one fetchAll wave (unverified; see above). */
export const MAX_WAVE = 100;
/** Multiplicative decrease: 3/4 keeps the average near the limit and 429s rare. */
const DECREASE = 0.75;

export const GU1_AIMD: AimdConfig = { start: 10, min: 2, max: MAX_WAVE, slowMs: 30_000 };
export const OPENMART_READS_AIMD: AimdConfig = { start: 20, min: 2, max: MAX_WAVE, slowMs: 30_000 };

/** The state to begin with (a fresh user, or a lost cache entry). */
export function initialState(config: AimdConfig): AimdState {
  return { size: clamp(config.start, config), congested: false };
}

function clamp(n: number, c: AimdConfig): number {
  return Math.max(c.min, Math.min(c.max, Math.floor(n)));
}

/** The next state after a wave. Pure. */
export function nextState(state: AimdState, wave: WaveReport, config: AimdConfig): AimdState {
  if (wave.sent === 0) return state;
  const pressure = wave.throttled + wave.failed;
  if (pressure > 0) {
    const accepted = Math.max(0, wave.sent - pressure);
    // Down to 3/4 of what got through, and never up because of a small wave that met pressure.
    return { size: clamp(Math.min(state.size, accepted) * DECREASE, config), congested: true };
  }
  if (wave.sent < state.size || wave.slowestMs > config.slowMs) return state;
  return { size: clamp(state.congested ? state.size + 1 : state.size * 2, config), congested: state.congested };
}

/** Read a stored state back; anything unexpected starts afresh (the cache is not trusted). */
export function parseState(raw: unknown, config: AimdConfig): AimdState {
  if (typeof raw !== 'object' || raw === null) return initialState(config);
  const r = raw as Record<string, unknown>;
  const size = typeof r['size'] === 'number' && Number.isFinite(r['size']) ? clamp(r['size'], config) : null;
  if (size === null) return initialState(config);
  return { size, congested: r['congested'] === true };
}

/** A controller the http layer asks before each wave and tells after it. */
export interface Concurrency {
  size(): number;
  observe(wave: WaveReport): void;
}

/** A controller over a stored state: `load` once, `store` after every change. */
export function aimd(config: AimdConfig, load: () => unknown, store: (s: AimdState) => void): Concurrency {
  let state = parseState(load(), config);
  return {
    size: () => state.size,
    observe(wave) {
      const next = nextState(state, wave, config);
      if (next.size !== state.size || next.congested !== state.congested) store(next);
      state = next;
    },
  };
}
