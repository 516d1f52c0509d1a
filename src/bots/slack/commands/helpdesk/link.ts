import { PLATFORM_LABEL } from '../../../../core/rules/messages';
import type { SubCommandCall } from '../sub-command';

/** `/helpdesk link [CODE]` (staff): a code to run on Discord, or the code Discord gave. */
export async function run({ ctx, actor, args, answer, tr }: SubCommandCall): Promise<void> {
  const result = await ctx.helpdesk.staff.link(actor, args[0] ? { code: args[0] } : {});
  if ('code' in result) {
    const time = `<!date^${Math.floor(result.expiresAt.getTime() / 1000)}^{time}|${result.expiresAt.toISOString()}>`;
    const command = `\`/helpdesk link ${result.code}\``;
    return await answer(tr('answers.link.code', { code: `*${result.code}*`, command, platform: 'Discord', time }));
  }
  await answer(tr('answers.link.asked', { platform: PLATFORM_LABEL[result.awaitingConfirmation] }));
}
