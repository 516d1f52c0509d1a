import type { SlackHarness } from './harness';
import {
  buttonIn,
  buttonPress,
  ephemeralButtonPress,
  threadMessage,
  ticketFormValues,
  viewAction,
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

/** A modal as it is shown: its callback, metadata and blocks. */
export interface ShownView {
  id?: string;
  callback_id?: string;
  private_metadata: string;
  blocks: any[];
}

/** The modal the person sees now: the last view opened or updated. */
export function shownView(h: SlackHarness): ShownView {
  return h.api.calls.filter((c) => c.method === 'views.open' || c.method === 'views.update').at(-1)!.args.view;
}

/**
 * A view submitted with `values`, once the adapter has settled: the answer Slack would act on
 * (inline errors, an update), null when it closes; and how long the HTTP answer took.
 */
export async function submitView(
  h: SlackHarness,
  user: User,
  view: { callback_id?: string; private_metadata: string },
  values: Record<string, unknown>,
): Promise<{ answer: any; ms: number }> {
  const started = performance.now();
  const res = await h.signer.interaction(viewSubmission(user, view.callback_id!, view.private_metadata, values));
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`${view.callback_id}: HTTP ${res.status}`);
  const raw = await res.text();
  await h.slack.settled();
  return { answer: raw ? JSON.parse(raw) : null, ms };
}

/** A control in the modal used (a button, or a select picked), once the adapter has settled: the modal as shown then. */
export async function useInView(
  h: SlackHarness,
  user: User,
  view: Parameters<typeof viewAction>[1],
  control: Parameters<typeof viewAction>[2],
): Promise<ShownView> {
  await h.signer.interaction(viewAction(user, view, control));
  await h.slack.settled();
  return shownView(h);
}

/**
 * /ticket by `user` and its form submitted with `fields` (an incident described 'Details' unless
 * said), its deliveries out: the form, and the answer to the submission (null when accepted).
 */
export async function submitTicketForm(
  h: SlackHarness,
  user: User,
  fields: Partial<TicketFormFields> & { title: string },
): Promise<{ form: ShownView; answer: any }> {
  await runCommand(h, user, '/ticket');
  const form = h.api.callsOf('views.open').at(-1)!.args.view;
  const { answer } = await submitView(
    h,
    user,
    { callback_id: 'ticket_form', private_metadata: form.private_metadata },
    ticketFormValues({ description: 'Details', type: 'incident', ...fields }),
  );
  await h.deliver();
  return { form, answer };
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
  await submitTicketForm(h, user, fields);
  const [row] = await h.db.dataSource.query(
    `SELECT number, location FROM ticket WHERE title = $1 ORDER BY id DESC LIMIT 1`,
    [fields.title],
  );
  return { number: row.number, location: row.location };
}

/** A ticket's row as stored, by its number. */
export async function ticketByNumber(h: SlackHarness, number: number): Promise<Record<string, any>> {
  return (await h.db.dataSource.query(`SELECT * FROM ticket WHERE number = $1`, [number]))[0];
}

/** `user` writes `text` in a thread; the adapter stores it and the copies go out. The message's ts. */
export async function sayInThread(
  h: SlackHarness,
  user: { id: string },
  channel: string,
  threadTs: string,
  text: string,
): Promise<string> {
  const ts = h.api.nextTs();
  await h.signer.event(threadMessage(user, channel, threadTs, text, ts));
  await h.slack.settled();
  await h.deliver();
  return ts;
}

/** The button `actionId` under an ephemeral message (`said`, as chat.postEphemeral got it) pressed by `user`, once settled. */
export async function pressEphemeral(
  h: SlackHarness,
  user: User,
  said: Record<string, any>,
  actionId: string,
): Promise<void> {
  const res = await h.signer.interaction(
    ephemeralButtonPress(user, { blocks: said.blocks, channel: said.channel }, actionId),
  );
  if (res.status !== 200) throw new Error(`${actionId}: HTTP ${res.status}`);
  await h.slack.settled();
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
