import type { Clock } from '../../../electron/core/session/clock';

/** A clock that moves only when told to: for tests of speed, pause and actions. */
export class ManualClock implements Clock {
  private now = 0;
  private timers: { at: number; callback: () => void; id: number }[] = [];
  private nextId = 1;

  nowMs(): number {
    return this.now;
  }

  setTimer(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ at: this.now + Math.max(0, ms), callback, id });
    return id;
  }

  clearTimer(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  /** Moves time forward, firing due timers in order. */
  advance(ms: number): void {
    const target = this.now + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at || a.id - b.id);
      const due = this.timers[0];
      if (!due || due.at > target) break;
      this.timers.shift();
      this.now = due.at;
      due.callback();
    }
    this.now = target;
  }
}
