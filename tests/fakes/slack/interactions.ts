import type { SlackHarness } from './harness';
import {
  buttonIn,
  buttonPress,
  ticketFormValues,
  viewSubmission,
  type TicketFormFields,
  type User,
} from '../../../src/simulator/slack/interactions';

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

/**
 * /ticket and its form by `user`, the card and DM delivered: the new ticket's number and where it lives.
 * A title alone opens an incident described 'Details', at the form's default impact and urgency.
 */
export async function openTicketAs(
  h: SlackHarness,
  user: User,
  opening: string | (Partial<TicketFormFields> & { title: string }),
): Promise<{ number: number; location: Record<string, string> }> {
  const fields = typeof opening === 'string' ? { title: opening } : opening;
  await runCommand(h, user, '/ticket');
  const form = h.api.callsOf('views.open').at(-1)!.args.view;
  const res = await h.signer.interaction(
    viewSubmission(
      user,
      'ticket_form',
      form.private_metadata,
      ticketFormValues({ description: 'Details', type: 'incident', ...fields }),
    ),
  );
  if (res.status !== 200) throw new Error(`the ticket form: HTTP ${res.status}`);
  await h.slack.settled();
  await h.deliver();
  const [row] = await h.db.dataSource.query(
    `SELECT number, location FROM ticket WHERE title = $1 ORDER BY id DESC LIMIT 1`,
    [fields.title],
  );
  return { number: row.number, location: row.location };
}

/**
 * The button `actionId` in `message`'s blocks pressed by `user`, as Slack sends it (a message the
 * fake does not hold, such as an ephemeral one, gets a fresh ts), once the adapter has settled: the
 * private answer the press caused, if any.
 */
export async function pressButton(
  h: SlackHarness,
  user: User,
  message: { blocks?: unknown; ts?: string; text?: string; thread_ts?: string; channel?: string },
  actionId: string,
  channel = message.channel ?? 'CGENERAL',
): Promise<string | undefined> {
  const ephemerals = h.api.callsOf('chat.postEphemeral').length;
  const pressed = { ts: message.ts ?? h.api.nextTs(), text: message.text, thread_ts: message.thread_ts };
  const res = await h.signer.interaction(buttonPress(user, buttonIn(message.blocks, actionId), channel, pressed));
  if (res.status !== 200) throw new Error(`${actionId}: HTTP ${res.status}`);
  await h.slack.settled();
  const answers = h.api.callsOf('chat.postEphemeral');
  return answers.length > ephemerals ? (answers.at(-1)!.args.text as string) : undefined;
}
