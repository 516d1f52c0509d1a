/**
 * Holds back live messages in ticket threads that the catch-up after a (re)connection has not
 * reached yet: storing one first would put it before the missed ones, and make the catch-up (which
 * resumes after the last stored message) skip them. Each waits until its thread is caught up, then
 * all that waited are stored in Discord's order (snowflake ids). Live messages of one thread are
 * also stored one after another, in the order the gateway delivered them (a RESUME replays a burst).
 */
export class CatchUpGate {
  private pending: Set<string> | undefined;
  private listed: Promise<void> | undefined;
  private readonly waiting = new Map<string, Array<{ id: bigint; store: () => Promise<void>; done: () => void }>>();
  /** The last live message of each thread still being stored: the next one of the thread goes after it. */
  private readonly chains = new Map<string, Promise<void>>();

  /** A catch-up starts; `threads` resolves with the threads it will go through. */
  begin(threads: Promise<string[]>): void {
    this.pending = new Set();
    this.listed = threads.then(
      (ids) => {
        for (const id of ids) this.pending?.add(id);
      },
      () => undefined,
    );
  }

  /** Runs `store` for a live message after the thread's earlier ones, and after its thread's catch-up. */
  run(threadId: string, messageId: string, store: () => Promise<void>): Promise<void> {
    const previous = this.chains.get(threadId) ?? Promise.resolve();
    const mine = previous.then(() => this.inTurn(threadId, messageId, store));
    const settled = mine.catch(() => undefined);
    this.chains.set(threadId, settled);
    void settled.then(() => {
      if (this.chains.get(threadId) === settled) this.chains.delete(threadId);
    });
    return mine;
  }

  private async inTurn(threadId: string, messageId: string, store: () => Promise<void>): Promise<void> {
    if (this.listed) await this.listed;
    if (!this.pending?.has(threadId)) return store();
    await new Promise<void>((done) => {
      const queue = this.waiting.get(threadId) ?? [];
      queue.push({ id: BigInt(messageId), store, done });
      this.waiting.set(threadId, queue);
    });
  }

  /** The thread is caught up: what waited is stored, oldest first. */
  async caughtUp(threadId: string): Promise<void> {
    this.pending?.delete(threadId);
    const queue = (this.waiting.get(threadId) ?? []).sort((a, b) => (a.id < b.id ? -1 : 1));
    this.waiting.delete(threadId);
    for (const { store, done } of queue) {
      await store().catch(() => undefined);
      done();
    }
  }

  /** The catch-up ended (or failed): nothing waits any longer. */
  async end(): Promise<void> {
    for (const threadId of [...this.waiting.keys()]) await this.caughtUp(threadId);
    this.pending = undefined;
    this.listed = undefined;
  }
}
