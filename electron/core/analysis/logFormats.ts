/**
 * Readers for the text files of an Autopilot / MDM diagnostics bundle (§3.2–§3.4), written for real
 * devices' files as much as for the simulator's: CMTrace logs (the Intune Management Extension's
 * IntuneManagementExtension.log and AppWorkload.log, §3.3), Windows event logs exported as text
 * (`wevtutil qe <log> /f:text`), the registry dump (`MdmDiagReport_RegistryDump.reg`, regedit
 * format, usually UTF-16LE with a BOM, §3.4) and setupact.log. Every parsed record keeps the 1-based
 * line number and the exact text of the line it came from, so a diagnosis can cite it. Pure: no I/O.
 */

/** A text file of the bundle, split into lines (without their line terminators). */
export interface TextFile {
  /** The entry's path inside the archive. */
  name: string;
  lines: string[];
}

/** A cited line: the file, its 1-based line number and the exact text of that line. */
export interface LineRef {
  file: string;
  line: number;
  text: string;
}

/**
 * Bytes to text: UTF-16LE or UTF-16BE with a BOM, UTF-8 with or without a BOM, and UTF-16LE without
 * a BOM when the first characters look like it (regedit and wevtutil write UTF-16). The BOM is dropped.
 */
export function decodeText(bytes: Uint8Array): string {
  const b = bytes;
  try {
    if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
    if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
    if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
      return new TextDecoder('utf-8').decode(b.subarray(3));
    }
    if (b.length >= 4 && b[0] !== 0 && b[1] === 0 && b[2] !== 0 && b[3] === 0) {
      return new TextDecoder('utf-16le').decode(b);
    }
  } catch {
    // An encoding this runtime lacks: read it as UTF-8 below.
  }
  return new TextDecoder('utf-8').decode(b);
}

/** Lines split on CRLF, LF or CR; a final line terminator does not make an empty last line. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** A bundle entry as text lines (`decodeText`, then `splitLines`). */
export function textFile(name: string, bytes: Uint8Array): TextFile {
  return { name, lines: splitLines(decodeText(bytes)) };
}

function ref(file: TextFile, index: number): LineRef {
  return { file: file.name, line: index + 1, text: file.lines[index]! };
}

// ---- CMTrace ---------------------------------------------------------------------------------------

/** One CMTrace entry: `<![LOG[message]LOG]!><time="..." date="..." component="..." type="1" thread="14" ...>`. */
export interface CmtraceEntry extends LineRef {
  /** The message (lines joined with \n when it spans several). */
  msg: string;
  /** Milliseconds since the Unix epoch, reading the time as UTC corrected by its bias if it has one. */
  ms: number | null;
  component: string;
  /** 1 information, 2 warning, 3 error. */
  type: number;
  thread: number;
}

const LOG_START = '<![LOG[';
const LOG_END = ']LOG]!>';

/** `time="08:30:41.0319510"` (optionally `+000`, a bias in minutes) and `date="3-2-2026"` (M-D-YYYY). */
export function cmtraceTime(time: string, date: string): number | null {
  const t = /^(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d+))?([+-]\d+)?$/.exec(time);
  const d = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(date);
  if (!t || !d) return null;
  const fraction = t[4] ? Number(`0.${t[4]}`) * 1000 : 0;
  const bias = t[5] ? Number(t[5]) : 0;
  const ms = Date.UTC(Number(d[3]), Number(d[1]) - 1, Number(d[2]), Number(t[1]), Number(t[2]), Number(t[3]));
  return ms + fraction + bias * 60_000;
}

/** Every entry of a CMTrace log, in file order; lines that are not CMTrace are skipped. */
export function parseCmtrace(file: TextFile): CmtraceEntry[] {
  const entries: CmtraceEntry[] = [];
  const lines = file.lines;
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!;
    const at = first.indexOf(LOG_START);
    if (at < 0) continue;
    let body = first.slice(at + LOG_START.length);
    let j = i;
    while (!body.includes(LOG_END) && j + 1 < lines.length && !lines[j + 1]!.includes(LOG_START)) {
      j++;
      body += `\n${lines[j]}`;
    }
    const end = body.indexOf(LOG_END);
    if (end < 0) continue;
    const attributes = new Map<string, string>();
    for (const m of body.slice(end + LOG_END.length).matchAll(/(\w+)="([^"]*)"/g)) attributes.set(m[1]!, m[2]!);
    entries.push({
      ...ref(file, i),
      msg: body.slice(0, end),
      ms: cmtraceTime(attributes.get('time') ?? '', attributes.get('date') ?? ''),
      component: attributes.get('component') ?? '',
      type: Number(attributes.get('type') ?? '1'),
      thread: Number(attributes.get('thread') ?? '0'),
    });
    i = j;
  }
  return entries;
}

// ---- Event logs as text (wevtutil /f:text) -----------------------------------------------------------

export interface EventRecord {
  file: string;
  logName: string;
  eventId: number;
  level: string;
  ms: number | null;
  /** The description's first line, the one a diagnosis cites. */
  description: LineRef;
  /** The whole description, lines joined with \n. */
  message: string;
}

/** `Event[0]:` blocks with `  Key: value` headers, then the description lines. */
export function parseEventLogText(file: TextFile): EventRecord[] {
  const records: EventRecord[] = [];
  const lines = file.lines;
  let i = 0;
  while (i < lines.length) {
    if (!/^Event\[\d+\]:\s*$/.test(lines[i]!)) {
      i++;
      continue;
    }
    const headers = new Map<string, string>();
    i++;
    let description: LineRef | null = null;
    const message: string[] = [];
    while (i < lines.length && !/^Event\[\d+\]:\s*$/.test(lines[i]!)) {
      const line = lines[i]!;
      const header = /^ {2}([A-Za-z ]+?):\s?(.*)$/.exec(line);
      if (description === null && header && header[1] !== 'Description') {
        headers.set(header[1]!, header[2]!.trim());
      } else if (description === null && header) {
        // `  Description: ` with the text on the next lines (or, in some exports, on this one).
        if (header[2]!.trim() !== '') {
          description = ref(file, i);
          message.push(header[2]!.trim());
        } else if (i + 1 < lines.length && !/^Event\[\d+\]:\s*$/.test(lines[i + 1]!)) {
          description = ref(file, i + 1);
        }
      } else if (description !== null && line !== '') {
        message.push(line);
      }
      i++;
    }
    if (!description) continue;
    const date = headers.get('Date');
    const parsed = date ? Date.parse(date.replace(/(\.\d{3})\d+/, '$1')) : NaN;
    records.push({
      file: file.name,
      logName: headers.get('Log Name') ?? '',
      eventId: Number(headers.get('Event ID') ?? NaN),
      level: headers.get('Level') ?? '',
      ms: Number.isNaN(parsed) ? null : parsed,
      description,
      message: message.join('\n'),
    });
  }
  return records;
}

// ---- Registry dump (.reg) ----------------------------------------------------------------------------

export interface RegistryKey extends LineRef {
  path: string;
}

export interface RegistryValue extends LineRef {
  key: RegistryKey;
  /** '' for the default value (`@`). */
  name: string;
  kind: 'dword' | 'sz' | 'other';
  dword: number | null;
  sz: string | null;
}

export interface Registry {
  keys: RegistryKey[];
  values: RegistryValue[];
}

function unescapeRegString(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

/** Keys and values of a regedit export (`[path]`, `"name"=dword:…`, `"name"="…"`, `hex(…):…` continued with `\`). */
export function parseRegistry(file: TextFile): Registry {
  const keys: RegistryKey[] = [];
  const values: RegistryValue[] = [];
  let key: RegistryKey | null = null;
  const lines = file.lines;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const keyMatch = /^\[(?!-)(.*)\]\s*$/.exec(line);
    if (keyMatch) {
      key = { ...ref(file, i), path: keyMatch[1]! };
      keys.push(key);
      continue;
    }
    const start = i;
    // Continuation lines of a hex value.
    while (lines[i]!.endsWith('\\') && i + 1 < lines.length) i++;
    if (!key) continue;
    const valueMatch = /^(?:"((?:[^"\\]|\\.)*)"|(@))=(.*)$/.exec(line);
    if (!valueMatch) continue;
    const name = valueMatch[2] ? '' : unescapeRegString(valueMatch[1]!);
    const data = valueMatch[3]!;
    const dword = /^dword:([0-9a-fA-F]{1,8})$/.exec(data);
    const sz = /^"((?:[^"\\]|\\.)*)"$/.exec(data);
    values.push({
      ...ref(file, start),
      key,
      name,
      kind: dword ? 'dword' : sz ? 'sz' : 'other',
      dword: dword ? parseInt(dword[1]!, 16) : null,
      sz: sz ? unescapeRegString(sz[1]!) : null,
    });
  }
  return { keys, values };
}

// ---- setupact.log ------------------------------------------------------------------------------------

export interface SetupactLine extends LineRef {
  ms: number | null;
  level: string;
  component: string;
  msg: string;
}

/** `2026-03-02 08:30:00, Info                  [msoobe.exe] message` lines; others are skipped. */
export function parseSetupact(file: TextFile): SetupactLine[] {
  const out: SetupactLine[] = [];
  file.lines.forEach((line, i) => {
    const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}), (\w+)\s+\[([^\]]*)\] ?(.*)$/.exec(line);
    if (!m) return;
    const ms = Date.parse(`${m[1]}T${m[2]}Z`);
    out.push({
      ...ref(file, i),
      ms: Number.isNaN(ms) ? null : ms,
      level: m[3]!,
      component: m[4]!,
      msg: m[5]!,
    });
  });
  return out;
}
