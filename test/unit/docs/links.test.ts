/**
 * The project stands alone: the README and docs/ link only to files inside the repository (sources on the web are
 * cited by address), and every such link and #anchor leads somewhere — a clone with nothing beside it reads whole.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..', '..');

function markdownFiles(): string[] {
  const docs = readdirSync(join(root, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(root, 'docs', f));
  return [join(root, 'README.md'), join(root, 'bench', 'README.md'), ...docs];
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens; repeats get -1, -2, ... */
function anchorsOf(file: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = !fenced && /^#{1,6} (.*)$/.exec(line);
    if (!heading) continue;
    const slug = heading[1]!
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return anchors;
}

/** Inline links `[text](target)` and reference definitions `[label]: target`, outside code. */
function linksOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
    .replace(/```[\s\S]*?```/g, '')
    .replace(/`[^`\n]*`/g, '');
  const inline = [...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!);
  const references = [...text.matchAll(/^\[[^\]]+\]:\s+(\S+)/gm)].map((m) => m[1]!);
  return [...inline, ...references].map((t) => t.replace(/^<|>$/g, ''));
}

describe('the README and docs', () => {
  const files = markdownFiles();

  it('link to files that exist inside the repository, and to headings that exist', () => {
    const broken: string[] = [];
    for (const file of files) {
      for (const target of linksOf(file)) {
        if (/^(https?:|mailto:)/.test(target)) continue;
        const [path, anchor] = target.split('#') as [string, string | undefined];
        const resolved = path === '' ? file : resolve(dirname(file), decodeURIComponent(path));
        const where = `${relative(root, file)}: ${target}`;
        if (relative(root, resolved).startsWith('..')) broken.push(`${where} leaves the repository`);
        else if (!existsSync(resolved)) broken.push(`${where} does not exist`);
        else if (anchor && statSync(resolved).isFile() && resolved.endsWith('.md') && !anchorsOf(resolved).has(anchor))
          broken.push(`${where} names no heading of ${relative(root, resolved)}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('never send a reader to ../shared, which a clone does not have', () => {
    const mentions = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, where: `${relative(root, file)}:${i + 1}` }))
        .filter(({ line }) => /\.\.\/shared\//.test(line) && !/no `?\.\.\/shared`?/.test(line)),
    );
    expect(mentions.map((m) => `${m.where}: ${m.line.trim()}`)).toEqual([]);
  });
});
