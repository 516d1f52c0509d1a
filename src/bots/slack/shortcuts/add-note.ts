import type { App, MessageShortcut } from '@slack/bolt';
import { noteFormView } from '../blocks';
import { readableError, slackActor, tellPrivately, textsOf, type SlackContext } from '../context';
import { ticketOfThread } from '../events/message';
import { slackPlace } from '../../../core/location';

export const ADD_NOTE_SHORTCUT = 'add_internal_note';

/**
 * "Add internal note" on a message in a ticket's card thread (Slack has no slash commands in
 * threads). Looking the ticket up first is one indexed query, well inside the trigger's 3 s.
 */
export function registerAddNoteShortcut(app: App, ctx: SlackContext): void {
  app.shortcut<MessageShortcut>(ADD_NOTE_SHORTCUT, async ({ ack, shortcut, client }) => {
    await ack();
    const message = shortcut.message as { ts: string; thread_ts?: string };
    const ticket = await ticketOfThread(ctx, shortcut.channel.id, message.thread_ts ?? message.ts);
    const tr = await textsOf(ctx, shortcut.user.id);
    if (!ticket || shortcut.channel.id !== slackPlace(ticket.location).channel) {
      await tellPrivately(app, { channel: shortcut.channel.id, user: shortcut.user.id }, tr('card.note.onlyInThread'));
      return;
    }
    // The form is staff's: to anyone else it is not opened (the core decides who is staff).
    try {
      await ctx.helpdesk.comments.mayNote(slackActor(shortcut.user.id, shortcut.user.name));
    } catch (error) {
      await tellPrivately(
        app,
        { channel: shortcut.channel.id, user: shortcut.user.id },
        readableError(error, ctx.logger, tr),
      );
      return;
    }
    await client.views.open({
      trigger_id: shortcut.trigger_id,
      view: noteFormView(tr, ticket.number, `${shortcut.channel.id}:${message.ts}`),
    });
  });
}
