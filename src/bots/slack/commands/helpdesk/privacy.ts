import type { WebClient } from '@slack/web-api';
import type { Translate } from '../../../reader';
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
  tr: Translate,
): Promise<void> {
  try {
    const dm = await client.conversations.open({ users: command.user_id });
    await uploadFile(client, { ...file, channel: dm.channel!.id!, comment: tr('answers.privacy.exportComment') });
  } catch (error) {
    ctx.logger.error({ err: error }, 'slack export upload failed');
    await client.chat
      .postEphemeral({
        channel: command.channel_id,
        user: command.user_id,
        text: tr('answers.privacy.exportFailed'),
      })
      .catch(() => undefined);
  }
}

/** What forget and export take (someone no longer here: by platform and id). */
export const PRIVACY_EXAMPLES =
  '`/helpdesk forget @person`, `/helpdesk export @person`, `/helpdesk forget slack:U0123456789`, `/helpdesk export discord:123456789012345678`';
