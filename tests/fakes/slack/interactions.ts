import type { SlackHarness } from './harness';
import { ticketFormValues, viewSubmission, type User } from '../../../src/simulator/slack/interactions';

export * from '../../../src/simulator/slack/interactions';

/** A slash command run in `channel`, and its private answer (Slack shows the JSON body of the 200), once the adapter has settled. */
export async function runCommand(
  h: SlackHarness,
  user: User,
  command: string,
  text = '',
  channel = 'CGENERAL',
): Promise<{ response_type?: string; text?: string }> {
  const res = await h.signer.command(command, user, text, channel);
  if (res.status !== 200) throw new Error(`${command} ${text}: HTTP ${res.status}`);
  const raw = await res.text();
  await h.slack.settled();
  return raw ? JSON.parse(raw) : {};
}

/** /ticket and its form by `user`, the card and DM delivered: the new ticket's number and where it lives. */
export async function openTicketAs(
  h: SlackHarness,
  user: User,
  title: string,
): Promise<{ number: number; location: Record<string, string> }> {
  await runCommand(h, user, '/ticket');
  const form = h.api.callsOf('views.open').at(-1)!.args.view;
  const res = await h.signer.interaction(
    viewSubmission(
      user,
      'ticket_form',
      form.private_metadata,
      ticketFormValues({ title, description: 'Details', type: 'incident' }),
    ),
  );
  if (res.status !== 200) throw new Error(`the ticket form: HTTP ${res.status}`);
  await h.slack.settled();
  await h.deliver();
  const [row] = await h.db.dataSource.query(
    `SELECT number, location FROM ticket WHERE title = $1 ORDER BY id DESC LIMIT 1`,
    [title],
  );
  return { number: row.number, location: row.location };
}
