import type { App } from '@slack/bolt';
import { readableError, slackActor, type SlackContext } from '../context';
import { fitsForm, kbFormView, KB_FORM_BODY_MAX } from '../views/kb-form';

const USAGE = 'Try `/kb search WORDS`, `/kb read ID`, `/kb new` or `/kb edit ID`.';
/** Slack's message text limit is 40,000 characters; a longer article is shown up to there and says so. */
const READ_MAX = 39_000;

/**
 * `/kb search WORDS`, `/kb read ID` (private answers), `/kb new` and `/kb edit ID` (the form).
 * Writers are checked before the form opens (one query, well inside the trigger's 3 s) so a
 * customer gets a clear answer instead of a form they can't submit; the core checks again on submit.
 */
export function registerKbCommand(app: App, ctx: SlackContext): void {
  app.command('/kb', async ({ ack: slackAck, command, client }) => {
    let acked = false;
    const ack: typeof slackAck = async (answer?: Parameters<typeof slackAck>[0]) => {
      acked = true;
      await slackAck(answer);
    };
    const actor = slackActor(command.user_id, command.user_name);
    const [verb = '', ...rest] = (command.text ?? '').trim().split(/\s+/).filter(Boolean);
    try {
      if (verb === 'search') {
        const hits = await ctx.helpdesk.knowledge.search(actor, { words: rest.join(' ') });
        const text =
          hits.length === 0
            ? `No articles match "${rest.join(' ')}".`
            : hits
                .map((h) => `*${h.id}. ${h.title}*${h.visibility === 'staff' ? ' (staff only)' : ''}\n${h.snippet}`)
                .join('\n\n') + '\n\n`/kb read ID` shows one.';
        return await ack({ response_type: 'ephemeral', text });
      }
      if (verb === 'read') {
        const article = await ctx.helpdesk.knowledge.read(actor, { id: rest[0] ?? '' });
        const head = `*${article.id}. ${article.title}*${article.tags.length ? `  _${article.tags.join(', ')}_` : ''}${article.archivedAt ? ' (archived)' : ''}\n\n`;
        const body =
          article.body.length > READ_MAX
            ? `${article.body.slice(0, READ_MAX)}\n\n… (the article is longer than a Slack message can show)`
            : article.body;
        return await ack({ response_type: 'ephemeral', text: head + body });
      }
      if (verb === 'new') {
        const role = await ctx.helpdesk.staff.roleOf(actor);
        if (role === 'customer')
          return await ack({ response_type: 'ephemeral', text: 'Only staff can write knowledge-base articles.' });
        await ack();
        await client.views.open({ trigger_id: command.trigger_id, view: kbFormView() });
        return;
      }
      if (verb === 'edit') {
        const role = await ctx.helpdesk.staff.roleOf(actor);
        if (role === 'customer')
          return await ack({ response_type: 'ephemeral', text: 'Only staff can write knowledge-base articles.' });
        const article = await ctx.helpdesk.knowledge.read(actor, { id: rest[0] ?? '' });
        if (article.archivedAt)
          return await ack({
            response_type: 'ephemeral',
            text: `Article ${article.id} is archived; it can't be edited.`,
          });
        if (!fitsForm(article)) {
          return await ack({
            response_type: 'ephemeral',
            text: `Article ${article.id} is ${article.body.length} characters long; Slack's form holds ${KB_FORM_BODY_MAX}, so it can't be edited here without cutting it. Edit it where longer text fits (e.g. the admin tools); it is kept whole.`,
          });
        }
        await ack();
        await client.views.open({ trigger_id: command.trigger_id, view: kbFormView(article) });
        return;
      }
      await ack({ response_type: 'ephemeral', text: USAGE });
    } catch (error) {
      const text = readableError(error, ctx.logger);
      if (!acked) await ack({ response_type: 'ephemeral', text });
      else
        await client.chat
          .postEphemeral({ channel: command.channel_id, user: command.user_id, text })
          .catch(() => undefined);
    }
  });
}
