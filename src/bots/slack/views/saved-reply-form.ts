import type { App } from '@slack/bolt';
import { InvalidInputError } from '../../../core/errors';
import { SAVED_REPLY_NAME_MAX, SAVED_REPLY_TEXT_MAX } from '../../../core/rules/saved-replies';
import type { SavedReply } from '../../../core/services/saved-replies';
import { textsFor } from '../../../core/texts';
import type { Translate } from '../../reader';
import { formView, textInput } from '../blocks';
import { languageOfUser, problemText, readableError, slackActor, type SlackContext } from '../context';
import { closingView } from '../guide-views';

export const SAVED_REPLY_FORM = 'saved_reply_form';

/** `/helpdesk replies add` and `edit NAME` (filled in): a name (≤ 40) and a text (≤ 2000). */
export function savedReplyFormView(tr: Translate, reply?: SavedReply) {
  return formView(
    tr,
    SAVED_REPLY_FORM,
    reply ? { name: reply.name } : {},
    tr(reply ? 'savedRepliesChat.formTitleEdit' : 'savedRepliesChat.formTitleNew'),
    tr('savedRepliesChat.save'),
    [
      textInput('name', tr('savedRepliesChat.formName'), {
        max: SAVED_REPLY_NAME_MAX,
        hint: tr('savedRepliesChat.formNameHint'),
        initial: reply?.name,
      }),
      textInput('text', tr('savedRepliesChat.formText'), {
        multiline: true,
        max: SAVED_REPLY_TEXT_MAX,
        hint: tr('savedRepliesChat.formTextHint'),
        initial: reply?.text,
      }),
    ],
  );
}

/**
 * The saved-reply form submitted: added or edited through the core (which checks the person is an
 * admin and keeps the earlier version); a problem comes back inline, at its field.
 */
export function registerSavedReplyForm(app: App, ctx: SlackContext): void {
  app.view(SAVED_REPLY_FORM, async ({ ack, view, body }) => {
    const values = view.state.values;
    const editing = (JSON.parse(view.private_metadata || '{}') as { name?: string }).name;
    const name = values.name?.value?.value ?? '';
    const text = values.text?.value?.value ?? '';
    const actor = slackActor(body.user.id, body.user.name);
    const language = await languageOfUser(ctx, body.user.id);
    const tr = textsFor(language);
    try {
      const reply = editing
        ? await ctx.helpdesk.savedReplies.edit(actor, { name: editing, newName: name, text })
        : await ctx.helpdesk.savedReplies.add(actor, { name, text });
      const said = tr(editing ? 'savedRepliesChat.saved' : 'savedRepliesChat.added', { name: reply.name });
      await ack({ response_action: 'update', view: closingView(language, said) });
    } catch (error) {
      const errors: Record<string, string> = {};
      if (error instanceof InvalidInputError)
        for (const p of error.problems) errors[p.field === 'text' ? 'text' : 'name'] ??= problemText(p, tr);
      else errors.name = readableError(error, ctx.logger, tr);
      await ack({ response_action: 'errors', errors });
    }
  });
}
