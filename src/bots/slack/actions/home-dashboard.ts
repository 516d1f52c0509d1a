import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { t } from '../../../core/texts';
import { dashboardLinkText } from '../commands/helpdesk/dashboard';
import { readableError, slackActor, type SlackContext } from '../context';
import { HOME_OPEN_DASHBOARD } from '../home';

/** App Home's "Open the dashboard": the sign-in link in a modal only the presser sees (App Home has no ephemeral answers). */
export function registerHomeDashboardAction(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(HOME_OPEN_DASHBOARD, async ({ ack, body, client }) => {
    await ack();
    try {
      const text = await dashboardLinkText(ctx, slackActor(body.user.id, body.user.name));
      await client.views.open({
        trigger_id: body.trigger_id,
        view: {
          type: 'modal',
          title: { type: 'plain_text', text: t(ctx.helpdesk.ctx.policy.language, 'dashboard.title') },
          blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
        },
      });
    } catch (error) {
      await client.chat.postMessage({ channel: body.user.id, text: readableError(error, ctx.logger) });
    }
  });
}
