import type { ChatInputCommandInteraction } from 'discord.js';
import type { Role } from '../../../../core/model';
import { actorOf } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';

/** `/helpdesk help`: only what this person may run (of the commands this build answers). */
export const name = 'helpdesk help';

const RANK: Record<Role, number> = { customer: 0, supporter: 1, admin: 2 };

const COMMANDS: Array<{ who: Role; usage: string; does: string }> = [
  { who: 'customer', usage: '/ticket', does: 'open a ticket' },
  { who: 'supporter', usage: '/ticket person:@someone', does: 'open a ticket on their behalf' },
  { who: 'customer', usage: '/tickets list [mine|queue|all]', does: 'your tickets (staff: yours, then the queue)' },
  { who: 'customer', usage: '/tickets show N', does: 'one ticket' },
  { who: 'customer', usage: '/tickets search WORDS', does: 'search tickets' },
  { who: 'customer', usage: '/tickets transcript N', does: 'the whole ticket as a file' },
  { who: 'supporter', usage: '/tickets assign N @person', does: 'reassign a ticket' },
  { who: 'supporter', usage: '/tickets escalate N [@person]', does: 'to the next tier' },
  { who: 'supporter', usage: '/tickets priority N P1..P4', does: 'change the priority' },
  { who: 'supporter', usage: '/tickets link N PARENT', does: 'into a major incident' },
  { who: 'supporter', usage: '/tickets unlink N', does: 'out of its major incident' },
  { who: 'supporter', usage: '/note TEXT', does: "an internal note, in a ticket's thread" },
  { who: 'customer', usage: '/kb search WORDS', does: 'search the knowledge base' },
  { who: 'customer', usage: '/kb read ID', does: 'read an article' },
  { who: 'supporter', usage: '/kb new', does: 'write an article' },
  { who: 'supporter', usage: '/kb edit ID', does: 'edit an article' },
  { who: 'supporter', usage: '/helpdesk away on|off', does: 'stop or resume taking new tickets' },
  { who: 'admin', usage: '/helpdesk away on|off @person', does: "someone else's availability" },
  { who: 'supporter', usage: '/helpdesk link [CODE]', does: 'join your Discord and Slack identities' },
  { who: 'admin', usage: '/helpdesk staff add @person 1|2|3|admin', does: 'make someone staff' },
  { who: 'admin', usage: '/helpdesk staff remove @person', does: 'no longer staff' },
  { who: 'admin', usage: '/helpdesk mark sla|catalog ID', does: 'the SLA or service-catalog article' },
  {
    who: 'admin',
    usage: '/helpdesk setup [channel:#channel]',
    does: 'the support channel, where ticket threads go (default: here)',
  },
  { who: 'admin', usage: '/helpdesk sla show', does: 'the SLA targets and business hours' },
  {
    who: 'admin',
    usage: '/helpdesk sla set P1..P4 [first_response] [resolution]',
    does: "a priority's targets (e.g. 1h, 4h, 1d)",
  },
  {
    who: 'admin',
    usage: '/helpdesk sla hours HOURS|off',
    does: 'business hours, e.g. Mon-Fri 08:00-16:00 Europe/Copenhagen',
  },
  { who: 'admin', usage: '/helpdesk sla holiday add|remove YYYY-MM-DD', does: 'a day the SLA clock stands still' },
  { who: 'admin', usage: '/helpdesk catalog list', does: 'the service catalog, with ids' },
  { who: 'admin', usage: '/helpdesk catalog add', does: 'add a service and its creation guide' },
  { who: 'admin', usage: '/helpdesk catalog edit ID', does: 'change a service' },
  { who: 'admin', usage: '/helpdesk catalog remove ID', does: 'take a service out of the catalog' },
  { who: 'admin', usage: '/helpdesk stats [7d|30d]', does: 'opened, resolved, response times, SLA met, ratings' },
  { who: 'admin', usage: '/helpdesk redact LINK [replacement]', does: "erase a comment's text (a pasted password)" },
  {
    who: 'admin',
    usage: '/helpdesk redact ticket:N part:title|description|rating [replacement]',
    does: "erase a ticket's title, description or rating comment",
  },
  {
    who: 'admin',
    usage: '/helpdesk forget @person',
    does: "erase a person's data (asks first; or id: for someone gone)",
  },
  { who: 'admin', usage: '/helpdesk export @person', does: 'everything kept about a person, as a file' },
  { who: 'customer', usage: '/helpdesk help', does: 'this list' },
];

export function commandsFor(role: Role): string[] {
  return COMMANDS.filter((c) => RANK[c.who] <= RANK[role]).map((c) => `\`${c.usage}\` — ${c.does}`);
}

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async () => {
    const { role } = await ctx.helpdesk.staff.whoAmI(actorOf(interaction.user, interaction.member));
    // The list in an embed, whose text holds 4096 characters: an admin's outgrew a message's 2000.
    return { content: `What you can run (${role}):`, embeds: [{ description: commandsFor(role).join('\n') }] };
  });
}
