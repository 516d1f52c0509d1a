import type { Role } from '../../../../core/model';
import type { SubCommandCall } from '../sub-command';

/** What each role may run here (Slack's words), shown by `/helpdesk help`: each role sees its own and those below. */
const HELP: Record<Role, string[]> = {
  customer: [
    '`/ticket`: open a ticket',
    '`/tickets`: your tickets · `/tickets show N` · `/tickets search WORDS` · `/tickets transcript N`',
    '`/kb search WORDS` · `/kb read ID`: the knowledge base',
    '`/helpdesk help`: this list',
  ],
  supporter: [
    '`/ticket @person`: open a ticket for someone',
    '`/tickets list mine|queue|all`',
    '`/tickets assign N @person` · `/tickets escalate N [@person]` · `/tickets priority N P1..P4`',
    '`/tickets link N PARENT` · `/tickets unlink N`: a ticket into or out of a major incident',
    '`/kb new` · `/kb edit ID`: write articles',
    'the "Add internal note" shortcut on a message in a ticket\'s thread',
    '`/helpdesk away on|off`: your availability',
    '`/helpdesk link [CODE]`: join your Discord and Slack identities',
  ],
  admin: [
    '`/helpdesk staff add @person 1|2|3|admin` · `/helpdesk staff remove @person`',
    "`/helpdesk away on|off @person`: someone else's availability",
    '`/helpdesk sla` · `/helpdesk sla set P1 1h 4h` · `/helpdesk sla hours Mon-Fri 08:00-16:00 Europe/Copenhagen|off` · `/helpdesk sla holiday add|remove 2026-12-24`: the SLA policy',
    '`/helpdesk stats [7d|30d]`: opened, resolved, response times, SLA met, ratings',
    '`/helpdesk catalog list` · `/helpdesk catalog add` · `/helpdesk catalog edit ID` · `/helpdesk catalog remove ID`: the service catalog and its creation guides',
    "`/helpdesk redact LINK [replacement]`: erase a comment's text (a pasted password), here and in the ticket's threads",
    "`/helpdesk redact N title|description|rating [replacement]`: erase a ticket's title, description or rating comment",
    "`/helpdesk forget @person` (or `slack:U…`, `discord:…` for someone gone): erase a person's data, after a confirmation",
    '`/helpdesk export @person`: everything kept about a person, as a file',
  ],
};
const LEVELS: Role[] = ['customer', 'supporter', 'admin'];

export function helpFor(role: Role): string[] {
  return LEVELS.slice(0, LEVELS.indexOf(role) + 1).flatMap((r) => HELP[r]);
}

/** `/helpdesk help` (or bare `/helpdesk`): what this person may run. */
export async function run({ ctx, actor, answer }: SubCommandCall): Promise<void> {
  const role = await ctx.helpdesk.staff.roleOf(actor);
  await answer(
    `What you can run:\n${helpFor(role)
      .map((l) => `• ${l}`)
      .join('\n')}`,
  );
}
