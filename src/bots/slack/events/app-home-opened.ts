import type { App } from '@slack/bolt';
import type { SlackContext } from '../context';
import { publishHome } from '../home';

/** The Home tab opened: published afresh from the core (the Messages tab needs nothing). */
export function registerAppHomeOpened(app: App, ctx: SlackContext): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab && event.tab !== 'home') return;
    // An event that names no one has no Home to publish (and no one to record).
    if (!event.user) return;
    try {
      await publishHome(client, ctx, event.user);
    } catch (error) {
      ctx.logger.error({ err: error, user: event.user }, 'could not publish the slack app home');
    }
  });
}
