/**
 * The snapshot's data and its English sentences tell the same story: for every step of every bundled scenario,
 * the English catalog words the rows, category statuses, error texts and announcements exactly as the engine's
 * `text`, `statusText`, `message` and `announcement` (which the CLI, the log bundle and the tests read), and the
 * German and French words leave no key or placeholder unresolved.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import type { i18n as I18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../../electron/core/engine/simulate';
import { loadScenarioFile } from '../../../electron/core/scenario/load';
import { PHASE_TITLES } from '../../../shared/esp';
import { I18N_OPTIONS } from '../../../renderer/src/i18n/options';
import type { Translate } from '../../../renderer/src/i18n/types';
import { announcementWords, errorMessageWords, itemRowWords, phaseTitleWords } from '../../../renderer/src/i18n/words';

const dir = join(import.meta.dirname, '..', '..', '..', 'resources', 'scenarios');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

let instance: I18n;
beforeAll(async () => {
  instance = i18next.createInstance();
  await instance.init(I18N_OPTIONS);
});

describe('the English words of every bundled scenario', () => {
  for (const file of files) {
    it(`${file}: match the engine's sentences`, async () => {
      const loaded = await loadScenarioFile(join(dir, file));
      if (loaded.kind !== 'valid') throw new Error(`${file} is not valid`);
      const run = simulate(loaded.scenario, []);
      const en: Translate = instance.getFixedT('en');
      const others: Translate[] = [instance.getFixedT('de'), instance.getFixedT('fr')];
      for (const { view } of run.steps) {
        for (const phase of view.phases) {
          expect(phaseTitleWords(en, phase.id)).toBe(PHASE_TITLES[phase.id]);
          expect(en(`esp.status.${phase.statusKey}`)).toBe(phase.statusText);
          for (const item of phase.items) {
            expect(itemRowWords(en, item)).toBe(item.text);
            for (const t of others) expect(itemRowWords(t, item)).not.toMatch(/\{\{|esp\./);
          }
        }
        if (view.errorScreen) {
          const { message, messageParts } = view.errorScreen;
          expect(errorMessageWords(en, messageParts, message)).toBe(message);
        }
        if (view.screen.kind === 'preProvisioningResult' && view.screen.errorText !== null) {
          expect(errorMessageWords(en, view.screen.errorParts, view.screen.errorText)).toBe(view.screen.errorText);
        }
        expect(announcementWords(en, view.announcementParts, '')).toBe(view.announcement);
        for (const t of others) expect(announcementWords(t, view.announcementParts, '')).not.toMatch(/\{\{|esp\./);
      }
    });
  }
});
