import type { App } from '@slack/bolt';
import type { Role } from '../../../core/model';
import { PLATFORM_LABEL } from '../../../core/rules/messages';
import { formatStats } from '../../../core/rules/stats';
import { parseMention, readableError, slackActor, type SlackContext } from '../context';
import { catalogCommand } from './helpdesk-catalog';
import { dashboardLinkText } from './helpdesk-dashboard';
import { privacyCommand, sendExport } from './helpdesk-privacy';
import { redactCommand } from './helpdesk-redact';
import { slaCommand } from './helpdesk-sla';

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

/** `/helpdesk help`, `staff add|remove @person …`, `away on|off [@person]`, `link [CODE]`, `sla …`, `stats [7d|30d]`, `redact LINK …`, `forget|export @person`: private answers; `catalog …` may open a form. */
export function registerHelpdeskCommand(app: App, ctx: SlackContext): void {
  app.command('/helpdesk', async ({ ack, command, client }) => {
    const actor = slackActor(command.user_id, command.user_name);
    const words = (command.text ?? '').trim().split(/\s+/).filter(Boolean);
    const answer = (text: string) => ack({ response_type: 'ephemeral', text });
    try {
      if (words[0] === 'dashboard') return await answer(await dashboardLinkText(ctx, actor));
      if (words[0] === 'staff' && (words[1] === 'add' || words[1] === 'remove')) {
        const person = parseMention(words[2] ?? '');
        if (!person) return await answer('Name the person with a mention, like `/helpdesk staff add @ann 1`.');
        if (words[1] === 'add') {
          const added = await ctx.helpdesk.staff.add(actor, { person, role: words[3] ?? '' });
          return await answer(
            `${added.displayName || `<@${person.userId}>`} is now ${added.isAdmin && !added.tier ? 'an admin' : `a tier-${added.tier} supporter`}.`,
          );
        }
        const removed = await ctx.helpdesk.staff.remove(actor, { person });
        return await answer(`${removed.displayName || `<@${person.userId}>`} is no longer staff.`);
      }
      if (words[0] === 'away') {
        if (words[1] !== 'on' && words[1] !== 'off')
          return await answer('Try `/helpdesk away on` or `/helpdesk away off` (admins: add `@person`).');
        const person = words[2] ? parseMention(words[2]) : null;
        if (words[2] && !person) return await answer('Name the person with a mention, like `/helpdesk away on @ann`.');
        const target = await ctx.helpdesk.staff.setAway(actor, {
          away: words[1] === 'on',
          ...(person ? { person } : {}),
        });
        const who = person ? target.displayName || `<@${person.userId}>` : 'You';
        return await answer(
          words[1] === 'on'
            ? `${who} ${person ? 'is' : 'are'} away: no new tickets are assigned.`
            : `${who} ${person ? 'is' : 'are'} back: new tickets are assigned again.`,
        );
      }
      if (words[0] === 'link') {
        const result = await ctx.helpdesk.staff.link(actor, words[1] ? { code: words[1] } : {});
        if ('code' in result) {
          return await answer(
            `Your link code is *${result.code}*. Run \`/helpdesk link ${result.code}\` on Discord before <!date^${Math.floor(result.expiresAt.getTime() / 1000)}^{time}|${result.expiresAt.toISOString()}>.`,
          );
        }
        return await answer(
          `Asked your ${PLATFORM_LABEL[result.awaitingConfirmation]} identity to confirm: the two are joined once you press Confirm there.`,
        );
      }
      if (words[0] === 'sla') return await answer(await slaCommand(ctx, actor, words));
      if (words[0] === 'catalog') {
        const reply = await catalogCommand(ctx, actor, words);
        if ('text' in reply) return await answer(reply.text);
        await ack();
        // Answered already: a form that cannot open is only logged (the trigger id has run out).
        await client.views
          .open({ trigger_id: command.trigger_id, view: reply.form })
          .catch((error: unknown) => ctx.logger.warn({ err: error }, 'could not open the catalog form'));
        return;
      }
      if (words[0] === 'forget' || words[0] === 'export') {
        const reply = await privacyCommand(ctx, actor, words);
        await ack({ response_type: 'ephemeral', text: reply.text, ...(reply.blocks ? { blocks: reply.blocks } : {}) });
        if (reply.upload) await sendExport(client, command, reply.upload, ctx);
        return;
      }
      if (words[0] === 'redact')
        return await answer(await redactCommand(ctx, actor, command.text ?? '', command.team_domain));
      if (words[0] === 'stats')
        return await answer(formatStats(await ctx.helpdesk.stats.stats(actor, words[1] ? { period: words[1] } : {})));
      if (words.length === 0 || words[0] === 'help') {
        const role = await ctx.helpdesk.staff.roleOf(actor);
        return await answer(
          `What you can run:\n${helpFor(role)
            .map((l) => `• ${l}`)
            .join('\n')}`,
        );
      }
      await answer('Unknown `/helpdesk` command; `/helpdesk help` lists what you can run.');
    } catch (error) {
      await answer(readableError(error, ctx.logger));
    }
  });
}
