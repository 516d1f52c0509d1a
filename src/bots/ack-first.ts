import { setImmediate as nextLoopTurn } from 'node:timers/promises';

/**
 * Answers first, follow-up work after. Slack and Discord want every request answered within 3 s, and a burst
 * of them (200 people running /ticket at once) shares one event loop with what each answer sets
 * off: opening a form, storing a submission, redrawing App Home. Follow-up work waits here until
 * every request received has been answered and none has arrived for a short quiet spell (the rest
 * of a burst is usually still on its way), so a burst's answers are not queued behind its own
 * follow-up work. The wait is capped, so a steady stream of requests never starves the follow-ups
 * (a form's trigger id lives 3 s). Released follow-ups then start one per turn of the event loop,
 * so requests arriving meanwhile (or still arriving when the cap ran out) are answered in between
 * rather than after all of them.
 */
export class AckFirst {
  private unanswered = 0;
  private lastArrival = -Infinity;
  private waiters: Array<() => void> = [];
  private readonly turns: Array<() => void> = [];
  private handingOut = false;
  private watch: Promise<void> | undefined;

  /**
   * The quiet spell is 40 ms: a profile of a 200-request burst showed 15 ms too short, as a
   * garbage collection or a sender's own pause leaves a gap that long with most of the burst still
   * to come, and the forms then opened in the middle of it. A person alone waits 40 ms more for
   * their form, against the 3 s a trigger id lives.
   */
  constructor(private readonly options: { quietMs: number; maxWaitMs: number } = { quietMs: 40, maxWaitMs: 1000 }) {}

  /** A request arrived; call the returned function once it has been answered (or dropped). */
  received(): () => void {
    this.unanswered += 1;
    this.lastArrival = performance.now();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.unanswered -= 1;
      if (this.unanswered === 0) {
        const waiters = this.waiters;
        this.waiters = [];
        for (const wake of waiters) wake();
      }
    };
  }

  /** Resolves once every request received is answered and none arrived for the quiet spell; at most `maxWaitMs` from now. */
  async answered(): Promise<void> {
    await this.quietSpell();
    await this.turn();
  }

  /**
   * One watch for everyone waiting: a burst's 200 follow-ups share one timer instead of each
   * keeping its own. A follow-up that starts waiting while a watch is on joins it, so its wait
   * may end before its own `maxWaitMs` (when the watch's ran out), never after.
   */
  private quietSpell(): Promise<void> {
    this.watch ??= this.quiet().finally(() => {
      this.watch = undefined;
    });
    return this.watch;
  }

  private async quiet(): Promise<void> {
    const deadline = performance.now() + this.options.maxWaitMs;
    for (;;) {
      const now = performance.now();
      if (now >= deadline) return;
      if (this.unanswered === 0) {
        const quietLeft = this.lastArrival + this.options.quietMs - now;
        if (quietLeft <= 0) return;
        await new Promise((resolve) => setTimeout(resolve, Math.min(quietLeft, deadline - now)));
        continue;
      }
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== wake);
          resolve();
        }, deadline - now);
        this.waiters.push(wake);
      });
    }
  }

  /** Resolves in first-come order, one per turn of the event loop (the I/O between turns is answered). */
  private turn(): Promise<void> {
    return new Promise((resolve) => {
      this.turns.push(resolve);
      if (!this.handingOut) void this.handOut();
    });
  }

  private async handOut(): Promise<void> {
    this.handingOut = true;
    try {
      while (this.turns.length > 0) {
        this.turns.shift()!();
        await nextLoopTurn();
      }
    } finally {
      this.handingOut = false;
    }
  }
}
