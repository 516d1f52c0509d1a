import type { App } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import { messageId, slackActor, tellPrivately, textsOf, type SlackContext } from '../context';
import { attachmentsOf, type ThreadMessage } from './message';
import { fitText } from '../../../core/rules/fit';
import { BUTTON_MAX } from '../blocks';

export const DM_ROUTE_TICKET = 'dm_route_ticket';
export const DM_ROUTE_NEW = 'dm_route_new';

/** A person's own message at the top of their DM with the app (not in a ticket's thread). */
export function isTopLevelDm(message: ThreadMessage): boolean {
  const inDm = message.channel_type === 'im' || (!message.channel_type && message.channel.startsWith('D'));
  if (!inDm || !message.user || message.bot_id) return false;
  if (message.subtype && message.subtype !== 'file_share') return false;
  return !message.thread_ts || message.thread_ts === message.ts;
}

/** The customer's unresolved tickets, as the core lists them (their own only). */
export async function openTicketsOf(ctx: SlackContext, userId: string) {
  const list = await ctx.helpdesk.queries.list(slackActor(userId));
  return (list.sections.find((s) => s.name === 'yours')?.tickets ?? []).filter((t) => t.status !== 'resolved');
}

/** Stores a top-level DM message on a ticket (once: keyed on `channel:ts`, like thread replies). */
export async function addToTicket(ctx: SlackContext, message: ThreadMessage, ticketNumber: number): Promise<number> {
  const result = await ctx.helpdesk.comments.comment(slackActor(message.user!), {
    ticketNumber,
    body: message.text ?? '',
    platformMessageId: messageId(message.channel, message.ts),
    attachments: await attachmentsOf(ctx, message.files),
  });
  return result.ticket.number;
}

/**
 * A top-level DM: to the customer's one open ticket; with several, a question which one (a DM
 * message with a button per ticket and "New ticket"); with none, a hint to use /ticket.
 */
export async function handleTopLevelDm(app: App, ctx: SlackContext, message: ThreadMessage): Promise<void> {
  const open = await openTicketsOf(ctx, message.user!);
  const where = { channel: message.channel, user: message.user! };
  const tr = await textsOf(ctx, message.user!);
  if (open.length === 0) {
    await tellPrivately(app, where, tr('slack.dm.noOpenTicket', { command: '`/ticket`' }));
    return;
  }
  if (open.length === 1) {
    const number = await addToTicket(ctx, message, open[0].number);
    await tellPrivately(app, where, tr('slack.dm.addedNextTime', { number }));
    return;
  }
  const ref = message.ts;
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: tr('slack.dm.several') },
    },
    {
      type: 'actions',
      block_id: `dm_route:${ref}`,
      elements: [
        ...open.slice(0, 20).map((t) => ({
          type: 'button' as const,
          action_id: `${DM_ROUTE_TICKET}:${t.number}`,
          value: `${t.number}|${ref}`,
          text: { type: 'plain_text' as const, text: fitText(`#${t.number} ${t.title}`, BUTTON_MAX) },
        })),
        {
          type: 'button' as const,
          action_id: DM_ROUTE_NEW,
          value: ref,
          style: 'primary' as const,
          text: { type: 'plain_text' as const, text: tr('slack.dm.newTicket') },
        },
      ],
    },
  ];
  await app.client.chat.postMessage({ channel: message.channel, text: tr('slack.dm.which'), blocks });
}
