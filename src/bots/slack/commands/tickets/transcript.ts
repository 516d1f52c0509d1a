import { uploadFile } from '../../files';
import type { SubCommandCall } from '../sub-command';

/** `/tickets transcript N`: the whole ticket as a file, in the person's DM with the app, written for them. */
export async function run({ ctx, actor, args, answer, command, client, tr, timeZone }: SubCommandCall): Promise<void> {
  // Built (and authorised) before the answer, so a refusal is the answer; the upload follows it.
  // In the asker's language (the core knows it) and, as Slack tells it, their time zone.
  const transcript = await ctx.helpdesk.queries.transcript(
    actor,
    { ticketNumber: args[0] ?? '' },
    { timeZone: await timeZone() },
  );
  await answer(tr('answers.transcript.onItsWay', { number: String(args[0]).replace(/^#/, '') }));
  try {
    const dm = await client.conversations.open({ users: command.user_id });
    await uploadFile(client, {
      filename: transcript.filename,
      content: transcript.content,
      channel: dm.channel!.id!,
      comment: tr('answers.transcript.comment', {
        number: transcript.filename.replace(/\..*$/, '').replace('ticket-', ''),
      }),
    });
  } catch (error) {
    ctx.logger.error({ err: error }, 'slack transcript upload failed');
    await client.chat
      .postEphemeral({
        channel: command.channel_id,
        user: command.user_id,
        text: tr('answers.transcript.failed'),
      })
      .catch(() => undefined);
  }
}
