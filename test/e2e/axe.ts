/** axe-core on a page, WCAG 2.1 A and AA: every screen and console page of the e2e suite is checked the same way. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

export const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Fails with every violation's rule and elements; `what` names the screen in the failure message. */
export async function expectNoAxeViolations(page: Page, what?: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(
    result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    what === undefined ? undefined : `axe on ${what}`,
  ).toEqual([]);
}
