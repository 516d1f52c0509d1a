import type { ActorRef } from '../../../core/services/people';
import { SIGN_IN_MINUTES } from '../../../core/rules/dashboard-access';
import { t } from '../../../core/texts';
import type { SlackContext } from '../context';

/** `/helpdesk dashboard` (anyone) and App Home's "Open the dashboard": a single-use sign-in link, said only to them. */
export async function dashboardLinkText(ctx: Pick<SlackContext, 'helpdesk'>, actor: ActorRef): Promise<string> {
  const link = await ctx.helpdesk.dashboard.signInLink(actor);
  return t(link.language, 'dashboard.signIn.link', { minutes: SIGN_IN_MINUTES, url: link.url });
}
