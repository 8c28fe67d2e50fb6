/**
 * The engine's agenda: engine events due at simulated seconds, in time order, ties in the order
 * they were scheduled (so a run never depends on heap internals). Each belongs to a lane so that an
 * error or a user action can cancel everything one part of the ESP had planned.
 */
export interface Scheduled<E> {
  t: number;
  seq: number;
  lane: string;
  event: E;
}

export class EventQueue<E> {
  private heap: Scheduled<E>[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(t: number, lane: string, event: E): void {
    this.heap.push({ t, seq: this.seq++, lane, event });
    this.up(this.heap.length - 1);
  }

  peekTime(): number | undefined {
    return this.heap[0]?.t;
  }

  pop(): Scheduled<E> | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (top && last && this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
    return top;
  }

  /** Drops every event of the lanes for which `match` is true. */
  cancel(match: (lane: string) => boolean): void {
    const kept = this.heap.filter((s) => !match(s.lane));
    if (kept.length === this.heap.length) return;
    this.heap = [];
    for (const s of kept.sort(before)) this.heap.push(s);
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (before(h[i]!, h[parent]!) >= 0) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && before(h[l]!, h[m]!) < 0) m = l;
      if (r < h.length && before(h[r]!, h[m]!) < 0) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}

function before<E>(a: Scheduled<E>, b: Scheduled<E>): number {
  return a.t - b.t || a.seq - b.seq;
}
