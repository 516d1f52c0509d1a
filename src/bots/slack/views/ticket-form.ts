import type { App, ViewOutput } from '@slack/bolt';
import { InvalidInputError } from '../../../core/errors';
import type { Impact, TicketType, Urgency } from '../../../core/model';
import { openTicketSchema, parseInput } from '../../../core/schemas';
import { TICKET_FORM } from '../blocks';
import { problemText, readableError, slackActor, textsOf, type SlackContext } from '../context';
import type { Translate } from '../../reader';
import type { TicketFormMetadata } from '../commands/ticket';

/** The core names a bad field; Slack wants the block that holds it. */
const BLOCK_OF_FIELD: Record<string, string> = {
  title: 'title',
  description: 'description',
  type: 'type',
  impact: 'impact',
  urgency: 'urgency',
};

/** The core takes a ticket without impact or urgency (other ways in); this form requires both, as its selects do. */
const REQUIRED_HERE = { impact: 'forms.chooseImpact', urgency: 'forms.chooseUrgency' } as const;

export interface TicketFields {
  title: string;
  description: string;
  type: TicketType;
  impact: Impact | undefined;
  urgency: Urgency | undefined;
}

/**
 * The ticket form's fields, checked with the core's own schema (no database), as Slack wants
 * them back: `errors` by block, empty when the form may go on. Shared by the plain and the guided form.
 */
export function readTicketFields(
  view: ViewOutput,
  tr: Translate,
): { fields: TicketFields; errors: Record<string, string> } {
  const values = view.state.values;
  const fields: TicketFields = {
    title: values.title?.value?.value ?? '',
    description: values.description?.value?.value ?? '',
    type: (values.type?.value?.selected_option?.value ?? '') as TicketType,
    impact: (values.impact?.value?.selected_option?.value ?? undefined) as Impact | undefined,
    urgency: (values.urgency?.value?.selected_option?.value ?? undefined) as Urgency | undefined,
  };
  const errors: Record<string, string> = {};
  try {
    parseInput(openTicketSchema, fields);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    for (const p of error.problems) {
      const block = BLOCK_OF_FIELD[p.field.split('.')[0]] ?? 'title';
      errors[block] ??= problemText(p, tr);
    }
  }
  for (const field of ['impact', 'urgency'] as const) if (!fields[field]) errors[field] ??= tr(REQUIRED_HERE[field]);
  return { fields, errors };
}

/** What someone wrote, to paste into /ticket again when it could not be stored. */
const formDraftText = (f: TicketFields) =>
  `Title: ${f.title}\nType: ${f.type} · impact: ${f.impact} · urgency: ${f.urgency}\n\n${f.description}`;

/**
 * The /ticket form submitted. The fields are checked with the core's own schema first (no database),
 * so a bad field comes back inline (`response_action: errors`, the form stays open with what was
 * typed) and the answer goes out at once even when many forms arrive together; then, once the
 * requests already received have their answers too, the ticket is stored through the core. Should storing fail after the answer (e.g. someone not staff opening for
 * another person), the person gets a DM saying why, with what they typed. The card and the DM
 * thread follow through the delivery queue.
 */
export function registerTicketForm(app: App, ctx: SlackContext): void {
  app.view(TICKET_FORM, async ({ ack, view, body, client }) => {
    const metadata = JSON.parse(view.private_metadata || '{}') as TicketFormMetadata;
    const actor = slackActor(body.user.id, body.user.name);
    const tr = await textsOf(ctx, body.user.id);
    const { fields, errors } = readTicketFields(view, tr);
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    const input = {
      ...fields,
      ...(metadata.sourceMessage
        ? { location: { slackSourceChannel: metadata.sourceMessage.channel, slackSourceTs: metadata.sourceMessage.ts } }
        : {}),
      ...(metadata.onBehalfOf
        ? {
            onBehalfOf: {
              platform: 'slack' as const,
              userId: metadata.onBehalfOf.userId,
              ...(metadata.onBehalfOf.nameIfUnknown ? { nameIfUnknown: metadata.onBehalfOf.nameIfUnknown } : {}),
            },
          }
        : {}),
    };
    await ack();
    await ctx.ackFirst.answered();
    try {
      // From a message: whose message it is decides whose ticket it is (the core's rule for every way in).
      const source = metadata.sourceMessage;
      if (source)
        await ctx.helpdesk.messageTickets.open(
          actor,
          {
            platform: 'slack',
            channelId: source.channel,
            messageId: source.ts,
            author: source.author ? slackActor(source.author) : null,
          },
          { ...fields, location: input.location },
        );
      else await ctx.helpdesk.tickets.open(actor, input);
    } catch (error) {
      await client.chat
        .postMessage({
          channel: body.user.id,
          text: `${tr('forms.opened.notOpened', { reason: readableError(error, ctx.logger, tr) })}\n${tr('forms.opened.pasteAgain')}\n\`\`\`${formDraftText(fields)}\`\`\``,
        })
        .catch((dmError) =>
          ctx.logger.error({ err: dmError }, 'could not tell the person their ticket was not opened'),
        );
    }
  });
}
