import type { App } from '@slack/bolt';
import { parseMention, readableError, slackActor, type SlackContext } from '../context';

const HELP_CUSTOMER = ['`/ticket`: open a ticket', '`/tickets`: your tickets', '`/tickets show N`: one of them', '`/kb search WORDS`: the knowledge base'];
const HELP_STAFF = ['`/ticket @person`: open a ticket for someone', '`/tickets list mine|queue|all`', 'the "Add internal note" shortcut in a ticket\'s thread'];
const HELP_ADMIN = ['`/helpdesk staff add @person 1|2|3|admin`', '`/helpdesk staff remove @person`'];

/** `/helpdesk help` and `/helpdesk staff add|remove @person …`: private answers. */
export function registerHelpdeskCommand(app: App, ctx: SlackContext): void {
  app.command('/helpdesk', async ({ ack, command }) => {
    const actor = slackActor(command.user_id, command.user_name);
    const words = (command.text ?? '').trim().split(/\s+/).filter(Boolean);
    try {
      if (words[0] === 'staff' && (words[1] === 'add' || words[1] === 'remove')) {
        const person = parseMention(words[2] ?? '');
        if (!person) return await ack({ response_type: 'ephemeral', text: 'Name the person with a mention, like `/helpdesk staff add @ann 1`.' });
        if (words[1] === 'add') {
          const added = await ctx.helpdesk.staff.add(actor, { person, role: words[3] ?? '' });
          return await ack({ response_type: 'ephemeral', text: `${added.displayName || `<@${person.userId}>`} is now ${added.isAdmin && !added.tier ? 'an admin' : `a tier-${added.tier} supporter`}.` });
        }
        const removed = await ctx.helpdesk.staff.remove(actor, { person });
        return await ack({ response_type: 'ephemeral', text: `${removed.displayName || `<@${person.userId}>`} is no longer staff.` });
      }
      const me = await ctx.helpdesk.staff.whoAmI(actor);
      const lines = [...HELP_CUSTOMER, ...(me.role !== 'customer' ? HELP_STAFF : []), ...(me.isAdmin ? HELP_ADMIN : [])];
      await ack({ response_type: 'ephemeral', text: `What you can run:\n${lines.map((l) => `• ${l}`).join('\n')}` });
    } catch (error) {
      await ack({ response_type: 'ephemeral', text: readableError(error, ctx.logger) });
    }
  });
}
