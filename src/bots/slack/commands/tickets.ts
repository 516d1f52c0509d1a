import type { App } from '@slack/bolt';
import { slaSummary } from '../../../core/rules/card';
import type { TicketSummary } from '../../../core/services/ticket-queries';
import { parseMention, readableError, slackActor, type SlackContext } from '../context';
import { uploadFile } from '../files';
import { dueNote } from '../blocks';
import { escapeMrkdwn, slackTextAsMrkdwn } from '../mrkdwn';

const line = (t: TicketSummary) =>
  `#${t.number} ${escapeMrkdwn(t.title)} · ${t.type} · ${t.status} · ${t.priority} · ${escapeMrkdwn(t.assignee ?? 'unassigned')}${dueNote(t)}`;
const SECTION_NAME = {
  yours: 'Your tickets',
  mine: 'Assigned to you',
  queue: 'The queue',
  all: 'All open tickets',
} as const;
const USAGE =
  'Try `/tickets`, `/tickets list mine|queue|all`, `/tickets show 6`, `/tickets search WORDS`, `/tickets transcript 6`; staff: `/tickets assign 6 @person`, `/tickets escalate 6 [@person]`, `/tickets priority 6 P1`, `/tickets link 6 PARENT`, `/tickets unlink 6`.';

/**
 * `/tickets` (bare: list), `list [mine|queue|all]`, `show N`, `search WORDS`, `transcript N` (a file
 * in the person's DM with the app), and staff's `assign N @person`, `escalate N [@person]`,
 * `priority N P1..P4`, `link N PARENT`, `unlink N` (major incidents). Private answers; the card is
 * redrawn through the delivery queue.
 */
export function registerTicketsCommand(app: App, ctx: SlackContext): void {
  app.command('/tickets', async ({ ack, command, client }) => {
    const actor = slackActor(command.user_id, command.user_name);
    const [verb = 'list', ...rest] = (command.text ?? '').trim().split(/\s+/).filter(Boolean);
    const answer = (text: string) => ack({ response_type: 'ephemeral', text });
    let transcript: { filename: string; content: string } | undefined;
    try {
      switch (verb) {
        case 'list': {
          const list = await ctx.helpdesk.queries.list(actor, rest[0] ? { scope: rest[0] } : {});
          return await answer(
            list.sections
              .map((s) => `*${SECTION_NAME[s.name]}*\n${s.tickets.map(line).join('\n') || 'none'}`)
              .join('\n\n'),
          );
        }
        case 'show': {
          const { ticket, assignee, customer } = await ctx.helpdesk.queries.show(actor, {
            ticketNumber: rest[0] ?? '',
          });
          return await answer(
            `*#${ticket.number} ${escapeMrkdwn(ticket.title)}*\n${ticket.type} · ${ticket.status} · ${ticket.priority} · tier ${ticket.tier} · SLA: ${slaSummary(ticket)}\nCustomer: ${escapeMrkdwn(customer.displayName || 'customer')} · Assignee: ${escapeMrkdwn(assignee?.displayName ?? 'unassigned')}\n\n${escapeMrkdwn(ticket.description)}`,
          );
        }
        case 'search': {
          const words = rest.join(' ');
          const hits = await ctx.helpdesk.queries.search(actor, { words });
          return await answer(
            hits.length
              ? `*Tickets matching "${slackTextAsMrkdwn(words)}"*\n${hits.map(line).join('\n')}`
              : `No tickets match "${slackTextAsMrkdwn(words)}".`,
          );
        }
        case 'transcript':
          // Built (and authorised) before the answer, so a refusal is the answer; the upload follows it.
          transcript = await ctx.helpdesk.queries.transcript(actor, { ticketNumber: rest[0] ?? '' });
          await answer(
            `The transcript of #${String(rest[0]).replace(/^#/, '')} is on its way to your DM with the app.`,
          );
          break;
        case 'assign': {
          const to = parseMention(rest[1] ?? '');
          if (!to) return await answer('Name the person with a mention, like `/tickets assign 6 @ann`.');
          const ticket = await ctx.helpdesk.tickets.reassign(actor, { ticketNumber: rest[0] ?? '', to });
          return await answer(`#${ticket.number} is now assigned to <@${to.userId}>.`);
        }
        case 'escalate': {
          const to = rest[1] ? parseMention(rest[1]) : null;
          if (rest[1] && !to)
            return await answer('Name the person with a mention, like `/tickets escalate 6 @ann`, or leave it out.');
          const ticket = await ctx.helpdesk.tickets.escalate(actor, {
            ticketNumber: rest[0] ?? '',
            ...(to ? { to } : {}),
          });
          return await answer(
            `#${ticket.number} is escalated to tier ${ticket.tier}${to ? ` and assigned to <@${to.userId}>` : ''}.`,
          );
        }
        case 'priority': {
          const ticket = await ctx.helpdesk.tickets.changePriority(actor, {
            ticketNumber: rest[0] ?? '',
            priority: rest[1] ?? '',
          });
          return await answer(`#${ticket.number} is now ${ticket.priority}.`);
        }
        case 'link': {
          const ticket = await ctx.helpdesk.major.link(actor, {
            ticketNumber: rest[0] ?? '',
            parentNumber: rest[1] ?? '',
          });
          return await answer(`#${ticket.number} is now part of major incident #${String(rest[1]).replace(/^#/, '')}.`);
        }
        case 'unlink': {
          const ticket = await ctx.helpdesk.major.unlink(actor, { ticketNumber: rest[0] ?? '' });
          return await answer(`#${ticket.number} is no longer part of a major incident; its own SLA clock runs again.`);
        }
        default:
          return await answer(USAGE);
      }
    } catch (error) {
      return await answer(readableError(error, ctx.logger));
    }
    if (!transcript) return;
    try {
      const dm = await client.conversations.open({ users: command.user_id });
      await uploadFile(client, {
        filename: transcript.filename,
        content: transcript.content,
        channel: dm.channel!.id!,
        comment: `The transcript of ${transcript.filename.replace(/\..*$/, '').replace('ticket-', '#')}`,
      });
    } catch (error) {
      ctx.logger.error({ err: error }, 'slack transcript upload failed');
      await client.chat
        .postEphemeral({
          channel: command.channel_id,
          user: command.user_id,
          text: 'The transcript could not be uploaded; please try again in a moment.',
        })
        .catch(() => undefined);
    }
  });
}
