import type { WebClient } from '@slack/web-api';

/** How long a person's Slack time zone is trusted before it is asked again (people rarely move). */
const TIME_ZONE_KEPT_MS = 60 * 60 * 1000;

/**
 * Each Slack user's time zone as their profile gives it (`users.info`'s `tz`), so the dates and
 * times the helpdesk writes for them are theirs: asked once an hour at most per person, shared by
 * the sender (notices) and the listeners (answers). Slack not answering is no reason to fail what
 * is being written: the times are then in UTC, said as such.
 */
export class SlackTimeZones {
  private readonly known = new Map<string, { timeZone: string | undefined; at: number }>();

  constructor(private readonly client: Pick<WebClient, 'users'>) {}

  async of(userId: string): Promise<string | undefined> {
    const known = this.known.get(userId);
    if (known && Date.now() - known.at < TIME_ZONE_KEPT_MS) return known.timeZone;
    const info = await this.client.users.info({ user: userId }).catch(() => undefined);
    const timeZone = info?.user?.tz || undefined;
    this.known.set(userId, { timeZone, at: Date.now() });
    return timeZone;
  }
}
