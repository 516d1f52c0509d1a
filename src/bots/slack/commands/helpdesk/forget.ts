import { erasureQuestion, parsePersonId } from '../../../privacy-answers';
import type { SubCommandCall } from '../sub-command';
import { FORGET_CANCEL, FORGET_CONFIRM, PRIVACY_EXAMPLES } from './privacy';

/**
 * `/helpdesk forget @person` (admins) asks first, with Erase and Cancel buttons; the core erases on
 * Erase (actions/forget.ts) and checks that the person running it is an admin.
 */
export async function run({ ctx, actor, args, answer, ack, tr }: SubCommandCall): Promise<void> {
  if (!args[0]) return await answer(tr('answers.usage', { examples: PRIVACY_EXAMPLES }));
  const person = parsePersonId(args[0], 'slack', tr);
  const question = erasureQuestion(await ctx.helpdesk.privacy.forgetPreview(actor, { person }), tr);
  await ack({
    response_type: 'ephemeral',
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
            text: { type: 'plain_text', text: tr('answers.privacy.erase') },
            value: `${person.platform}:${person.userId}`,
          },
          {
            type: 'button',
            action_id: FORGET_CANCEL,
            text: { type: 'plain_text', text: tr('answers.privacy.cancel') },
            value: 'cancel',
          },
        ],
      },
    ],
  });
}
