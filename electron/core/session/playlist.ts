/**
 * Kiosk demos: the scenarios a kiosk runs in turn (`--playlist a.json,b.json`, or the operator console's "Kiosk
 * playlist" panel). Every entry is validated when the playlist is built; a bad one stays listed, with its path and
 * the reason, and is skipped, so the demo keeps going. The session asks for the next entry when a run has ended and
 * the loop pause is over (session.ts); the order wraps around.
 */
import type { LoadResult } from '../scenario/load';
import type { Scenario } from '../scenario/model';
import { formatProblem } from '../scenario/validate';

export interface PlaylistEntry {
  /** How the console names it: `bundled:<name>`, `user:<name>`, or `file:<n>` for a file given by path. */
  id: string;
  /** What people read: the file's path, or the library entry's name. */
  label: string;
  /** What the settings remember: a library id, or the file's absolute path. */
  source: string;
  /** The validated scenario; null when the entry is skipped. */
  scenario: Scenario | null;
  /** What validation noticed in a usable scenario (`path: message` each). */
  warnings: string[];
  /** Why the entry is skipped, naming it: `<path>: <reason>`; null when it plays. */
  problem: string | null;
}

/** One entry from a file's load result (scenario/load.ts): a usable scenario, or why not. */
export function playlistEntry(
  where: { id: string; label: string; source: string },
  loaded: LoadResult | { kind: 'missing'; message: string },
): PlaylistEntry {
  switch (loaded.kind) {
    case 'valid':
      return { ...where, scenario: loaded.scenario, warnings: loaded.warnings.map(formatProblem), problem: null };
    case 'invalid':
      return {
        ...where,
        scenario: null,
        warnings: [],
        problem: `${where.label}: not a valid scenario: ${loaded.problems.map(formatProblem).join('; ')}`,
      };
    case 'unreadable':
      // load.ts already names the path in its message ("cannot read <path>: ...").
      return { ...where, scenario: null, warnings: [], problem: loaded.message };
    case 'missing':
      return { ...where, scenario: null, warnings: [], problem: `${where.label}: ${loaded.message}` };
  }
}

export class Playlist {
  /** Index in `entries` of the entry that plays now, or -1 when none can. */
  private index: number;

  constructor(readonly entries: readonly PlaylistEntry[]) {
    this.index = this.nextPlayable(-1);
  }

  /** How many entries can play. */
  get playableCount(): number {
    return this.entries.filter((e) => e.scenario !== null).length;
  }

  /** The entries that are skipped, each naming its path and the reason. */
  get problems(): string[] {
    return this.entries.flatMap((e) => (e.problem ? [e.problem] : []));
  }

  /** Index in `entries` of the entry playing now; null when none can play. */
  get position(): number | null {
    return this.index < 0 ? null : this.index;
  }

  /** The entry playing now; null when none can play. */
  current(): PlaylistEntry | null {
    return this.index < 0 ? null : this.entries[this.index]!;
  }

  /** Moves to the next entry that can play, wrapping around (the same one again when it is the only one). */
  advance(): PlaylistEntry | null {
    this.index = this.nextPlayable(this.index);
    return this.current();
  }

  /** Back to the first entry that can play. */
  rewind(): PlaylistEntry | null {
    this.index = this.nextPlayable(-1);
    return this.current();
  }

  private nextPlayable(from: number): number {
    const count = this.entries.length;
    for (let step = 1; step <= count; step++) {
      const at = (((from + step) % count) + count) % count;
      if (this.entries[at]!.scenario !== null) return at;
    }
    return -1;
  }
}
