import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { compareQueueOrder } from '../../core/rules/assignment';
import type { TicketSummary } from '../../core/services/ticket-queries';
import { actionId, dueNote } from './blocks';
import { slackActor, type SlackContext } from './context';
import { escapeMrkdwn } from './mrkdwn';
import { languageOf, t, textsFor, type Language } from '../../core/texts';
import { statusLabel, typeLabel } from '../../core/rules/messages';

type HomeSource = Pick<SlackContext, 'helpdesk'>;

export const HOME_OPEN_TICKET = 'home_open_ticket';
export const HOME_OPEN_DASHBOARD = 'home_open_dashboard';
const SECTION_NAME = {
  yours: 'answers.list.yours',
  mine: 'answers.list.mine',
  queue: 'slack.home.queue',
  all: 'answers.list.all',
} as const;
const MAX_BLOCKS = 100;

/** As the core orders a queue (priority, then the SLA due soonest, then the oldest); resolved tickets (a customer's history) last. */
export function homeOrder(a: TicketSummary, b: TicketSummary): number {
  const done = Number(a.status === 'resolved') - Number(b.status === 'resolved');
  if (done !== 0) return done;
  // The summary's one due time (the next one) stands for both of the rule's; the number breaks ties as an id would.
  const asQueued = (t: TicketSummary) => ({
    priority: t.priority,
    createdAt: new Date(t.createdAt),
    id: t.number,
    firstResponseDueAt: t.dueAt ? new Date(t.dueAt) : null,
  });
  return compareQueueOrder(asQueued(a), asQueued(b));
}

function ticketBlock(t: TicketSummary, inQueue: boolean, language: Language): KnownBlock {
  const say = textsFor(language);
  const facts = `${t.priority} · ${typeLabel(language, t.type)} · ${statusLabel(language, t.status)} · ${say('card.field.tier')} ${t.tier}${inQueue ? '' : ` · ${escapeMrkdwn(t.assignee ?? say('answers.unassigned'))}`}${dueNote(t, language)}`;
  return {
    type: 'section',
    block_id: `home:${inQueue ? 'queue' : 'ticket'}:${t.number}`,
    text: { type: 'mrkdwn', text: `*#${t.number} ${escapeMrkdwn(t.title)}*\n${facts}` },
    accessory: inQueue
      ? {
          type: 'button',
          action_id: actionId('claim'),
          value: String(t.number),
          style: 'primary',
          text: { type: 'plain_text', text: say('card.action.claim') },
        }
      : {
          type: 'button',
          action_id: HOME_OPEN_TICKET,
          value: String(t.number),
          text: { type: 'plain_text', text: say('waysIn.open') },
        },
  };
}

/** The App Home of one person: a customer's own tickets; a supporter's assigned tickets and the queue. */
export async function homeView(ctx: HomeSource, userId: string) {
  const list = await ctx.helpdesk.queries.list(slackActor(userId));
  const blocks: KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: 'Helpdesk' } }];
  // The sign-in link is made when pressed (it lasts minutes), not when the home is drawn.
  const language = languageOf(await ctx.helpdesk.staff.whoAmI(slackActor(userId)), ctx.helpdesk.ctx.policy.language);
  blocks.push({
    type: 'actions',
    block_id: 'home:dashboard',
    elements: [
      {
        type: 'button',
        action_id: HOME_OPEN_DASHBOARD,
        text: { type: 'plain_text', text: t(language, 'dashboard.signIn.homeButton') },
      },
    ],
  });
  for (const section of list.sections) {
    blocks.push({
      type: 'section',
      block_id: `home:section:${section.name}`,
      text: { type: 'mrkdwn', text: `*${t(language, SECTION_NAME[section.name])}*` },
    });
    const tickets = [...section.tickets].sort(homeOrder);
    if (tickets.length === 0)
      blocks.push({
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text:
              section.name === 'yours'
                ? t(language, 'slack.home.noTickets', { command: '`/ticket`' })
                : t(language, 'slack.home.nothing'),
          },
        ],
      });
    for (const ticket of tickets) {
      if (blocks.length >= MAX_BLOCKS - 2) break;
      blocks.push(ticketBlock(ticket, section.name === 'queue', language));
    }
    blocks.push({ type: 'divider' });
  }
  return { type: 'home' as const, blocks: blocks.slice(0, MAX_BLOCKS) };
}

/** Publishes (replaces) one person's App Home. */
export async function publishHome(client: WebClient, ctx: HomeSource, userId: string): Promise<void> {
  await client.views.publish({ user_id: userId, view: await homeView(ctx, userId) });
}
