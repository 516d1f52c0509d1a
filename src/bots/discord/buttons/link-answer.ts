import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import type { ButtonInteraction } from 'discord.js';
import { notices, sayWith } from '../../../core/rules/messages';
import type { Translate } from '../../reader';
import { interactionActor } from '../actor';
import { answerPrivately } from '../answer';
import type { DiscordContext } from '../context';

/**
 * Confirm and Refuse under the private prompt a link code's owner gets when someone redeems it
 * (`link:confirm:CODE`, `link:refuse:CODE`). The core decides whether the presser may answer.
 */
const LINK_ID = /^link:(confirm|refuse):([A-Z0-9]{6,12})$/;

export function parseLinkCustomId(customId: string): { confirm: boolean; code: string } | null {
  const match = LINK_ID.exec(customId);
  return match ? { confirm: match[1] === 'confirm', code: match[2] } : null;
}

export function linkAnswerRow(code: string, tr: Translate): Array<APIActionRowComponent<APIButtonComponent>> {
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.Button,
          style: ButtonStyle.Success,
          label: tr('people.linkButton.confirm'),
          custom_id: `link:confirm:${code}`,
        },
        {
          type: ComponentType.Button,
          style: ButtonStyle.Danger,
          label: tr('people.linkButton.refuse'),
          custom_id: `link:refuse:${code}`,
        },
      ],
    },
  ];
}

export async function run(
  interaction: ButtonInteraction,
  answer: { confirm: boolean; code: string },
  ctx: DiscordContext,
): Promise<void> {
  await answerPrivately(interaction, ctx, async (tr) => {
    const result = await ctx.helpdesk.staff.confirmLink(interactionActor(interaction), answer);
    return 'linked' in result ? sayWith(tr, notices.linkConfirmed('slack')) : tr('people.linkRefusedByYou');
  });
}
