import { ticketFormValues } from '../fakes/slack/interactions';
import { eventually } from '../delivery/support';
import { APP_TOKEN, startStaffedSlackHarness, SUPPORT_CHANNEL, TINA, type SlackHarness } from '../fakes/slack/harness';

const CARL = { id: 'UCARL', name: 'Carl' };

let h: SlackHarness;

beforeAll(async () => {
  h = await startStaffedSlackHarness({ socketMode: true });
});
afterAll(async () => {
  await h?.close();
});

const ticketByTitle = async (title: string) =>
  (await h.db.dataSource.query(`SELECT * FROM ticket WHERE title = $1`, [title]))[0];

describe('the Slack adapter over Socket Mode (SLACK_APP_TOKEN, no signing secret)', () => {
  test('connects through apps.connections.open with the app token; /ticket, the form and a staff reply arrive as envelopes and each is acked once', async () => {
    const sm = h.api.socketMode;
    const opens = h.api.callsOf('apps.connections.open');
    expect(opens).toHaveLength(1);
    expect(opens[0]!.token).toBe(APP_TOKEN);
    expect(sm.connectionCount).toBe(1);
    // Nothing came over plain HTTP: no signing secret is set, so /slack/events is not mounted.
    expect(h.api.callsOf('auth.test').every((c) => c.token === 'xoxb-test')).toBe(true);

    // /ticket: acked at once, then the form opens.
    const formsBefore = h.api.callsOf('views.open').length;
    const command = sm.command('/ticket', CARL);
    expect(await sm.ack(command)).toEqual({ envelope_id: command, payload: {} });
    const form = await eventually(() => h.api.callsOf('views.open')[formsBefore]);
    expect(form.args.trigger_id).toMatch(/^trigger-/);
    expect(form.args.view.callback_id).toBe('ticket_form');

    // The form's submission: acked, and the ticket is stored.
    const submission = sm.interaction({
      type: 'view_submission',
      user: { id: CARL.id, name: CARL.name, username: CARL.name, team_id: 'T1' },
      trigger_id: 'trigger-submit',
      view: {
        id: 'VFORM',
        type: 'modal',
        callback_id: 'ticket_form',
        private_metadata: form.args.view.private_metadata,
        hash: 'h',
        team_id: 'T1',
        app_id: 'A1',
        bot_id: 'BBOT',
        state: {
          values: ticketFormValues({ title: 'Socket printer jammed', description: 'It says E42', type: 'incident' }),
        },
      },
    });
    const submitted = await sm.ack(submission);
    expect(submitted.envelope_id).toBe(submission);
    expect(submitted.payload ?? {}).not.toHaveProperty('response_action');
    const row = await eventually(() => ticketByTitle('Socket printer jammed'));
    expect(row).toMatchObject({ status: 'open', platform: 'slack' });

    await h.deliver();
    const { location } = await ticketByTitle('Socket printer jammed');
    expect(location).toMatchObject({ slackChannel: SUPPORT_CHANNEL, slackDmChannel: 'DUCARL' });
    expect(h.api.messages.find((m) => m.ts === location.slackCardTs)!.text).toContain('Socket printer jammed');

    // Tina answers in the card's thread: an events_api envelope, acked; the reply reaches Carl's DM thread.
    const ts = h.api.nextTs();
    const reply = sm.event({
      type: 'message',
      channel: SUPPORT_CHANNEL,
      channel_type: 'channel',
      user: TINA.id,
      text: 'Which tray?',
      ts,
      thread_ts: location.slackCardTs,
      event_ts: ts,
    });
    expect(await sm.ack(reply)).toEqual({ envelope_id: reply, payload: {} });
    await eventually(
      async () => (await h.db.dataSource.query(`SELECT body FROM comment WHERE ticket_id = $1`, [row.id])).length > 0,
    );
    await h.deliver();
    expect(h.api.thread('DUCARL', location.slackDmThreadTs).at(-1)!.text).toBe('*Tina (support):* Which tray?');

    // Each envelope was acked exactly once, and the client sent nothing but acks.
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const id of [command, submission, reply]) expect(sm.acksOf(id)).toHaveLength(1);
    expect(sm.acks).toHaveLength(3);
    expect(sm.unexpected).toEqual([]);
  });

  test('a connection Slack closes (its routine refresh) is opened again, and envelopes flow on the new one', async () => {
    const sm = h.api.socketMode;
    const before = sm.connectionCount;
    sm.disconnectClients('refresh_requested');
    await eventually(() => sm.connectionCount === before + 1 && h.slack.status.state === 'connected', 10_000);
    await sm.connected();
    const command = sm.command('/tickets', CARL);
    expect(await sm.ack(command)).toMatchObject({ envelope_id: command });
  });
});
