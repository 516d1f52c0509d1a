import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { ActorRef } from '../../../core/services/people';
import { ticketFormView } from '../blocks';
import type { Language } from '../../../core/texts';
import { languageOfUser, parseMention, slackActor, textsOf, type SlackContext } from '../context';
import { serviceStepView } from '../guide-views';

/** What the form needs to remember between /ticket and its submission. */
export interface TicketFormMetadata {
  channel: string;
  /** The person named in `/ticket <@U123|handle>`; the handle only names someone the helpdesk has no name for. */
  onBehalfOf?: { userId: string; nameIfUnknown?: string };
  /** Set by the "Ticket from message" shortcut: the ticket links back to it. */
  sourceMessage?: { channel: string; ts: string; author?: string | null };
}

/**
 * `/ticket` and `/ticket <@U123>`: answered at once, then the form opens (the trigger id lives
 * 3 s) with no database call first, once the requests already received have their answers;
 * whether the presser may open for someone else is checked on submission.
 *
 * With a service catalog, a person's own `/ticket` starts with the creation guide: the service
 * select, built from the catalog in memory. Only once it is open does the helpdesk look for a form
 * the person left undecided; if there is one, the open view is updated to offer it (a person who
 * picked a service meanwhile has moved on, and the stale update is refused by its hash).
 * Staff opening for someone (`/ticket <@U…>`) get the plain form: the guide is the customer's.
 */
export function registerTicketCommand(app: App, ctx: SlackContext): void {
  app.command('/ticket', async ({ ack, command, client }) => {
    await ack();
    await ctx.ackFirst.answered();
    const mention = parseMention(command.text ?? '');
    const metadata: TicketFormMetadata = {
      channel: command.channel_id,
      ...(mention
        ? {
            onBehalfOf: {
              userId: mention.userId,
              ...(mention.nameIfUnknown ? { nameIfUnknown: mention.nameIfUnknown } : {}),
            },
          }
        : {}),
    };
    const services = ctx.helpdesk.catalog.snapshot();
    if (mention || services.length === 0) {
      await client.views.open({
        trigger_id: command.trigger_id,
        view: ticketFormView(await textsOf(ctx, command.user_id), JSON.stringify(metadata)),
      });
      return;
    }
    // No database call before the select opens: it is in the helpdesk's language, and redrawn in
    // the person's own (with a form they left waiting) once the helpdesk has looked them up.
    const helpdeskLanguage = ctx.settings.HELPDESK_LANGUAGE;
    const opened = await client.views.open({
      trigger_id: command.trigger_id,
      view: serviceStepView(helpdeskLanguage, services, metadata),
    });
    await offerWaiting(
      client,
      ctx,
      slackActor(command.user_id, command.user_name),
      opened.view,
      metadata,
      helpdeskLanguage,
    );
  });
}

async function offerWaiting(
  client: WebClient,
  ctx: SlackContext,
  actor: ActorRef,
  view: { id?: string; hash?: string } | undefined,
  metadata: TicketFormMetadata,
  shownIn: Language,
): Promise<void> {
  if (!view?.id) return;
  try {
    const waiting = await ctx.helpdesk.guides.waiting(actor);
    const language = await languageOfUser(ctx, actor.userId);
    if (!waiting && language === shownIn) return;
    const services = ctx.helpdesk.catalog.snapshot();
    // The waiting form says when it was written: in the person's time zone.
    const timeZone = waiting ? await ctx.timeZones.of(actor.userId) : undefined;
    await client.views.update({
      view_id: view.id,
      ...(view.hash ? { hash: view.hash } : {}),
      view: serviceStepView(language, services, metadata, waiting ?? undefined, timeZone),
    });
  } catch (error) {
    // The select works without it; the form is still offered on the next /ticket.
    ctx.logger.warn({ err: error }, 'could not offer the waiting form');
  }
}
