/**
 * MdmDiagLogMetadata.json and MdmLogCollectorFootPrint.txt (§3.2): what was collected, for which
 * areas, when. The real schema is not documented ([U]); this keeps to what the name promises.
 */
import type { RunFacts } from '../facts/history';
import { isoTime } from '../facts/time';

/** MdmDiagLogMetadata.json's text: the collection's areas, time, device and file list. */
export function metadataJson(facts: RunFacts, archiveName: string, files: string[]): string {
  const { scenario } = facts;
  return JSON.stringify(
    {
      Version: '1.0',
      Generator: 'ESP Simulator (simulated collection, not from a real device)',
      Command: `collectLogsEx("${facts.areas.join(';')}", "<folder>\\${archiveName}")`,
      Areas: facts.areas,
      OutputFile: archiveName,
      CollectionTimeUtc: isoTime(facts.startMs, facts.t),
      SimulatedSeconds: Math.round(facts.t * 1000) / 1000,
      DeviceName: facts.computerName,
      SerialNumber: scenario.device.serialNumber,
      Manufacturer: scenario.device.manufacturer,
      Model: scenario.device.model,
      OsVersion: scenario.device.osVersion,
      WindowsRelease: scenario.windows.release,
      EnrollmentId: `{${facts.ids.enrollment}}`,
      EntraDeviceId: facts.ids.entraDevice,
      Files: files,
    },
    null,
    2,
  );
}

/** MdmLogCollectorFootPrint.txt's text (CRLF): what the collector exported and collected. */
export function footprintText(facts: RunFacts, files: string[], registryRoots: string[]): string {
  const when = isoTime(facts.startMs, facts.t);
  const lines = [`${when} MdmDiagnosticsTool (simulated): collecting areas ${facts.areas.join(';')}`];
  for (const root of registryRoots) lines.push(`${when} Exported registry key ${root}`);
  for (const file of files) lines.push(`${when} Collected ${file}`);
  lines.push(`${when} Collection complete`);
  return lines.join('\r\n') + '\r\n';
}
