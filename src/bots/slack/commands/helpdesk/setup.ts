import type { SubCommandCall } from '../sub-command';

/** A channel as Slack writes it in a command's text: `<#C0123|name>` (or `<#C0123>`). */
const CHANNEL = /^<#([CG][A-Z0-9]{2,30})(?:\|[^>]*)?>$/;

/**
 * `/helpdesk setup [#channel]` (admins): the support channel, where ticket cards and staff alerts
 * go (default: the channel it is run in), stored as Discord's is; `SLACK_SUPPORT_CHANNEL` is the
 * channel until one is set here.
 */
export async function run({ ctx, actor, args, answer, command, tr }: SubCommandCall): Promise<void> {
  const named = args[0] ? CHANNEL.exec(args[0]) : null;
  if (args[0] && !named)
    return await answer(tr('answers.usage', { examples: '`/helpdesk setup`, `/helpdesk setup #support`' }));
  const channelId = named?.[1] ?? command.channel_id;
  await ctx.helpdesk.settings.set(actor, { key: 'slack.support_channel', value: channelId });
  await answer(tr('answers.setup.done', { channel: `<#${channelId}>` }));
}
