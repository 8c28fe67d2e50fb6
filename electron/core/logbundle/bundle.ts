/**
 * Every file of the log bundle, in a stable order, from (scenario, run, t). Pure: no I/O, no clock,
 * no randomness; the same input gives byte-identical files. `bundleSources` generates each file only
 * when it is read (the collector streams them); `bundleFiles` materialises them (tests, tools).
 */
import type { Run } from '../engine/simulate';
import type { Scenario } from '../scenario/model';
import { autopilotProfileJson } from './autopilotProfile';
import { deviceHashCsv, deviceHashFileName } from './deviceHash';
import { EVENT_LOGS, eventLogEvents, eventLogText } from './eventLogs';
import type { EventLogKey } from './eventLogs';
import type { RunFacts } from '../facts/history';
import { runFacts } from '../facts/history';
import { agentExecutorLog, appWorkloadLog, intuneManagementExtensionLogChunks } from './imeLogs';
import { mdmDiagHtml } from './mdmDiagHtml';
import { footprintText, metadataJson } from './metadata';
import type { AppLogNote } from './readme';
import { readmeText } from './readme';
import { registryDump, registryKeys } from './registryDump';
import { setupactLog } from './setupact';

export interface BundleFile {
  name: string;
  content: string | Uint8Array;
}

/** A file generated on demand. Strings are written as UTF-8. */
export interface BundleSource {
  name: string;
  /** Expected size in bytes when known in advance (progress only). */
  sizeHint: number | null;
  chunks(): Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;
}

export interface BundleOptions {
  /** Name of the archive (readme and metadata mention it); default `MDMDiagReport.zip`. */
  archiveName?: string;
  /** The app's own log, which the collector adds from disk: its name and whether it is there. */
  appLog?: AppLogNote | null;
  /** Benchmark knob: pad IntuneManagementExtension.log with check-in lines to about this many bytes. */
  imeLogPaddingBytes?: number;
}

export const APP_LOG_NAME = 'esp-simulator.log';

/** The real collection's file names, in the order they are written (case-insensitive A–Z, §3.2). */
function deviceFileNames(facts: RunFacts): string[] {
  const names = [
    'AgentExecutor.log',
    'AppWorkload.log',
    'AutopilotDDSZTDFile.json',
    deviceHashFileName(facts.scenario.device.serialNumber),
    'IntuneManagementExtension.log',
    'MDMDiagHtmlReport.html',
    'MdmDiagLogMetadata.json',
    'MdmDiagReport_RegistryDump.reg',
    'MdmLogCollectorFootPrint.txt',
    ...Object.values(EVENT_LOGS).map((l) => l.fileName),
    'setupact.log',
  ];
  return names.sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
}

const once = <T>(make: () => T): (() => T) => {
  let value: { v: T } | null = null;
  return () => (value ??= { v: make() }).v;
};

/**
 * Every file of the bundle at simulated second `t`, generated lazily from one `runFacts` (the record
 * up to t), in bundle order: readme, the device's files A–Z, scenario.json, timeline.json.
 */
export function bundleSources(scenario: Scenario, run: Run, t: number, options: BundleOptions = {}): BundleSource[] {
  const facts = runFacts(scenario, run, t);
  const archiveName = options.archiveName ?? 'MDMDiagReport.zip';
  const appLog = options.appLog ?? null;
  const deviceFiles = deviceFileNames(facts);
  const allNames = [
    'readme.txt',
    ...deviceFiles,
    'scenario.json',
    'timeline.json',
    ...(appLog?.included ? [appLog.name] : []),
  ];
  const events = once(() => eventLogEvents(facts));
  const eventFile = new Map(
    (Object.keys(EVENT_LOGS) as EventLogKey[]).map((key) => [EVENT_LOGS[key].fileName, key] as const),
  );
  const padding = options.imeLogPaddingBytes ?? 0;

  const text = (name: string, make: () => string | Uint8Array): BundleSource => ({
    name,
    sizeHint: null,
    chunks: () => [make()],
  });

  const sources: BundleSource[] = [
    text('readme.txt', () => {
      const counts = new Map<string, number>();
      const all = events();
      for (const [file, key] of eventFile) counts.set(file, all[key].length);
      return readmeText(facts, archiveName, allNames, appLog, counts);
    }),
  ];
  for (const name of deviceFiles) {
    const key = eventFile.get(name);
    if (key) {
      sources.push(text(name, () => eventLogText(facts, key, events()[key])));
      continue;
    }
    switch (name) {
      case 'AgentExecutor.log':
        sources.push(text(name, () => agentExecutorLog(facts)));
        break;
      case 'AppWorkload.log':
        sources.push(text(name, () => appWorkloadLog(facts)));
        break;
      case 'AutopilotDDSZTDFile.json':
        sources.push(text(name, () => autopilotProfileJson(facts)));
        break;
      case 'IntuneManagementExtension.log':
        sources.push({
          name,
          sizeHint: padding > 0 ? padding : null,
          chunks: () => intuneManagementExtensionLogChunks(facts, padding),
        });
        break;
      case 'MDMDiagHtmlReport.html':
        sources.push(text(name, () => mdmDiagHtml(facts)));
        break;
      case 'MdmDiagLogMetadata.json':
        sources.push(text(name, () => metadataJson(facts, archiveName, allNames)));
        break;
      case 'MdmDiagReport_RegistryDump.reg':
        sources.push(text(name, () => registryDump(facts)));
        break;
      case 'MdmLogCollectorFootPrint.txt':
        sources.push(
          text(name, () =>
            footprintText(facts, deviceFiles, [...new Set(registryKeys(facts).map((k) => registryRoot(k.path)))]),
          ),
        );
        break;
      case 'setupact.log':
        sources.push(text(name, () => setupactLog(facts)));
        break;
      default:
        if (name.startsWith('DeviceHash_')) sources.push(text(name, () => deviceHashCsv(facts)));
        else throw new Error(`no writer for ${name}`);
    }
  }
  sources.push(text('scenario.json', () => JSON.stringify(scenario, null, 2) + '\n'));
  sources.push(text('timeline.json', () => JSON.stringify(facts.events, null, 2) + '\n'));
  return sources;
}

/** The top keys the dump covers (for the footprint). */
function registryRoot(path: string): string {
  const parts = path.split('\\');
  return parts.slice(0, Math.min(parts.length, 5)).join('\\');
}

/** Every file with its content, in bundle order (without the app's own log, which the collector copies). */
export function bundleFiles(scenario: Scenario, run: Run, t: number, options: BundleOptions = {}): BundleFile[] {
  return bundleSources(scenario, run, t, options).map((source) => {
    const parts: (string | Uint8Array)[] = [];
    const iterable = source.chunks();
    if (!(Symbol.iterator in iterable)) throw new Error(`${source.name} is asynchronous; use bundleSources`);
    for (const part of iterable) parts.push(part);
    if (parts.every((p) => typeof p === 'string')) return { name: source.name, content: parts.join('') };
    return {
      name: source.name,
      content: Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p))),
    };
  });
}

/** The archive name a device writes (§2.3, §3.1; docs/fidelity.md "Log collection"). */
export function logBundleFileName(scenario: Scenario): string {
  if (scenario.deployment.mode === 'preProvisioning') return 'AutopilotWhiteGloveLogs.zip';
  return 'MDMDiagReport.zip';
}
