/**
 * Scenarios for the log bundle tests, and parsers written from the format descriptions
 * (esp-reference.md §3.3 CMTrace, §3.4 .reg, `wevtutil qe /f:text`), independent of the writers.
 */
import type { Scenario } from '../../../electron/core/scenario/model';
import type { Run } from '../../../electron/core/engine/simulate';
import { simulate } from '../../../electron/core/engine/simulate';
import { bundleFiles } from '../../../electron/core/logbundle/bundle';
import {
  DEVICE_GROUP,
  USER_GROUP,
  groupTarget,
  makeApp,
  makeProfile,
  makeScenario,
  required,
} from '../helpers/scenarioFactory';

export const START = '2026-03-02T08:30:00Z';

/** User-driven; the device ESP tracks VPN (succeeds) then Teams (exits 1603, unmapped). */
export function teamsFailsScenario(overrides: Parameters<typeof makeScenario>[0] = {}): Scenario {
  return makeScenario({
    name: 'Teams fails',
    seed: 7,
    startTime: START,
    tenant: {
      espProfiles: [
        makeProfile({
          id: 'esp-1',
          displayName: 'Contoso ESP',
          installProgressTimeoutInMinutes: 45,
          allowLogCollectionOnInstallFailure: true,
          allowDeviceResetOnInstallFailure: true,
          assignments: [groupTarget(DEVICE_GROUP)],
        }),
      ],
      apps: [
        makeApp({ id: 'vpn', displayName: 'Contoso VPN', assignments: [required(groupTarget(DEVICE_GROUP))] }),
        makeApp({ id: 'teams', displayName: 'Microsoft Teams', assignments: [required(groupTarget(DEVICE_GROUP))] }),
      ],
    },
    simulation: {
      apps: {
        vpn: { installSeconds: 60, downloadMB: 24, exitCodes: [0] },
        teams: { installSeconds: 90, downloadMB: 48, exitCodes: [1603] },
      },
    },
    ...overrides,
  });
}

/** Everything succeeds, through Account setup: a soft-reboot app, a retried app, an MSI and a user app. */
export function successScenario(): Scenario {
  return makeScenario({
    name: 'All good',
    seed: 11,
    startTime: START,
    tenant: {
      espProfiles: [
        makeProfile({
          id: 'esp-ok',
          displayName: 'Happy ESP',
          installProgressTimeoutInMinutes: 90,
          assignments: [groupTarget(DEVICE_GROUP)],
        }),
      ],
      apps: [
        makeApp({ id: 'agent', displayName: 'Security Agent', assignments: [required(groupTarget(DEVICE_GROUP))] }),
        makeApp({ id: 'retry', displayName: 'Busy Installer', assignments: [required(groupTarget(DEVICE_GROUP))] }),
        makeApp({
          id: 'msi',
          displayName: 'Legacy MSI',
          kind: 'msi',
          odataType: '#microsoft.graph.windowsMobileMSI',
          assignments: [required(groupTarget(DEVICE_GROUP))],
        }),
        makeApp({
          id: 'notes',
          displayName: 'Notes',
          installContext: 'user',
          assignments: [required(groupTarget(USER_GROUP))],
        }),
      ],
    },
    simulation: {
      apps: {
        agent: { installSeconds: 40, downloadMB: 12, exitCodes: [3010] },
        retry: { installSeconds: 30, downloadMB: 6, exitCodes: [1618, 0] },
        msi: { installSeconds: 20, downloadMB: 3, exitCodes: [0] },
        notes: { installSeconds: 25, downloadMB: 5, exitCodes: [0] },
      },
    },
  });
}

/** Self-deploying: no user, so no Account setup. */
export function selfDeployingScenario(): Scenario {
  return makeScenario({
    name: 'Kiosk',
    seed: 5,
    startTime: START,
    deployment: { mode: 'selfDeploying' },
    users: [],
    tenant: {
      espProfiles: [makeProfile({ id: 'esp-kiosk', assignments: [groupTarget(DEVICE_GROUP)] })],
      apps: [
        makeApp({ id: 'kiosk-app', displayName: 'Kiosk App', assignments: [required(groupTarget(DEVICE_GROUP))] }),
      ],
    },
    simulation: { apps: { 'kiosk-app': { installSeconds: 30, downloadMB: 10, exitCodes: [0] } } },
  });
}

export function runOf(scenario: Scenario): Run {
  return simulate(scenario);
}

export function filesOf(scenario: Scenario, run: Run, t: number): Map<string, string | Uint8Array> {
  return new Map(bundleFiles(scenario, run, t).map((f) => [f.name, f.content]));
}

export function textOf(files: Map<string, string | Uint8Array>, name: string): string {
  const content = files.get(name);
  if (content === undefined) throw new Error(`${name} is not in the bundle`);
  return typeof content === 'string' ? content : new TextDecoder('utf-8').decode(content);
}

/** Wall-clock UTC time of a simulated second, truncated to the second: `2026-03-02T08:32:41`. */
export function wallSecond(seconds: number): string {
  return new Date(Date.parse(START) + Math.floor(seconds) * 1000).toISOString().slice(0, 19);
}

// ---- CMTrace (§3.3; regex from toolchain-notes §7) -------------------------------------------------

export interface CmtraceEntry {
  message: string;
  time: string;
  date: string;
  component: string;
  context: string;
  type: string;
  thread: string;
  file: string;
}

const CMTRACE =
  /<!\[LOG\[([\s\S]*?)\]LOG\]!><time="([^"]*)" date="([^"]*)" component="([^"]*)" context="([^"]*)" type="(\d)" thread="(\d*)" file="([^"]*)">/g;

/** Parses a CMTrace log; `rest` is whatever text lies between or after entries (should be CRLFs only). */
export function parseCmtrace(text: string): { entries: CmtraceEntry[]; gaps: string[] } {
  const entries: CmtraceEntry[] = [];
  const gaps: string[] = [];
  let last = 0;
  for (const m of text.matchAll(CMTRACE)) {
    gaps.push(text.slice(last, m.index));
    last = m.index + m[0].length;
    const [, message, time, date, component, context, type, thread, file] = m as unknown as string[];
    entries.push({
      message: message!,
      time: time!,
      date: date!,
      component: component!,
      context: context!,
      type: type!,
      thread: thread!,
      file: file!,
    });
  }
  gaps.push(text.slice(last));
  return { entries, gaps };
}

/** `M-D-YYYY` + `HH:mm:ss.fffffff` as an ISO second, or null if either is malformed. */
export function cmtraceSecond(entry: Pick<CmtraceEntry, 'date' | 'time'>): string | null {
  const d = /^([1-9]|1[0-2])-([1-9]|[12]\d|3[01])-(\d{4})$/.exec(entry.date);
  const t = /^([01]\d|2[0-3]):([0-5]\d):([0-5]\d)\.(\d{7})$/.exec(entry.time);
  if (!d || !t) return null;
  const iso = `${d[3]}-${d[1]!.padStart(2, '0')}-${d[2]!.padStart(2, '0')}T${t[1]}:${t[2]}:${t[3]}`;
  return Number.isNaN(Date.parse(`${iso}Z`)) ? null : iso;
}

// ---- .reg (regedit format, §3.4) -----------------------------------------------------------------

export type RegData =
  { type: 'sz'; value: string } | { type: 'dword'; value: number } | { type: 'hex'; kind: string; bytes: number[] };

export interface RegFile {
  header: string;
  keys: Map<string, Map<string, RegData>>;
  /** Keys in file order. */
  order: string[];
}

function unescapeRegString(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '\\') {
      const next = raw[++i];
      if (next !== '\\' && next !== '"') throw new Error(`bad escape \\${next} in ${raw}`);
      out += next;
    } else if (c === '"') {
      throw new Error(`unescaped quote in ${raw}`);
    } else out += c;
  }
  return out;
}

/** Reads a quoted name at the start of `line`; returns it and the rest after the closing quote. */
function readQuoted(line: string): [string, string] {
  if (line[0] !== '"') throw new Error(`expected a quote: ${line}`);
  let i = 1;
  for (; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '"') break;
  }
  if (i >= line.length) throw new Error(`unterminated string: ${line}`);
  return [unescapeRegString(line.slice(1, i)), line.slice(i + 1)];
}

export function parseReg(bytes: Uint8Array): RegFile {
  if (bytes[0] !== 0xff || bytes[1] !== 0xfe) throw new Error('no UTF-16LE byte-order mark');
  const text = new TextDecoder('utf-16le').decode(bytes.slice(2));
  if (/[^\r]\n/.test(text) || /\r[^\n]/.test(text)) throw new Error('line ends are not all CRLF');
  const lines = text.split('\r\n');
  const header = lines[0] ?? '';
  if (lines[1] !== '') throw new Error('no blank line after the header');
  const keys = new Map<string, Map<string, RegData>>();
  const order: string[] = [];
  let current: Map<string, RegData> | null = null;
  for (let i = 2; i < lines.length; i++) {
    let line = lines[i]!;
    if (line === '') continue;
    const key = /^\[([^\]]+)\]$/.exec(line);
    if (key) {
      current = new Map();
      keys.set(key[1]!, current);
      order.push(key[1]!);
      continue;
    }
    if (!current) throw new Error(`value outside a key: ${line}`);
    while (line.endsWith('\\') && /=hex/.test(line)) line = line.slice(0, -1) + (lines[++i] ?? '').replace(/^ {2}/, '');
    let name: string;
    let rest: string;
    if (line.startsWith('@=')) [name, rest] = ['', line.slice(1)];
    else [name, rest] = readQuoted(line);
    if (rest[0] !== '=') throw new Error(`expected = after the name: ${line}`);
    const data = rest.slice(1);
    if (data.startsWith('"')) {
      const [value, after] = readQuoted(data);
      if (after !== '') throw new Error(`text after a string: ${line}`);
      current.set(name, { type: 'sz', value });
    } else if (/^dword:[0-9a-f]{8}$/.test(data)) {
      current.set(name, { type: 'dword', value: parseInt(data.slice(6), 16) });
    } else {
      const hex = /^hex(?:\(([0-9a-f]+)\))?:((?:[0-9a-f]{2},)*[0-9a-f]{2})?$/.exec(data);
      if (!hex) throw new Error(`unreadable value: ${line}`);
      current.set(name, {
        type: 'hex',
        kind: hex[1] ?? '3',
        bytes: (hex[2] ?? '')
          .split(',')
          .filter(Boolean)
          .map((b) => parseInt(b, 16)),
      });
    }
  }
  return { header, keys, order };
}

export function regValue(reg: RegFile, key: string, name: string): RegData | undefined {
  return reg.keys.get(key)?.get(name);
}

export function dwordOf(reg: RegFile, key: string, name: string): number | undefined {
  const v = regValue(reg, key, name);
  return v?.type === 'dword' ? v.value : undefined;
}

export function stringOf(reg: RegFile, key: string, name: string): string | undefined {
  const v = regValue(reg, key, name);
  return v?.type === 'sz' ? v.value : undefined;
}

/** The one key whose path matches. */
export function findKey(reg: RegFile, pattern: RegExp): string {
  const found = reg.order.filter((k) => pattern.test(k));
  if (found.length !== 1) throw new Error(`${found.length} keys match ${pattern}`);
  return found[0]!;
}

// ---- wevtutil /f:text ---------------------------------------------------------------------------

export interface TextEvent {
  index: number;
  fields: Map<string, string>;
  description: string;
}

export function parseEventText(text: string): TextEvent[] {
  if (text === '') return [];
  if (/[^\r]\n/.test(text)) throw new Error('line ends are not all CRLF');
  const events: TextEvent[] = [];
  const blocks = text.split(/\r\n(?=Event\[\d+\]:\r\n)/);
  for (const block of blocks) {
    const lines = block.split('\r\n');
    const head = /^Event\[(\d+)\]:$/.exec(lines[0] ?? '');
    if (!head) throw new Error(`not an event: ${lines[0]}`);
    const fields = new Map<string, string>();
    let i = 1;
    for (; i < lines.length; i++) {
      const m = /^ {2}([A-Za-z ]+): ?(.*)$/.exec(lines[i]!);
      if (!m) throw new Error(`bad field line: ${lines[i]}`);
      fields.set(m[1]!, m[2]!);
      if (m[1] === 'Description') break;
    }
    const description = lines
      .slice(i + 1)
      .join('\r\n')
      .replace(/(\r\n)+$/, '');
    events.push({ index: Number(head[1]), fields, description });
  }
  return events;
}
