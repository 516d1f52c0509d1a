import type { App } from '@slack/bolt';
import { InvalidInputError } from '../../../core/errors';
import { SAVED_REPLY_TEXT_MAX } from '../../../core/rules/saved-replies';
import { readerTexts, type Translate } from '../../reader';
import { fitText } from '../../../core/rules/fit';
import { formView, OPTION_MAX } from '../blocks';
import { problemText, readableError, slackActor, type SlackContext } from '../context';

/**
 * The card's "Saved reply" form: a select of the replies and the chosen one's text, filled in for
 * the ticket and editable. Picking another reply redraws the text (`saved_reply_choose`); Send
 * stores it as the staff member's comment, which the delivery mirrors into the customer's DM
 * thread like any staff reply.
 */
export const SAVED_REPLY_SEND = 'saved_reply_send';
export const SAVED_REPLY_CHOOSE = 'saved_reply_choose';

const plain = (text: string) => ({ type: 'plain_text' as const, text });

export function savedReplyPickView(
  tr: Translate,
  ticketNumber: number,
  names: string[],
  chosen: { name: string; text: string },
) {
  const option = (name: string) => ({ value: name, text: plain(fitText(name, OPTION_MAX)) });
  return formView(
    tr,
    SAVED_REPLY_SEND,
    { ticketNumber },
    tr('savedRepliesChat.pickTitle'),
    tr('savedRepliesChat.send'),
    [
      {
        type: 'input' as const,
        block_id: 'reply',
        dispatch_action: true,
        label: plain(tr('savedRepliesChat.pickLabel')),
        hint: plain(tr('savedRepliesChat.pickHint')),
        element: {
          type: 'static_select' as const,
          action_id: SAVED_REPLY_CHOOSE,
          options: names.slice(0, 100).map(option),
          initial_option: option(chosen.name),
        },
      },
      {
        type: 'input' as const,
        // Named after the reply: Slack keeps what was typed in a block it knows, so another reply's text needs a new block.
        block_id: `text:${chosen.name}`,
        label: plain(tr('savedRepliesChat.formText')),
        element: {
          type: 'plain_text_input' as const,
          action_id: 'value',
          multiline: true,
          max_length: SAVED_REPLY_TEXT_MAX,
          initial_value: chosen.text,
        },
      },
    ],
  );
}

/** Send: the text as the staff member left it, posted through the core as their reply (the core checks who may again). */
export function registerSavedReplySend(app: App, ctx: SlackContext): void {
  app.view(SAVED_REPLY_SEND, async ({ ack, view, body }) => {
    const values = view.state.values;
    const { ticketNumber } = JSON.parse(view.private_metadata || '{}') as { ticketNumber?: number };
    const name = values.reply?.[SAVED_REPLY_CHOOSE]?.selected_option?.value ?? '';
    const textBlock = Object.keys(values).find((block) => block.startsWith('text:')) ?? 'text:';
    const text = values[textBlock]?.value?.value ?? '';
    const actor = slackActor(body.user.id, body.user.name);
    try {
      await ctx.helpdesk.savedReplies.send(actor, { ticketNumber, name, text });
      await ack();
    } catch (error) {
      const tr = await readerTexts(ctx.helpdesk, ctx.settings.HELPDESK_LANGUAGE, actor);
      const problem =
        error instanceof InvalidInputError && error.problems.some((p) => p.field === 'text')
          ? problemText(
              error.problems.find((p) => p.field === 'text')!,
              tr,
            )
          : readableError(error, ctx.logger, tr);
      await ack({ response_action: 'errors', errors: { [textBlock]: problem } });
    }
  });
}
