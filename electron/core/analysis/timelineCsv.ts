/**
 * The run's record as CSV (`esp-sim timeline --format csv`, docs/cli.md "esp-sim timeline"): one row
 * per timeline event, the columns below, quoted as RFC 4180 says (a field holding a comma, a double
 * quote, CR or LF is enclosed in double quotes, inner quotes doubled; rows end with CRLF). Pure.
 */
import { formatDuration } from '../../../shared/esp';
import type { TimelineEvent } from '../../../shared/timeline';

/** The header row, in order. */
export const TIMELINE_CSV_COLUMNS = ['t', 'clock', 'type', 'phase', 'item', 'appId', 'status', 'detail'] as const;

/** The fields that have their own column; every other field of an event goes into `detail`. */
const OWN_COLUMNS = new Set<string>(TIMELINE_CSV_COLUMNS);

/** One field, quoted only when RFC 4180 requires it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/**
 * One event as its CSV cells: `t` (simulated seconds, as recorded), `clock` (h:mm:ss), `type`,
 * `phase`, `item`, `appId`, `status` (empty when the event has no such field), and `detail`: the
 * event's other fields as compact JSON (`{}` when it has none).
 */
export function timelineCsvCells(event: TimelineEvent): string[] {
  const record = event as unknown as Record<string, unknown>;
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (!OWN_COLUMNS.has(key)) rest[key] = value;
  return [
    String(event.t),
    formatDuration(event.t),
    event.type,
    text(record.phase),
    text(record.item),
    text(record.appId),
    text(record.status),
    JSON.stringify(rest),
  ];
}

/** The whole timeline as CSV: the header row, then one row per event; CRLF after every row. */
export function timelineCsv(events: readonly TimelineEvent[]): string {
  const rows = [TIMELINE_CSV_COLUMNS.join(','), ...events.map((e) => timelineCsvCells(e).map(csvField).join(','))];
  return rows.map((r) => `${r}\r\n`).join('');
}
