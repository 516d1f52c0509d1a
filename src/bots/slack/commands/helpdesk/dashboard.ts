import type { ActorRef } from '../../../../core/services/people';
import { SIGN_IN_MINUTES } from '../../../../core/rules/dashboard-access';
import { t } from '../../../../core/texts';
import type { SlackContext } from '../../context';
import type { SubCommandCall } from '../sub-command';

/** `/helpdesk dashboard` (anyone): a single-use sign-in link for the web dashboard, said only to them. */
export async function run({ ctx, actor, answer }: SubCommandCall): Promise<void> {
  await answer(await dashboardLinkText(ctx, actor));
}

/** The sign-in link's text, in the person's language; also App Home's "Open the dashboard". */
export async function dashboardLinkText(ctx: Pick<SlackContext, 'helpdesk'>, actor: ActorRef): Promise<string> {
  const link = await ctx.helpdesk.dashboard.signInLink(actor);
  return t(link.language, 'dashboard.signIn.link', { minutes: SIGN_IN_MINUTES, url: link.url });
}
