import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { InvalidInputError } from '../../../core/errors';
import { guideMessagesIn } from '../../../core/rules/catalog';
import { textsFor, type Language } from '../../../core/texts';
import type { ActorRef } from '../../../core/services/people';
import { GUIDED_TICKET_FORM, questionBlock } from '../blocks';
import { languageOfUser, problemText, readableError, slackActor, type SlackContext } from '../context';
import { closingView, offerView, type GuideFormMetadata } from '../guide-views';
import { readTicketFields } from './ticket-form';

/** The core names `answers.1.answer`; Slack wants the question's block. */
const blockOf = (field: string) => {
  const [head, index] = field.split('.');
  return head === 'answers'
    ? questionBlock(Number(index))
    : ['title', 'description', 'type', 'impact', 'urgency'].includes(head)
      ? head
      : 'title';
};

/**
 * The guided form submitted. Bad fields come back inline as on the plain form (nothing stored).
 * Then the form is stored as a draft and the articles matching it are looked up *inside* the
 * response, because they are the answer: the modal becomes the offer ("This solved it" / "Open the
 * ticket"), or the polite no for a service the helpdesk does not cover. That is one short
 * transaction (the e2e test measures it); when no article matches, the ticket is opened after the
 * answer, as the plain form does, and the modal then says its number.
 */
export function registerGuidedTicketForm(app: App, ctx: SlackContext): void {
  app.view(GUIDED_TICKET_FORM, async ({ ack, view, body, client }) => {
    const metadata = JSON.parse(view.private_metadata || '{}') as GuideFormMetadata;
    const actor = slackActor(body.user.id, body.user.name);
    const language = await languageOfUser(ctx, body.user.id);
    const tr = textsFor(language);
    const { fields, errors } = readTicketFields(view, tr);
    if (Object.keys(errors).length > 0) return void (await ack({ response_action: 'errors', errors }));
    const answers = (metadata.questions ?? []).map((question, i) => ({
      question,
      answer: view.state.values[questionBlock(i)]?.value?.value ?? '',
    }));
    let result;
    try {
      result = await ctx.helpdesk.guides.submit(actor, { serviceId: metadata.serviceId ?? null, ...fields, answers });
    } catch (error) {
      // Inline, so what the person typed stays in front of them.
      const inline: Record<string, string> = {};
      if (error instanceof InvalidInputError)
        for (const p of error.problems) inline[blockOf(p.field)] ??= problemText(p, tr);
      else inline.title = readableError(error, ctx.logger, tr);
      return void (await ack({ response_action: 'errors', errors: inline }));
    }
    if (result.outcome === 'declined')
      return void (await ack({ response_action: 'update', view: closingView(language, result.message) }));
    if (result.draft.suggested.length > 0)
      return void (await ack({ response_action: 'update', view: offerView(language, result.draft) }));
    await ack({ response_action: 'update', view: closingView(language, tr('forms.opened.opening')) });
    await ctx.ackFirst.answered();
    await openDraft(client, ctx, actor, result.draft.id, view.id, language).catch(async (error: unknown) => {
      // The draft is kept: the next /ticket offers it again.
      await client.views
        .update({
          view_id: view.id,
          view: closingView(
            language,
            `${tr('forms.opened.notOpened', { reason: readableError(error, ctx.logger, tr) })} ${tr('forms.guide.keptComeBack')}`,
          ),
        })
        .catch((updateError: unknown) =>
          ctx.logger.warn({ err: updateError }, 'could not tell the person their ticket was not opened'),
        );
    });
  });
}

/**
 * Opens the ticket from a draft (guides.open: the answers in its description, the service's owning
 * tier); the customer's DM and the card follow through the delivery queue, as for the plain form.
 * The modal then says the number; a closed modal is no failure (the DM says it too).
 */
export async function openDraft(
  client: WebClient,
  ctx: SlackContext,
  actor: ActorRef,
  draftId: string,
  viewId: string,
  language: Language,
): Promise<void> {
  const ticket = await ctx.helpdesk.guides.open(actor, { draftId });
  await client.views
    .update({ view_id: viewId, view: closingView(language, guideMessagesIn(language).opened(ticket)) })
    .catch((error: unknown) =>
      ctx.logger.info({ err: error }, 'the guide modal was gone before the ticket number could be shown'),
    );
}
