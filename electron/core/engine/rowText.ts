/**
 * The text of a category row and of a sub-item row, exactly as Windows prints it (§1.3, §1.4).
 * Kept apart from the simulation so the rules for wording live in one place.
 */
import type { ItemId, Status } from '../../../shared/esp';
import { ITEM_TITLES, STATUS_TEXT, formatHresult } from '../../../shared/esp';

/** Progress words by row (§1.4): policies and certificates are applied, networks added, apps installed. */
export const PROGRESS_VERB: Partial<Record<ItemId, string>> = {
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
 * The status part of a row, `{1}` in `{0} ({1})` (§1.4). `inPreparation`: the row belongs to
 * Device preparation (its `join` row prints `Failed: ` too; Account setup's does not).
 */
export function itemStatusText(item: ItemProgress, inPreparation = PREPARATION_ITEMS.has(item.id)): string {
  const verb = PROGRESS_VERB[item.id];
  const counts = verb !== undefined && item.expected !== null && item.expected > 0;
  const progress = `${item.done} of ${item.expected} ${verb}`;
  switch (item.status) {
    case 'notStarted':
      return STATUS_TEXT.waiting;
    case 'identifying':
      return STATUS_TEXT.identifying;
    case 'inProgress':
      if (verb === undefined) return STATUS_TEXT.working;
      if (item.expected === null) return STATUS_TEXT.identifying;
      return item.expected === 0 ? STATUS_TEXT.noSetupNeeded : progress;
    case 'succeeded':
      if (counts) return progress;
      return item.expected === 0 ? STATUS_TEXT.noSetupNeeded : STATUS_TEXT.complete;
    case 'failed':
      // A failure with a code shows the code (CXH formatNumberAsHexString, §1.4): `Apps (0x80070643)`;
      // Device preparation prints it after `Failed: ` (GA screenshot). Without a code — a count that
      // never matched, a row stopped by the timeout — the row reads Error (BootstrapPageStatusFailed).
      if (item.hresult !== null) return `${inPreparation ? 'Failed: ' : ''}${formatHresult(item.hresult)}`;
      return STATUS_TEXT.error;
    case 'previousStepFailed':
      return STATUS_TEXT.previousStepFailed;
    case 'notRun':
      return item.skippedAsComplete ? STATUS_TEXT.complete : STATUS_TEXT.noSetupNeeded;
  }
}

export function itemRowText(item: ItemProgress, inPreparation?: boolean): string {
  return `${ITEM_TITLES[item.id]} (${itemStatusText(item, inPreparation)})`;
}

/**
 * The text under a category title: only Windows' category statuses (§1.4). A category that does not
 * run in this flow (`notRun`, e.g. Account setup when self-deploying) waits like any later category,
 * or reads Previous step failed once an earlier one failed; `No setup needed` is a row text only.
 */
export function phaseStatusText(status: Status, earlierFailed = false): string {
  switch (status) {
    case 'notStarted':
      return STATUS_TEXT.waiting;
    case 'identifying':
    case 'inProgress':
      return STATUS_TEXT.working;
    case 'succeeded':
      return STATUS_TEXT.complete;
    case 'failed':
      return STATUS_TEXT.error;
    case 'previousStepFailed':
      return STATUS_TEXT.previousStepFailed;
    case 'notRun':
      return earlierFailed ? STATUS_TEXT.previousStepFailed : STATUS_TEXT.waiting;
  }
}
