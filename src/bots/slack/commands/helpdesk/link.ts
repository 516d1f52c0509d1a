import { PLATFORM_LABEL } from '../../../../core/rules/messages';
import type { SubCommandCall } from '../sub-command';

/** `/helpdesk link [CODE]` (staff): a code to run on Discord, or the code Discord gave. */
export async function run({ ctx, actor, args, answer }: SubCommandCall): Promise<void> {
  const result = await ctx.helpdesk.staff.link(actor, args[0] ? { code: args[0] } : {});
  if ('code' in result) {
    return await answer(
      `Your link code is *${result.code}*. Run \`/helpdesk link ${result.code}\` on Discord before <!date^${Math.floor(result.expiresAt.getTime() / 1000)}^{time}|${result.expiresAt.toISOString()}>.`,
    );
  }
  await answer(
    `Asked your ${PLATFORM_LABEL[result.awaitingConfirmation]} identity to confirm: the two are joined once you press Confirm there.`,
  );
}
