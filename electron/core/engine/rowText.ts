/**
 * The text of a category row and of a sub-item row, exactly as Windows prints it (§1.3, §1.4).
 * Kept apart from the simulation so the rules for wording live in one place.
 */
import type { ItemId, ProgressVerb, Status, StatusKey } from '../../../shared/esp';
import type { ItemStatusParts } from '../../../shared/snapshot';
import { ITEM_TITLES, STATUS_TEXT, formatHresult } from '../../../shared/esp';

/** Progress words by row (§1.4): policies and certificates are applied, networks added, apps installed. */
export const PROGRESS_VERB: Partial<Record<ItemId, ProgressVerb>> = {
  securityPolicies: 'applied',
  certificates: 'applied',
  networkConnections: 'added',
  apps: 'installed',
};

export interface ItemProgress {
  id: ItemId;
  status: Status;
  /** null while the tracking list is unknown (expected count -1 on the device). */
  expected: number | null;
  done: number;
  hresult: number | null;
  /** Device preparation rows that a mode skips still read Complete (§1.1 [I], docs/fidelity.md). */
  skippedAsComplete: boolean;
}

/** Device preparation rows print `Failed: ` before a code (the self-deploying doc screenshot, §1.4 GA). */
const PREPARATION_ITEMS: ReadonlySet<ItemId> = new Set(['tpm', 'mdm', 'espProvider']);

/**
 * The status part of a row, `{1}` in `{0} ({1})` (§1.4), as data: which of Windows' texts, or the counts, or the
 * code. `inPreparation`: the row belongs to Device preparation (its `join` row prints `Failed: ` too; Account
 * setup's does not). The English text is drawn from this (itemStatusText), the other languages in the renderer.
 */
export function itemStatusParts(item: ItemProgress, inPreparation = PREPARATION_ITEMS.has(item.id)): ItemStatusParts {
  const verb = PROGRESS_VERB[item.id];
  const progress = (expected: number, verb: ProgressVerb): ItemStatusParts => ({
    kind: 'progress',
    done: item.done,
    expected,
    verb,
  });
  switch (item.status) {
    case 'notStarted':
      return { kind: 'waiting' };
    case 'identifying':
      return { kind: 'identifying' };
    case 'inProgress':
      if (verb === undefined) return { kind: 'working' };
      if (item.expected === null) return { kind: 'identifying' };
      return item.expected === 0 ? { kind: 'noSetupNeeded' } : progress(item.expected, verb);
    case 'succeeded':
      if (verb !== undefined && item.expected !== null && item.expected > 0) return progress(item.expected, verb);
      return item.expected === 0 ? { kind: 'noSetupNeeded' } : { kind: 'complete' };
    case 'failed':
      // A failure with a code shows the code (CXH formatNumberAsHexString, §1.4): `Apps (0x80070643)`;
      // Device preparation prints it after `Failed: ` (GA screenshot). Without a code — a count that
      // never matched, a row stopped by the timeout — the row reads Error (BootstrapPageStatusFailed).
      if (item.hresult !== null) {
        return { kind: 'failedCode', hresult: formatHresult(item.hresult), failedPrefix: inPreparation };
      }
      return { kind: 'error' };
    case 'previousStepFailed':
      return { kind: 'previousStepFailed' };
    case 'notRun':
      return { kind: item.skippedAsComplete ? 'complete' : 'noSetupNeeded' };
  }
}

/** The English words of a row's status part, exactly as Windows prints them. */
export function statusPartsText(parts: ItemStatusParts): string {
  switch (parts.kind) {
    case 'progress':
      return `${parts.done} of ${parts.expected} ${parts.verb}`;
    case 'failedCode':
      return `${parts.failedPrefix ? 'Failed: ' : ''}${parts.hresult}`;
    default:
      return STATUS_TEXT[parts.kind];
  }
}

/** A row as Windows prints it, `{0} ({1})` (§1.4): its title and the words of its status part. */
export function itemRowTextOf(id: ItemId, parts: ItemStatusParts): string {
  return `${ITEM_TITLES[id]} (${statusPartsText(parts)})`;
}

/**
 * Which text stands under a category title: only Windows' category statuses (§1.4). A category that does not
 * run in this flow (`notRun`, e.g. Account setup when self-deploying) waits like any later category, or reads
 * Previous step failed once an earlier one failed; `No setup needed` is a row text only.
 */
export function phaseStatusKey(status: Status, earlierFailed = false): StatusKey {
  switch (status) {
    case 'notStarted':
      return 'waiting';
    case 'identifying':
    case 'inProgress':
      return 'working';
    case 'succeeded':
      return 'complete';
    case 'failed':
      return 'error';
    case 'previousStepFailed':
      return 'previousStepFailed';
    case 'notRun':
      return earlierFailed ? 'previousStepFailed' : 'waiting';
  }
}

/** The text under a category title, in English. */
export function phaseStatusText(status: Status, earlierFailed = false): string {
  return STATUS_TEXT[phaseStatusKey(status, earlierFailed)];
}
