import type { Clock } from '../core/clock';

/**
 * Real time plus an offset the demo moves forward: the running app (its jobs, SLA clocks, the
 * delivery queue) keeps ticking as usual, and "a week later" is one call instead of a week.
 */
export class ShiftedClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** How far ahead of real time the helpdesk's clock is. */
  get aheadMs(): number {
    return this.offsetMs;
  }
}
