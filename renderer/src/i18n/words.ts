/**
 * The snapshot's data in words: the rows, category statuses, error texts and announcements that the engine also
 * sends as finished English sentences. English comes out exactly as the engine's `text` (Windows' strings from
 * shared/esp.ts); German and French from their catalogs.
 */
import type { ItemId, PhaseId } from '../../../shared/esp';
import type { AnnouncementParts, ErrorMessageParts, ItemStatusParts, ItemView } from '../../../shared/snapshot';
import type { Translate } from './types';

/** The rows with counts (§1.4); each has its own progress key, since French makes the verb agree with the noun. */
type CountedItem = 'securityPolicies' | 'certificates' | 'networkConnections' | 'apps';
const COUNTED: ReadonlySet<ItemId> = new Set<CountedItem>([
  'securityPolicies',
  'certificates',
  'networkConnections',
  'apps',
]);

function isCounted(id: ItemId): id is CountedItem {
  return COUNTED.has(id);
}

/** The status part of a row, `{1}` in `{0} ({1})`. */
export function itemStatusWords(t: Translate, id: ItemId, parts: ItemStatusParts): string {
  switch (parts.kind) {
    case 'progress':
      if (!isCounted(id)) return `${parts.done} / ${parts.expected}`;
      // `count` picks the plural form: French agrees the participle with how many are done (0 and 1 singular).
      return t(`esp.progress.${id}`, { count: parts.done, done: parts.done, expected: parts.expected });
    case 'failedCode':
      return parts.failedPrefix ? t('esp.failedCode', { code: parts.hresult }) : parts.hresult;
    default:
      return t(`esp.status.${parts.kind}`);
  }
}

/** A sub-item line, `Apps (2 of 5 installed)`. */
export function itemRowWords(t: Translate, item: Pick<ItemView, 'id' | 'statusParts'>): string {
  return t('esp.row', { title: t(`esp.item.${item.id}`), status: itemStatusWords(t, item.id, item.statusParts) });
}

export function phaseTitleWords(t: Translate, phase: PhaseId): string {
  return t(`esp.phase.${phase}`);
}

/** An error's text: Windows' wording in the screen's language, or the admin's message (`asShown`) as written. */
export function errorMessageWords(t: Translate, parts: ErrorMessageParts | null | undefined, asShown: string): string {
  if (!parts) return asShown;
  switch (parts.kind) {
    case 'custom':
      return asShown;
    case 'default':
      return t('error.defaultMessage');
    case 'preProvisioning':
      return t(`error.preProvisioning.${parts.error}`, { code: parts.code ?? '' });
  }
}

/** The aria-live sentence for the latest change; `english` (the engine's sentence) when there is no data. */
export function announcementWords(t: Translate, parts: AnnouncementParts | null | undefined, english: string): string {
  if (!parts) return english;
  const phase = phaseTitleWords(t, parts.phase);
  switch (parts.kind) {
    case 'item':
      return t('esp.announce', { phase, text: itemRowWords(t, { id: parts.item, statusParts: parts.status }) });
    case 'phase':
      return t('esp.announce', { phase, text: t(`esp.status.${parts.status}`) });
    case 'error':
      return t('esp.announceError', {
        phase,
        status: t('esp.status.error'),
        message: errorMessageWords(t, parts.messageParts, parts.message),
      });
  }
}
