import type { WebClient } from '@slack/web-api';
import type { SlackContext } from '../../context';
import { uploadFile } from '../../files';

/** The forget question's buttons (see forget.ts), answered by actions/forget.ts. */
export const FORGET_CONFIRM = 'forget_confirm';
export const FORGET_CANCEL = 'forget_cancel';

/** The export, in the admin's DM with the app; a failed upload is said privately where the command ran. */
export async function sendExport(
  client: WebClient,
  command: { user_id: string; channel_id: string },
  file: { filename: string; content: string },
  ctx: Pick<SlackContext, 'logger'>,
): Promise<void> {
  try {
    const dm = await client.conversations.open({ users: command.user_id });
    await uploadFile(client, { ...file, channel: dm.channel!.id!, comment: 'Everything kept about one person' });
  } catch (error) {
    ctx.logger.error({ err: error }, 'slack export upload failed');
    await client.chat
      .postEphemeral({
        channel: command.channel_id,
        user: command.user_id,
        text: 'The export could not be uploaded; please try again in a moment.',
      })
      .catch(() => undefined);
  }
}

export const PRIVACY_USAGE =
  'Try `/helpdesk forget @person` or `/helpdesk export @person` (someone no longer here: `slack:U0123456789` or `discord:123456789012345678`).';
