/**
 * CMTrace lines as the Intune Management Extension writes them (§3.3):
 *   <![LOG[msg]LOG]!><time="HH:mm:ss.fffffff" date="M-D-YYYY" component="..." context="" type="1" thread="14" file="">
 * followed by CRLF. Lines are collected with simulated times, then written in time order.
 */
import { hashInt } from '../facts/ids';
import { ticksOf } from '../facts/time';

export type LineType = 1 | 2 | 3;

export interface LogLine {
  /** 100-ns ticks since the scenario's start. */
  tick: number;
  component: string;
  type: LineType;
  thread: number;
  msg: string;
}

/** Lines written at the same simulated second follow each other a few milliseconds apart. */
const STEP_TICKS = 31_250;
const MAX_JITTER_TICKS = 200_000;

/**
 * Formats lines for one log: `time` is the local (here UTC) time with seven fractional digits, `date`
 * is M-D-YYYY without zero padding. The hour, minute, second and date are worked out once per
 * wall-clock second, not once per line (the benchmark writes ~400k lines).
 */
export function lineFormatter(startMs: number): (line: LogLine) => string {
  const into = ((startMs % 1000) + 1000) % 1000;
  const startSecondMs = startMs - into;
  const offset = into * 10_000;
  let cachedSecond = Number.NaN;
  let head = '';
  let date = '';
  return (line) => {
    const ticks = offset + line.tick;
    const second = Math.floor(ticks / 10_000_000);
    if (second !== cachedSecond) {
      cachedSecond = second;
      const d = new Date(startSecondMs + second * 1000);
      const two = (n: number): string => String(n).padStart(2, '0');
      head = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.`;
      date = `${d.getUTCMonth() + 1}-${d.getUTCDate()}-${d.getUTCFullYear()}`;
    }
    const fraction = String(ticks - second * 10_000_000).padStart(7, '0');
    return (
      `<![LOG[${line.msg}]LOG]!><time="${head}${fraction}" date="${date}" ` +
      `component="${line.component}" context="" type="${line.type}" thread="${line.thread}" file="">\r\n`
    );
  };
}

/** A cheap, deterministic 32-bit mix (the jitter runs once per line; SHA-256 would be wasteful). */
function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

export class LogBuilder {
  private readonly lines: LogLine[] = [];
  private readonly perSecond = new Map<number, number>();
  private readonly salt: number;

  constructor(
    private readonly component: string,
    seed: string,
  ) {
    this.salt = hashInt(0x7fffffff, seed, component);
  }

  /** One line at simulated second `seconds`; several at the same second keep their order. */
  add(seconds: number, thread: number, type: LineType, msg: string): void {
    const base = ticksOf(seconds);
    const seq = this.perSecond.get(base) ?? 0;
    this.perSecond.set(base, seq + 1);
    const jitter = mix(this.salt ^ mix(Math.floor(base / 1000) | 0)) % MAX_JITTER_TICKS;
    this.lines.push({ tick: base + jitter + seq * STEP_TICKS, component: this.component, type, thread, msg });
  }

  /** The lines in time order (stable for equal times). */
  sorted(): LogLine[] {
    return this.lines
      .map((line, i) => ({ line, i }))
      .sort((a, b) => a.line.tick - b.line.tick || a.i - b.i)
      .map((x) => x.line);
  }
}

/**
 * Encodes lines as UTF-8 straight into buffers of about `size` bytes, for streaming (256 KB suits
 * zlib best). Cheaper than joining strings and encoding them afterwards.
 */
export function* chunkedBytes(lines: Iterable<string>, size = 256 * 1024): Generator<Uint8Array> {
  let buffer = Buffer.allocUnsafe(size + 64 * 1024);
  let offset = 0;
  for (const line of lines) {
    if (offset + line.length * 3 > buffer.length) {
      if (offset > 0) {
        yield buffer.subarray(0, offset);
        buffer = Buffer.allocUnsafe(Math.max(size + 64 * 1024, line.length * 3));
        offset = 0;
      } else {
        buffer = Buffer.allocUnsafe(line.length * 3);
      }
    }
    offset += buffer.write(line, offset, 'utf8');
    if (offset >= size) {
      yield buffer.subarray(0, offset);
      buffer = Buffer.allocUnsafe(size + 64 * 1024);
      offset = 0;
    }
  }
  if (offset > 0) yield buffer.subarray(0, offset);
}
