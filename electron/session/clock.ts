/** Real time, injected so tests can drive a session without waiting. Only the Session uses it. */
export interface Clock {
  nowMs(): number;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export const systemClock: Clock = {
  nowMs: () => performance.now(),
  setTimer: (callback, ms) => setTimeout(callback, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

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
