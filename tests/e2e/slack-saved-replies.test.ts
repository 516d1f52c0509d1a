import {
  buttonIn,
  buttonPress,
  openTicketAs,
  runCommand,
  viewAction,
  viewSubmission,
  type User,
} from '../fakes/slack/interactions';
import { ADMIN, startStaffedSlackHarness, SUPPORT_CHANNEL, TINA, type SlackHarness } from '../fakes/slack/harness';

/** Saved replies on Slack, through the real Bolt app and the fake Slack: kept by admins, sent from the card by staff. */
const CARL = { id: 'UCARL', name: 'Carl' };

let h: SlackHarness;
beforeAll(async () => {
  h = await startStaffedSlackHarness();
});
afterAll(async () => {
  await h?.close();
});

const lastView = (method = 'views.open') => h.api.callsOf(method).at(-1)!.args.view;
const stored = async () =>
  h.db.dataSource.query(`SELECT name, body, uses FROM saved_reply WHERE archived_at IS NULL ORDER BY name`);

async function submitReplyForm(user: User, metadata: string, name: string, text: string) {
  const res = await h.signer.interaction(
    viewSubmission(user, 'saved_reply_form', metadata, {
      name: { value: { value: name } },
      text: { value: { value: text } },
    }),
  );
  await h.slack.settled();
  return res.status === 200 ? await res.text() : `HTTP ${res.status}`;
}

describe('/helpdesk replies: admins keep the saved replies', () => {
  test('an admin adds, lists, edits and removes replies through the form', async () => {
    const opened = h.api.callsOf('views.open').length;
    await runCommand(h, ADMIN, '/helpdesk', 'replies add');
    expect(h.api.callsOf('views.open')).toHaveLength(opened + 1);
    const form = lastView();
    expect(form.callback_id).toBe('saved_reply_form');
    expect(form.blocks.map((b: any) => b.element.max_length)).toEqual([40, 2000]);
    await submitReplyForm(
      ADMIN,
      form.private_metadata,
      'Restart',
      'Hi {customer}, please restart ({title}, #{number}).',
    );
    await submitReplyForm(ADMIN, '{}', 'Other', 'Hello {customer}, {assignee} has it.');
    await submitReplyForm(ADMIN, '{}', 'Gone soon', 'Bye');

    const list = await runCommand(h, ADMIN, '/helpdesk', 'replies list');
    expect(list.text).toContain('*Restart* (sent 0 times): Hi {customer}, please restart');

    await runCommand(h, ADMIN, '/helpdesk', 'replies edit restart');
    const edit = lastView();
    expect(JSON.parse(edit.private_metadata)).toEqual({ name: 'Restart' });
    expect(edit.blocks[1].element.initial_value).toBe('Hi {customer}, please restart ({title}, #{number}).');
    await submitReplyForm(
      ADMIN,
      edit.private_metadata,
      'Restart',
      'Hi {customer}, please restart the PC ({title}, #{number}).',
    );

    const removed = await runCommand(h, ADMIN, '/helpdesk', 'replies remove Gone soon');
    expect(removed.text).toBe('Saved reply "Gone soon" is removed.');
    expect((await stored()).map((r: { name: string }) => r.name)).toEqual(['Other', 'Restart']);
  });

  test('a supporter is told only admins keep them, before any form, and a forged form stores nothing', async () => {
    const opened = h.api.callsOf('views.open').length;
    const answer = await runCommand(h, TINA, '/helpdesk', 'replies add');
    expect(answer.text).toBe("You can't do that: only admins keep the saved replies.");
    expect(h.api.callsOf('views.open')).toHaveLength(opened);
    const forged = await submitReplyForm(TINA, '{}', 'Sneaky', 'Not mine to add');
    expect(forged).toContain('errors');
    expect((await stored()).map((r: { name: string }) => r.name)).toEqual(['Other', 'Restart']);
    const list = await runCommand(h, TINA, '/helpdesk', 'replies list');
    expect(list.text).toMatch(/^You can't do that/);
  });
});

describe('the card\'s "Saved reply" button', () => {
  test('staff pick a reply, see it filled in, change it, and send it: the customer reads it in their DM thread', async () => {
    const { number } = await openTicketAs(h, CARL, 'Printer prints blank pages');
    const card = h.api.messages.find(
      (m) => m.channel === SUPPORT_CHANNEL && JSON.stringify(m.blocks ?? '').includes(`"buttons:${number}"`),
    )!;
    const button = buttonIn(card.blocks, 'saved_reply');
    expect(button.value).toBe(String(number));

    await h.signer.interaction(buttonPress(TINA, button, SUPPORT_CHANNEL, { ts: card.ts }));
    await h.slack.settled();
    const form = lastView();
    expect(form.callback_id).toBe('saved_reply_send');
    expect(form.blocks[0].element.options.map((o: any) => o.value)).toEqual(['Other', 'Restart']);
    expect(form.blocks[1].element.initial_value).toBe('Hello Carl, Tina has it.');

    // Another reply picked: its text, filled in, replaces the one shown.
    await h.signer.interaction(
      viewAction(TINA, form, { action_id: 'saved_reply_choose', block_id: 'reply', selected: 'Restart' }),
    );
    await h.slack.settled();
    const redrawn = lastView('views.update');
    const filled = `Hi Carl, please restart the PC (Printer prints blank pages, #${number}).`;
    expect(redrawn.blocks[1]).toMatchObject({ block_id: 'text:Restart', element: { initial_value: filled } });

    const sent = `${filled} Then try again.`;
    const res = await h.signer.interaction(
      viewSubmission(TINA, 'saved_reply_send', redrawn.private_metadata, {
        reply: { saved_reply_choose: { type: 'static_select', selected_option: { value: 'Restart' } } },
        'text:Restart': { value: { type: 'plain_text_input', value: sent } },
      }),
    );
    expect(res.status).toBe(200);
    await h.slack.settled();
    await h.deliver();
    const [comment] = await h.db.dataSource.query(
      `SELECT c.body, i.platform_user_id AS author FROM comment c JOIN ticket t ON t.id = c.ticket_id
       JOIN identity i ON i.person_id = c.author_id WHERE t.number = $1`,
      [number],
    );
    expect(comment).toEqual({ body: sent, author: TINA.id });
    const dm = h.api
      .callsOf('chat.postMessage')
      .find((c) => c.args.channel === `D${CARL.id}` && c.args.text?.includes(sent));
    expect(dm?.args).toMatchObject({ username: 'Tina', thread_ts: expect.any(String) });
    expect((await stored()).find((r: { name: string }) => r.name === 'Restart').uses).toBe(1);
    const stats = await runCommand(h, ADMIN, '/helpdesk', 'stats');
    expect(stats.text).toContain('Restart: 1 time');
  });

  test('a customer pressing it (a forged press) is refused privately and no form opens', async () => {
    const { number } = await openTicketAs(h, CARL, 'Mouse lags');
    const opened = h.api.callsOf('views.open').length;
    const ephemerals = h.api.callsOf('chat.postEphemeral').length;
    await h.signer.interaction(
      buttonPress(
        CARL,
        { action_id: 'saved_reply', block_id: `buttons:${number}`, value: String(number) },
        `D${CARL.id}`,
        {
          ts: h.api.nextTs(),
        },
      ),
    );
    await h.slack.settled();
    expect(h.api.callsOf('views.open')).toHaveLength(opened);
    expect(
      h.api
        .callsOf('chat.postEphemeral')
        .slice(ephemerals)
        .map((c) => c.args.text),
    ).toEqual([expect.stringMatching(/^You can't do that/)]);
  });
});
