/**
 * The first snapshot, carried inside the page the host serves (the browser preview's `/` and `/operator`, the
 * desktop shell's `esp-sim://app/`), so the renderer draws its first frame without a round trip to the host.
 *
 * It travels as a JSON data block, `<script type="application/json">`: the browser never executes a script of a
 * type it does not know, so the strict CSP (`script-src 'self'`, no inline script) stays as it is. The renderer
 * reads the block's text once, before its first render, and then follows the pushes as before.
 */
import type { Snapshot } from './snapshot';

/** The id of the data block in the page. */
export const PAGE_SNAPSHOT_ID = 'esp-sim-snapshot';

/**
 * Characters a JSON text may hold that must not reach the HTML parser as they are. `<` (and `>`, `&` for good
 * measure) could close the block (`</script>`) or open a comment (`<!--`) that changes how the parser ends it;
 * U+2028 and U+2029 are valid in JSON strings but were line terminators in JavaScript before ES2019, so anything
 * that ever evaluates this text as script would break on them. All of them appear only inside JSON strings, where
 * the `\uXXXX` escape means the same character, so `JSON.parse` gives back exactly the snapshot.
 */
const UNSAFE_IN_BLOCK = /[<>&\u2028\u2029]/g;

function escapeForBlock(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** The snapshot as JSON that cannot end or alter the `<script>` element around it. */
export function snapshotBlockJson(snapshot: Snapshot): string {
  return JSON.stringify(snapshot).replace(UNSAFE_IN_BLOCK, escapeForBlock);
}

/** The data block for `snapshot`: `<script type="application/json" id="esp-sim-snapshot">…</script>`. */
export function snapshotDataBlock(snapshot: Snapshot): string {
  return `<script type="application/json" id="${PAGE_SNAPSHOT_ID}">${snapshotBlockJson(snapshot)}</script>`;
}

/**
 * `html` with `tags` put just before its `</head>` (or in front of everything when it has none). A replacement
 * function, not a string, because `String.replace` would read `$&`, `` $` `` or `$'` in scenario text as patterns.
 */
export function insertIntoHead(html: string, tags: string): string {
  return /<\/head>/i.test(html) ? html.replace(/<\/head>/i, (end) => `${tags}\n${end}`) : tags + html;
}
