/**
 * A translated text with components in it: `For more details, select <link/>.` with `link` a button. The catalogs
 * mark where a component goes with a self-closing tag and nothing else (test/unit/renderer/i18n.test.ts keeps every
 * translation's tags those of its English), so this needs no HTML parser.
 */
import { cloneElement } from 'react';
import type { JSX, ReactElement, ReactNode } from 'react';

const TAG = /<(\w+)\s*\/>/g;

interface TextWithComponentsProps {
  /** The translated text, `t(...)`'s answer. */
  text: string;
  /** The element each tag name stands for. */
  components: Record<string, ReactElement>;
}

/**
 * `text` with each `<name/>` replaced by `components[name]`, the rest as plain text. A tag without a component is
 * dropped rather than shown to the user as markup.
 */
export function TextWithComponents({ text, components }: TextWithComponentsProps): JSX.Element {
  const parts: ReactNode[] = [];
  let from = 0;
  for (const match of text.matchAll(TAG)) {
    if (match.index > from) parts.push(text.slice(from, match.index));
    const component = components[match[1]!];
    if (component) parts.push(cloneElement(component, { key: `${match[1]}@${match.index}` }));
    from = match.index + match[0].length;
  }
  if (from < text.length) parts.push(text.slice(from));
  return <>{parts}</>;
}
