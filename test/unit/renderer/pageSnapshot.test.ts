/**
 * The first snapshot inside the served page (shared/pageSnapshot.ts): written so scenario text cannot leave the data
 * block, read back once by the renderer before its first render, and followed by the pushes without ever going back
 * to an older state. The served pages themselves: test/unit/preview/server.test.ts and test/unit/desktop/csp.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EspApi } from '../../../shared/contract';
import { PAGE_SNAPSHOT_ID, insertIntoHead, snapshotBlockJson, snapshotDataBlock } from '../../../shared/pageSnapshot';
import type { Snapshot } from '../../../shared/snapshot';
import { useSnapshotStore } from '../../../renderer/src/store/snapshotStore';
import { startSnapshotSync, takePageSnapshot } from '../../../renderer/src/store/sync';

const HOSTILE = "</script><script>alert(1)</script> <!-- & $' $& \u2028 \u2029 </SCRIPT> ><";

/** Only the fields these tests read; the store and the block treat the rest as opaque. */
function snap(revision: number, name = 'Contoso'): Snapshot {
  return { revision, scenario: { name } } as unknown as Snapshot;
}

describe('the data block', () => {
  it('holds no character that could end it, open a comment or break a script, and reads back as written', () => {
    const json = snapshotBlockJson(snap(3, HOSTILE));
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(snap(3, HOSTILE));
    expect(snapshotDataBlock(snap(3, HOSTILE))).toBe(
      `<script type="application/json" id="${PAGE_SNAPSHOT_ID}">${json}</script>`,
    );
  });

  it('goes in before </head>, with `$` patterns in it taken as text', () => {
    const tags = `<x>${"$' $& $`"}</x>`;
    expect(insertIntoHead('<html><head><title>t</title></HEAD><body></body></html>', tags)).toBe(
      `<html><head><title>t</title><x>$' $& $\`</x>\n</HEAD><body></body></html>`,
    );
    expect(insertIntoHead('<p>no head</p>', tags)).toBe(`${tags}<p>no head</p>`);
  });
});

/** A document with at most one element, the block, whose removal the test can see. */
function pageWith(text: string | null): { doc: Pick<Document, 'getElementById'>; removed: () => boolean } {
  let removed = false;
  const element =
    text === null ? null : ({ textContent: text, remove: () => void (removed = true) } as unknown as HTMLElement);
  return {
    doc: { getElementById: (id: string) => (id === PAGE_SNAPSHOT_ID && !removed ? element : null) },
    removed: () => removed,
  };
}

describe('takePageSnapshot', () => {
  it("gives the page's snapshot once and takes the block out of the page", () => {
    const page = pageWith(snapshotBlockJson(snap(5, HOSTILE)));
    expect(takePageSnapshot(page.doc)).toEqual(snap(5, HOSTILE));
    expect(page.removed()).toBe(true);
    expect(takePageSnapshot(page.doc)).toBeNull();
  });

  it('is null without a block, or with one that is not a snapshot', () => {
    expect(takePageSnapshot(pageWith(null).doc)).toBeNull();
    expect(takePageSnapshot(pageWith('{"revision":').doc)).toBeNull();
    expect(takePageSnapshot(pageWith('"a string"').doc)).toBeNull();
    expect(takePageSnapshot(pageWith('{"look":"windows11"}').doc)).toBeNull();
  });
});

/** An EspApi with only what the sync uses: a push channel the test drives and a pull it answers. */
function fakeApi(pull: () => Promise<Snapshot>): { api: EspApi; push: (s: Snapshot) => void; pulls: () => number } {
  let listener: ((s: Snapshot) => void) | null = null;
  let pulls = 0;
  const api = {
    getSnapshot: () => {
      pulls += 1;
      return pull();
    },
    onSnapshot: (l: (s: Snapshot) => void) => {
      listener = l;
      return () => (listener = null);
    },
  } as unknown as EspApi;
  return { api, push: (s) => listener?.(s), pulls: () => pulls };
}

describe('startSnapshotSync with the page snapshot', () => {
  let stop: (() => void) | undefined;
  beforeEach(() => useSnapshotStore.setState({ snapshot: null }));
  afterEach(() => {
    stop?.();
    vi.useRealTimers();
  });

  it('has the snapshot in the store before it returns, so the first render draws it', () => {
    const { api } = fakeApi(() => new Promise(() => undefined));
    stop = startSnapshotSync(api, snap(10));
    expect(useSnapshotStore.getState().snapshot).toEqual(snap(10));
  });

  it('never goes back to an older state, whatever the push or the pull brings first', async () => {
    let answer: (s: Snapshot) => void = () => undefined;
    const { api, push, pulls } = fakeApi(() => new Promise((resolve) => (answer = resolve)));
    stop = startSnapshotSync(api, snap(10, 'page'));
    // The pull waits until the page is idle after its first frame (here: the next task).
    expect(pulls()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    push(snap(9, 'older push'));
    expect(useSnapshotStore.getState().snapshot).toEqual(snap(10, 'page'));
    push(snap(12, 'stream'));
    answer(snap(11, 'pull, answered late'));
    await Promise.resolve();
    expect(pulls()).toBe(1);
    expect(useSnapshotStore.getState().snapshot).toEqual(snap(12, 'stream'));
  });

  it('does not retry a failed pull: the page already gave a state', async () => {
    vi.useFakeTimers();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { api, pulls } = fakeApi(() => Promise.reject(new Error('server away')));
    stop = startSnapshotSync(api, snap(10));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(pulls()).toBe(1);
    expect(useSnapshotStore.getState().snapshot).toEqual(snap(10));
    warn.mockRestore();
  });

  it('without a page snapshot, pulls and retries as before', async () => {
    vi.useFakeTimers();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let fail = true;
    const { api, pulls } = fakeApi(() => (fail ? Promise.reject(new Error('starting')) : Promise.resolve(snap(1))));
    stop = startSnapshotSync(api);
    expect(useSnapshotStore.getState().snapshot).toBeNull();
    await vi.advanceTimersByTimeAsync(0);
    fail = false;
    await vi.advanceTimersByTimeAsync(300);
    expect(pulls()).toBe(2);
    expect(useSnapshotStore.getState().snapshot).toEqual(snap(1));
    warn.mockRestore();
  });
});

describe('pushes are drawn at most once a frame', () => {
  let frames: (() => void)[] = [];
  let stop: (() => void) | undefined;
  beforeEach(() => {
    frames = [];
    useSnapshotStore.setState({ snapshot: null });
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
  });
  afterEach(() => {
    stop?.();
    vi.unstubAllGlobals();
  });

  it('a burst of pushes within one frame draws once, with the newest, whatever their order of arrival', () => {
    const { api, push } = fakeApi(() => new Promise(() => undefined));
    stop = startSnapshotSync(api, snap(10, 'page'));
    const draws: (number | undefined)[] = [];
    const unsubscribe = useSnapshotStore.subscribe((state) => draws.push(state.snapshot?.revision));
    push(snap(11));
    push(snap(13, 'newest'));
    push(snap(12));
    expect(useSnapshotStore.getState().snapshot).toEqual(snap(10, 'page'));
    expect(frames).toHaveLength(1);
    frames.shift()?.();
    expect(draws).toEqual([13]);
    expect(useSnapshotStore.getState().snapshot).toEqual(snap(13, 'newest'));
    // The next push asks for the next frame.
    push(snap(14));
    expect(frames).toHaveLength(1);
    frames.shift()?.();
    expect(draws).toEqual([13, 14]);
    unsubscribe();
  });
});
