import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { ActorRef } from '../../../core/services/people';
import { erasureQuestion, parsePersonId } from '../../privacy-answers';
import type { SlackContext } from '../context';
import { uploadFile } from '../files';

export const FORGET_CONFIRM = 'forget_confirm';
export const FORGET_CANCEL = 'forget_cancel';

export interface PrivacyReply {
  text: string;
  blocks?: KnownBlock[];
  /** An export, uploaded to the admin's DM with the app once the command is answered. */
  upload?: { filename: string; content: string };
}

const USAGE =
  'Try `/helpdesk forget @person` or `/helpdesk export @person` (someone no longer here: `slack:U0123456789` or `discord:123456789012345678`).';

/**
 * `/helpdesk forget @person` asks first (Erase and Cancel buttons; the core erases on Erase), and
 * `/helpdesk export @person` answers with the file on its way to the admin's DM with the app, as
 * `/tickets transcript` does. The core checks that the person running either is an admin.
 */
export async function privacyCommand(
  ctx: Pick<SlackContext, 'helpdesk'>,
  actor: ActorRef,
  words: string[],
): Promise<PrivacyReply> {
  if (!words[1]) return { text: USAGE };
  const person = parsePersonId(words[1], 'slack');
  if (words[0] === 'export') {
    const data = await ctx.helpdesk.privacy.export(actor, { person });
    return {
      text: `Everything the helpdesk keeps about ${data.person.displayName || words[1]} is on its way to your DM with the app, as a file.`,
      upload: { filename: `person-${person.platform}-${person.userId}.json`, content: JSON.stringify(data, null, 2) },
    };
  }
  const preview = await ctx.helpdesk.privacy.forgetPreview(actor, { person });
  const question = erasureQuestion(preview);
  return {
    text: question,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: question } },
      {
        type: 'actions',
        block_id: 'forget',
        elements: [
          {
            type: 'button',
            action_id: FORGET_CONFIRM,
            style: 'danger',
            text: { type: 'plain_text', text: 'Erase' },
            value: `${person.platform}:${person.userId}`,
          },
          { type: 'button', action_id: FORGET_CANCEL, text: { type: 'plain_text', text: 'Cancel' }, value: 'cancel' },
        ],
      },
    ],
  };
}

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
