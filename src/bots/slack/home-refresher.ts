import type { WebClient } from '@slack/web-api';
import type { SlackContext } from './context';
import { publishHome } from './home';

/**
 * Redraws people's App Homes after their tickets change, off the delivery queue's path: a card
 * delivery only asks for it. Asks for a person whose redraw has not started yet are one redraw
 * (it reads the tickets when it runs, so it shows every change made until then), and redraws run
 * one at a time after the pending requests are answered. Best effort: a failed redraw is logged,
 * not retried (the next change or `app_home_opened` draws it again).
 */
export class HomeRefresher {
  private readonly waiting = new Set<string>();
  private running: Promise<void> | null = null;

  constructor(
    private readonly client: WebClient,
    private readonly ctx: Pick<SlackContext, 'helpdesk' | 'logger' | 'ackFirst'>,
  ) {}

  refresh(userId: string): void {
    this.waiting.add(userId);
    this.start();
  }

  /** Resolves when every redraw asked for so far is done. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  private start(): void {
    if (this.running) return;
    this.running = this.run().finally(() => {
      this.running = null;
      // Asked for after the last redraw began and before this one ended.
      if (this.waiting.size > 0) this.start();
    });
  }

  private async run(): Promise<void> {
    await this.ctx.ackFirst.answered();
    for (const userId of this.waiting) {
      this.waiting.delete(userId);
      await publishHome(this.client, this.ctx, userId).catch((error: unknown) =>
        this.ctx.logger.warn({ err: error, userId }, 'could not redraw a slack app home'),
      );
    }
  }
}
