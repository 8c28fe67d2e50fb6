/**
 * Wall-clock times for the bundle: the scenario's `startTime` plus simulated seconds. The simulated
 * device's clock is UTC (the scenario has no time zone), so "local time" in the logs is UTC.
 * Times are handled as integer ticks of 100 ns relative to the start, the resolution of CMTrace's
 * seven fractional digits.
 */

export const TICKS_PER_SECOND = 10_000_000;
const TICKS_PER_MS = 10_000;

/** Simulated seconds as 100-ns ticks (CMTrace's resolution), rounded. */
export function ticksOf(seconds: number): number {
  return Math.round(seconds * TICKS_PER_SECOND);
}

/** The scenario's `startTime` (ISO 8601) in Unix milliseconds; 0 if it does not parse. */
export function startMsOf(startTime: string): number {
  const ms = Date.parse(startTime);
  return Number.isFinite(ms) ? ms : 0;
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0..9_999_999 */
  fractionTicks: number;
}

function parts(startMs: number, ticks: number): Parts {
  const wholeMs = Math.floor(ticks / TICKS_PER_MS);
  const subMs = ticks - wholeMs * TICKS_PER_MS;
  const ms = startMs + wholeMs;
  const d = new Date(ms);
  const msOfSecond = ((ms % 1000) + 1000) % 1000;
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    fractionTicks: msOfSecond * TICKS_PER_MS + subMs,
  };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** ISO 8601 UTC with milliseconds: `2026-03-02T08:30:00.000Z`. */
export function isoTime(startMs: number, seconds: number): string {
  return new Date(startMs + Math.round(seconds * 1000)).toISOString();
}

/** setupact.log: `2026-03-02 08:30:00`. */
export function setupactTime(startMs: number, ticks: number): string {
  const p = parts(startMs, ticks);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** The diagnostics page and the HTML report print en-US local time: `3/2/2026 8:31:12 AM`. */
export function displayTime(startMs: number, seconds: number): string {
  const p = parts(startMs, ticksOf(seconds));
  const h12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  return `${p.month}/${p.day}/${p.year} ${h12}:${pad(p.minute)}:${pad(p.second)} ${p.hour < 12 ? 'AM' : 'PM'}`;
}

/** A registry value name for ESPTrackingInfo\Diagnostics (§4.6): the UTC time of the write. */
export function trackingTimestamp(startMs: number, seconds: number): string {
  return isoTime(startMs, seconds);
}
