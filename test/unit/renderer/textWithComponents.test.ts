/**
 * The `<link/>` lines of the device screens without react-i18next: each language's text with the component where
 * its tag is, as react-i18next's <Trans> drew them (test/e2e/languages.spec.ts sees them in the browser too).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TextWithComponents, translatorFor } from '../../../renderer/src/i18n';

const link = createElement('button', { type: 'button' }, 'View diagnostics');
const render = (text: string): string =>
  renderToStaticMarkup(createElement(TextWithComponents, { text, components: { link } }));

describe('TextWithComponents', () => {
  it.each([
    ['en', 'For more details, select <button type="button">View diagnostics</button>.'],
    ['de', 'Wählen Sie für weitere Details <button type="button">View diagnostics</button> aus.'],
    ['fr', 'Pour plus de détails, sélectionnez <button type="button">View diagnostics</button>.'],
  ] as const)('%s: esp.forMoreDetails', (language, markup) => {
    expect(render(translatorFor(language)('esp.forMoreDetails'))).toBe(markup);
  });

  it('puts components at the start, the end and twice; drops a tag it has no component for', () => {
    expect(render('<link/> a <link /> b <other/>c<link/>')).toBe(
      '<button type="button">View diagnostics</button> a <button type="button">View diagnostics</button> b c' +
        '<button type="button">View diagnostics</button>',
    );
    expect(render('no tags & <b>')).toBe('no tags &amp; &lt;b&gt;');
  });

  it('translatorFor gives one function per language, fixed to it', () => {
    expect(translatorFor('de')).toBe(translatorFor('de'));
    expect(translatorFor('fr')('esp.forMoreDetails')).toContain('Pour plus de détails');
    expect(translatorFor('en')('esp.forMoreDetails')).toBe('For more details, select <link/>.');
  });
});
