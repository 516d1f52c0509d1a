import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { slaSummary } from '../../../core/rules/card';
import { languageOfUser, readableError, slackActor, type SlackContext } from '../context';
import { textsFor } from '../../../core/texts';
import { priorityLabel, statusLabel, typeLabel } from '../../../core/rules/messages';
import { HOME_OPEN_TICKET } from '../home';
import { fitText } from '../../../core/rules/fit';
import { HEADER_MAX, SECTION_MAX } from '../blocks';
import { escapeMrkdwn } from '../mrkdwn';
import { slackPlace } from '../../../core/location';

/** "Open" on a ticket in App Home: the ticket's facts and description in a modal (read through the core, as its reader may see it). */
export function registerHomeOpenAction(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(HOME_OPEN_TICKET, async ({ ack, body, action, client }) => {
    await ack();
    try {
      const { ticket, assignee, customer } = await ctx.helpdesk.queries.show(slackActor(body.user.id, body.user.name), {
        ticketNumber: action.value ?? '',
      });
      const place = slackPlace(ticket.location);
      const language = await languageOfUser(ctx, body.user.id);
      const say = textsFor(language);
      const where = place.dmChannel && customer ? say('slack.home.replyWhere') : '';
      await client.views.open({
        trigger_id: body.trigger_id,
        view: {
          type: 'modal',
          title: { type: 'plain_text', text: say('common.ticketNumber', { number: ticket.number }) },
          close: { type: 'plain_text', text: say('forms.close') },
          blocks: [
            { type: 'header', text: { type: 'plain_text', text: fitText(ticket.title, HEADER_MAX) } },
            {
              type: 'section',
              text: {
                type: 'mrkdwn',
                text: `${say('answers.show.facts', {
                  type: typeLabel(language, ticket.type),
                  status: statusLabel(language, ticket.status),
                  priority: priorityLabel(language, ticket.priority),
                  tier: ticket.tier,
                  sla: slaSummary(ticket, language, await ctx.timeZones.of(body.user.id)),
                })}\n${say('answers.show.people', {
                  customer: escapeMrkdwn(customer.displayName || say('answers.show.customer')),
                  assignee: escapeMrkdwn(assignee?.displayName ?? say('answers.unassigned')),
                })}`,
              },
            },
            { type: 'section', text: { type: 'plain_text', text: fitText(ticket.description, SECTION_MAX) } },
            ...(where ? [{ type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: where }] }] : []),
          ],
        },
      });
    } catch (error) {
      // App Home has no channel for an ephemeral answer: the person's DM with the app.
      await client.chat.postMessage({ channel: body.user.id, text: readableError(error, ctx.logger) });
    }
  });
}
