import { Writable } from 'node:stream';
import { createLogger } from '../../src/log';
import { startStaffedSlackHarness, TINA, type SlackHarness } from '../fakes/slack/harness';
import { buttonPress, openTicketAs, runCommand, viewSubmission } from '../fakes/slack/interactions';
import { storedState } from '../helpers/snapshot';

const CORA = { id: 'UCORA', name: 'Cora' };
const NEWCOMER = { id: 'UNEW', name: 'Newcomer' };

/** Inputs the fuzz suite found answered badly on Slack, each with the answer it now gets. */
describe('Slack: requests the helpdesk did not expect', () => {
  const errors: string[] = [];
  let h: SlackHarness;
  let ticket: number;

  beforeAll(async () => {
    const logger = createLogger(
      'error',
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          errors.push(JSON.parse(chunk.toString('utf8')).msg);
          done();
        },
      }),
    );
    h = await startStaffedSlackHarness({ logger });
    ({ number: ticket } = await openTicketAs(h, CORA, 'Printer jams'));
    errors.length = 0;
  });
  afterAll(async () => {
    await h?.close();
  });

  test('"add it to ticket #N" for a DM that is no longer there tells the person so, and stores nothing', async () => {
    const before = await storedState(h.db.dataSource);
    const res = await h.signer.interaction(
      buttonPress(
        CORA,
        { action_id: `dm_route_ticket:${ticket}`, block_id: 'route', value: `${ticket}|1700000000.000009` },
        'DUCORA',
        {
          ts: '1700000000.000010',
        },
      ),
    );
    expect(res.status).toBe(200);
    await h.slack.settled();
    const told = h.api.callsOf('chat.postMessage').at(-1)!.args;
    expect(told).toMatchObject({ channel: 'DUCORA' });
    expect(told.text).toContain('that message is no longer there');
    expect(await storedState(h.db.dataSource)).toEqual(before);
    expect(errors).toEqual([]);
  });

  test('the note form with an empty private_metadata is answered inline, not with a 500', async () => {
    const res = await h.signer.interaction(
      viewSubmission(TINA, 'internal_note', '', { note: { value: { type: 'plain_text_input', value: 'A note' } } }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ response_action: 'errors', errors: { note: expect.any(String) } });
    await h.slack.settled();
    expect(errors).toEqual([]);
  });

  test('a form submitted without its answers (view.state), or a button whose value is not text, is a 400 with nothing changed', async () => {
    const before = await storedState(h.db.dataSource);
    const submission = viewSubmission(CORA, 'ticket_form', '', {});
    delete (submission.view as { state?: unknown }).state;
    expect((await h.signer.interaction(submission)).status).toBe(400);
    const press = buttonPress(CORA, { action_id: 'guide_solved', block_id: 'b', value: 'x' }, 'DUCORA', { ts: '1.2' });
    (press.actions[0] as { value: unknown }).value = 1.5;
    expect((await h.signer.interaction(press)).status).toBe(400);
    await h.slack.settled();
    expect(await storedState(h.db.dataSource)).toEqual(before);
    expect(errors).toEqual([]);
  });

  test('App Home opened by no one (an event without a user) is ignored: nothing stored, nothing failed', async () => {
    const before = await storedState(h.db.dataSource);
    const res = await h.signer.event({ type: 'app_home_opened', channel: 'DUCORA', tab: 'home', event_ts: '1' });
    expect(res.status).toBeLessThan(500);
    await h.slack.settled();
    expect(await storedState(h.db.dataSource)).toEqual(before);
    expect(errors).toEqual([]);
  });

  test('asking what one may do (/helpdesk help) or being refused (/kb new) records nothing about a newcomer', async () => {
    const before = await storedState(h.db.dataSource);
    expect((await runCommand(h, NEWCOMER, '/kb', 'new')).text).toMatch(/only staff/i);
    expect((await runCommand(h, NEWCOMER, '/helpdesk', 'help')).text).toContain('What you can run');
    expect(await storedState(h.db.dataSource)).toEqual(before);
  });
});
