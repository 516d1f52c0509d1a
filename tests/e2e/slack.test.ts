import {
  cardButtonPress,
  openTicketAs,
  selected,
  threadMessage,
  ticketByNumber,
  ticketFormValues,
  viewSubmission,
  type TicketFormFields,
} from '../fakes/slack/interactions';
import { ADMIN, startStaffedSlackHarness, SUPPORT_CHANNEL, TINA, type SlackHarness } from '../fakes/slack/harness';

const CARL = { id: 'UCARL', name: 'Carl' };

let h: SlackHarness;

beforeAll(async () => {
  h = await startStaffedSlackHarness();
});
afterAll(async () => {
  await h?.close();
});

const count = async (table: string) =>
  (await h.db.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
const ticketRow = (number: number) => ticketByNumber(h, number);

const formSubmission = (user: { id: string; name: string }, fields: TicketFormFields, privateMetadata = '{}') =>
  viewSubmission(user, 'ticket_form', privateMetadata, ticketFormValues(fields));

/** The escalation form as submitted with `chosen` (a Slack user id, or 'least'). */
const escalateSubmission = (user: { id: string; name: string }, form: { private_metadata: string }, chosen: string) =>
  viewSubmission(user, 'escalate_form', form.private_metadata, { to: { value: selected(chosen) } });

const message = (user: { id: string }, channel: string, threadTs: string, text: string, ts = h.api.nextTs()) =>
  threadMessage(user, channel, threadTs, text, ts);

describe('the Slack adapter, end to end through the fake Slack', () => {
  test('scenario 1: a customer opens a ticket, staff and customer talk across the channel thread and the DM thread, pending, reopened by the reply, resolved', async () => {
    const command = await h.signer.command('/ticket', CARL);
    expect(command.status).toBe(200);
    await h.slack.settled();
    const formCall = h.api.callsOf('views.open').at(-1)!;
    expect(formCall.args.trigger_id).toMatch(/^trigger-/);
    expect(formCall.args.view.callback_id).toBe('ticket_form');

    const submitted = await h.signer.interaction(
      formSubmission(
        CARL,
        { title: 'Printer jammed', description: 'It says E42', type: 'incident' },
        formCall.args.view.private_metadata,
      ),
    );
    expect(submitted.status).toBe(200);
    await h.slack.settled();
    const stored = await ticketRow(1);
    expect(stored).toMatchObject({ title: 'Printer jammed', status: 'open', platform: 'slack' });

    await h.deliver();
    const { location } = await ticketRow(1);
    expect(location).toMatchObject({ slackChannel: SUPPORT_CHANNEL, slackDmChannel: 'DUCARL' });
    const card = h.api.messages.find((m) => m.ts === location.slackCardTs)!;
    expect(card.text).toContain('#1 Printer jammed');
    expect(JSON.stringify(card.blocks)).toContain('ticket_claim');
    expect(h.api.callsOf('conversations.open').map((c) => c.args.users)).toContain(CARL.id);
    expect(h.api.thread('DUCARL', location.slackDmThreadTs).map((m) => m.text)).toEqual([
      expect.stringContaining('Your ticket #1 "Printer jammed" is open'),
    ]);

    // Tina (tier 1, auto-assigned) answers in the card's thread: it reaches the DM thread, and is not echoed in the channel.
    await h.signer.event(message(TINA, SUPPORT_CHANNEL, location.slackCardTs, 'Which tray?'));
    await h.slack.settled();
    await h.deliver();
    expect(h.api.thread('DUCARL', location.slackDmThreadTs).at(-1)!.text).toBe('*Tina (support):* Which tray?');
    expect(h.api.thread(SUPPORT_CHANNEL, location.slackCardTs).some((m) => m.text?.includes('Which tray?'))).toBe(
      false,
    );

    await h.signer.interaction(
      cardButtonPress(TINA, 'pending', 1, { channel: SUPPORT_CHANNEL, ts: location.slackCardTs }),
    );
    await h.slack.settled();
    expect((await ticketRow(1)).status).toBe('pending');
    await h.deliver();
    expect(
      h.api
        .callsOf('chat.update')
        .some((c) => c.args.ts === location.slackCardTs && JSON.stringify(c.args.blocks).includes('pending')),
    ).toBe(true);

    // Carl answers in his DM thread: open again, and the answer reaches the card's thread once.
    await h.signer.event(message(CARL, 'DUCARL', location.slackDmThreadTs, 'Tray 2'));
    await h.slack.settled();
    expect((await ticketRow(1)).status).toBe('open');
    await h.deliver();
    expect(
      h.api
        .thread(SUPPORT_CHANNEL, location.slackCardTs)
        .filter((m) => m.text?.includes('Tray 2'))
        .map((m) => m.text),
    ).toEqual(['*Carl (customer):* Tray 2']);
    expect(h.api.thread('DUCARL', location.slackDmThreadTs).some((m) => m.text?.includes('Tray 2'))).toBe(false);

    // Our own mirrored copy arriving as an event is not stored again.
    const copy = h.api.thread(SUPPORT_CHANNEL, location.slackCardTs).at(-1)!;
    await h.signer.event({
      ...message(TINA, SUPPORT_CHANNEL, location.slackCardTs, copy.text!, copy.ts),
      user: undefined,
      bot_id: 'BBOT',
      subtype: 'bot_message',
    });
    await h.slack.settled();

    await h.signer.interaction(
      cardButtonPress(TINA, 'resolve', 1, { channel: SUPPORT_CHANNEL, ts: location.slackCardTs }),
    );
    await h.slack.settled();
    expect(await ticketRow(1)).toMatchObject({ status: 'resolved', resolution: 'resolved_by_staff' });
    await h.deliver();
    expect(h.api.thread('DUCARL', location.slackDmThreadTs).at(-1)!.text).toContain('was resolved by support');
    const comments = await h.db.dataSource.query(`SELECT body FROM comment WHERE ticket_id = $1 ORDER BY id`, [
      stored.id,
    ]);
    expect(comments.map((c: { body: string }) => c.body)).toEqual(['Which tray?', 'Tray 2']);
  });

  test("a customer's reply in a DM thread resolved longer ago than REOPEN_DAYS opens a follow-up, and is its first comment in the new DM thread and card thread", async () => {
    const lena = { id: 'ULENA', name: 'Lena' };
    const old = await openTicketAs(h, lena, 'Scanner sends blank pages');
    await h.helpdesk.tickets.resolve(
      { platform: 'slack', userId: TINA.id, displayName: TINA.name },
      { ticketNumber: old.number },
    );
    await h.deliver();

    h.clock.advance(15 * 24 * 60 * 60 * 1000);
    const late = message(
      lena,
      old.location.slackDmChannel,
      old.location.slackDmThreadTs,
      'It is blank again since Monday.',
    );
    await h.signer.event(late);
    await h.slack.settled();
    await h.deliver();
    const [followUp] = await h.db.dataSource.query(
      `SELECT number, location FROM ticket WHERE title LIKE 'Follow-up to #' || $1 || ':%'`,
      [old.number],
    );
    expect((await ticketRow(old.number)).status).toBe('resolved');
    const place = followUp.location as Record<string, string>;
    expect(place.slackDmChannel).toBe(old.location.slackDmChannel);
    expect(place.slackDmThreadTs).not.toBe(old.location.slackDmThreadTs);
    // The new DM thread starts with the ticket, then the message that opened it; the card's thread has it too.
    expect(h.api.thread(place.slackDmChannel, place.slackDmThreadTs).map((m) => m.text)).toEqual([
      expect.stringContaining(`Your ticket #${followUp.number}`),
      '*Lena:* It is blank again since Monday.',
    ]);
    expect(
      h.api
        .thread(SUPPORT_CHANNEL, place.slackCardTs)
        .filter((m) => m.text?.includes('blank again'))
        .map((m) => m.text),
    ).toEqual(['*Lena (customer):* It is blank again since Monday.']);
    // The old DM thread holds the customer's own message only once (theirs), and says where it went.
    const oldThread = h.api.thread(old.location.slackDmChannel, old.location.slackDmThreadTs).map((m) => m.text ?? '');
    expect(oldThread.filter((t) => t.includes('blank again'))).toHaveLength(0);
    expect(oldThread).toEqual(
      expect.arrayContaining([expect.stringContaining(`opened a new ticket #${followUp.number}`)]),
    );
  });

  test('a bad signature and a 6-minute-old timestamp get 401 and store nothing', async () => {
    const before = await count('ticket');
    const calls = h.api.calls.length;
    const payload = formSubmission(CARL, { title: 'Forged', description: 'x', type: 'request' });
    expect((await h.signer.interaction(payload, { secret: 'wrong-secret' })).status).toBe(401);
    expect((await h.signer.interaction(payload, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 })).status).toBe(
      401,
    );
    expect((await h.signer.command('/ticket', CARL, '', 'CGENERAL', { secret: 'wrong-secret' })).status).toBe(401);
    await h.slack.settled();
    expect(await count('ticket')).toBe(before);
    expect(h.api.calls.length).toBe(calls);
  });

  test('an interaction no listener handles is answered 404 at once and changes nothing', async () => {
    const before = await count('ticket');
    const started = Date.now();
    const unknown = await h.signer.interaction({
      ...cardButtonPress(CARL, 'claim', 1, { channel: SUPPORT_CHANNEL, ts: '1.1' }),
      actions: [{ type: 'button', action_id: 'no_such_action', block_id: 'x', value: '1', action_ts: '1' }],
    });
    expect(unknown.status).toBe(404);
    expect(Date.now() - started).toBeLessThan(2000);
    await h.slack.settled();
    expect(await count('ticket')).toBe(before);
  });

  test('url_verification is answered with its challenge', async () => {
    const res = await h.signer.urlVerification('abc123');
    expect(await res.json()).toEqual({ challenge: 'abc123' });
  });

  test('an invalid form field comes back inline and nothing is stored', async () => {
    const before = await count('ticket');
    const res = await h.signer.interaction(
      formSubmission(CARL, { title: 'x'.repeat(101), description: 'fine', type: 'incident' }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      response_action: 'errors',
      errors: { title: 'The title is 101 characters; the limit is 100' },
    });
    const empty = await h.signer.interaction(
      formSubmission(CARL, { title: 'ok', description: '   ', type: 'incident' }),
    );
    expect(await empty.json()).toEqual({
      response_action: 'errors',
      errors: { description: "The description can't be empty" },
    });
    await h.slack.settled();
    expect(await count('ticket')).toBe(before);
  });

  test('an event Slack retries (same event_id, x-slack-retry-num) is stored once, also when the retry reaches a second instance', async () => {
    const { number, location } = await openTicketAs(h, CARL, 'VPN drops');
    const event = message(CARL, 'DUCARL', location.slackDmThreadTs, 'Every hour');
    await h.signer.event(event, { eventId: 'EvRETRY' });
    await h.signer.event(event, { eventId: 'EvRETRY', retryNum: 1 });
    await h.slack.settled();
    const second = await h.startInstance();
    await second.signer.event(event, { eventId: 'EvRETRY', retryNum: 2 });
    await h.slack.settled();
    await second.slack.settled();
    const rows = await h.db.dataSource.query(
      `SELECT c.body FROM comment c JOIN ticket t ON t.id = c.ticket_id WHERE t.number = $1`,
      [number],
    );
    expect(rows).toEqual([{ body: 'Every hour' }]);
    await h.deliver();
    expect(
      h.api.thread(SUPPORT_CHANNEL, location.slackCardTs).filter((m) => m.text?.includes('Every hour')),
    ).toHaveLength(1);
  });

  test('chat.postMessage answering 429 then succeeding delivers the message once', async () => {
    const { location } = await openTicketAs(h, CARL, 'Mail is slow');
    h.api.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 2 });
    await h.signer.event(message(TINA, SUPPORT_CHANNEL, location.slackCardTs, 'Since when?'));
    await h.slack.settled();
    const result = await h.deliver();
    expect(result.retried).toBeGreaterThanOrEqual(1);
    expect(
      h.api.thread('DUCARL', location.slackDmThreadTs).filter((m) => m.text?.includes('Since when?')),
    ).toHaveLength(1);
    const rows = await h.db.dataSource.query(`SELECT status FROM delivery WHERE status <> 'sent'`);
    expect(rows).toEqual([]);
  });

  test('a customer pressing a staff-only button is told privately and nothing changes', async () => {
    const { number, location } = await openTicketAs(h, CARL, 'Screen flickers');
    const ephemerals = h.api.callsOf('chat.postEphemeral').length;
    await h.signer.interaction(
      cardButtonPress(CARL, 'resolve', number, { channel: SUPPORT_CHANNEL, ts: location.slackCardTs }),
    );
    await h.slack.settled();
    expect((await ticketRow(number)).status).toBe('open');
    const told = h.api.callsOf('chat.postEphemeral').slice(ephemerals);
    expect(told).toHaveLength(1);
    expect(told[0].args).toMatchObject({ user: CARL.id, channel: SUPPORT_CHANNEL });
    expect(told[0].args.text).toMatch(/^You can't do that: /);
  });

  test('a customer pressing Escalate is told privately, gets no form, and a forged submission changes nothing', async () => {
    const { number, location } = await openTicketAs(h, CARL, 'Mouse double-clicks');
    const ephemerals = h.api.callsOf('chat.postEphemeral').length;
    const forms = h.api.callsOf('views.open').length;
    await h.signer.interaction(
      cardButtonPress(CARL, 'escalate', number, { channel: SUPPORT_CHANNEL, ts: location.slackCardTs }),
    );
    await h.slack.settled();
    expect(h.api.callsOf('views.open')).toHaveLength(forms);
    expect(
      h.api
        .callsOf('chat.postEphemeral')
        .slice(ephemerals)
        .map((c) => c.args),
    ).toEqual([expect.objectContaining({ user: CARL.id, text: expect.stringMatching(/^You can't do that: /) })]);
    const forged = await h.signer.interaction(
      escalateSubmission(CARL, { private_metadata: JSON.stringify({ ticketNumber: number }) }, 'least'),
    );
    expect(((await forged.json()) as { response_action?: string }).response_action).toBe('errors');
    await h.slack.settled();
    expect((await ticketRow(number)).tier).toBe(1);
  });

  test('/tickets escalate N @person names the next-tier supporter by command', async () => {
    const SAM = { id: 'USAM', name: 'Sam' };
    await h.helpdesk.staff.add(
      { platform: 'slack', userId: ADMIN.id },
      { person: { platform: 'slack', userId: SAM.id, displayName: SAM.name }, role: '2' },
    );
    const { number } = await openTicketAs(h, CARL, 'Projector flickers');
    const named = await h.signer.command('/tickets', TINA, `escalate ${number} <@${SAM.id}|sam>`, SUPPORT_CHANNEL);
    expect(await named.json()).toEqual({
      response_type: 'ephemeral',
      text: `#${number} is escalated to tier 2 and assigned to <@${SAM.id}>.`,
    });
    await h.slack.settled();
    expect(await ticketRow(number)).toMatchObject({ tier: 2 });
    await h.helpdesk.staff.remove(
      { platform: 'slack', userId: ADMIN.id },
      { person: { platform: 'slack', userId: SAM.id } },
    );
    await h.deliver();
  });

  test('an internal note from the message shortcut stays in the channel thread and never reaches the DM', async () => {
    const { number, location } = await openTicketAs(h, CARL, 'Keyboard missing keys');
    const dmBefore = h.api.thread('DUCARL', location.slackDmThreadTs).length;
    await h.signer.interaction({
      type: 'message_action',
      callback_id: 'add_internal_note',
      trigger_id: 'trigger-note',
      action_ts: '1',
      message_ts: location.slackCardTs,
      user: { id: TINA.id, name: TINA.name },
      channel: { id: SUPPORT_CHANNEL, name: 'support' },
      response_url: 'http://127.0.0.1:1/note',
      message: { type: 'message', ts: location.slackCardTs, text: 'card' },
    });
    await h.slack.settled();
    const form = h.api.callsOf('views.open').at(-1)!;
    expect(form.args.view.callback_id).toBe('internal_note');
    await h.signer.interaction({
      type: 'view_submission',
      user: { id: TINA.id, name: TINA.name },
      trigger_id: 't',
      view: {
        id: 'VNOTE',
        type: 'modal',
        callback_id: 'internal_note',
        private_metadata: form.args.view.private_metadata,
        hash: 'h',
        state: { values: { note: { value: { type: 'plain_text_input', value: 'Customer is on the old model' } } } },
      },
    });
    await h.slack.settled();
    await h.deliver();
    const notes = await h.db.dataSource.query(
      `SELECT c.kind, c.body FROM comment c JOIN ticket t ON t.id = c.ticket_id WHERE t.number = $1`,
      [number],
    );
    expect(notes).toEqual([{ kind: 'internal', body: 'Customer is on the old model' }]);
    expect(h.api.thread(SUPPORT_CHANNEL, location.slackCardTs).map((m) => m.text)).toContain(
      ':lock: *Internal note by Tina:* Customer is on the old model',
    );
    expect(h.api.thread('DUCARL', location.slackDmThreadTs)).toHaveLength(dmBefore);
    expect(h.api.messages.some((m) => m.channel.startsWith('D') && m.text?.includes('old model'))).toBe(false);
  });

  test('replies written while the app was down are fetched and stored on start', async () => {
    const { number, location } = await openTicketAs(h, CARL, 'Laptop fan loud');
    h.api.addHumanMessage({
      channel: 'DUCARL',
      thread_ts: location.slackDmThreadTs,
      user: CARL.id,
      text: 'Still loud while you were away',
    });
    const restarted = await h.startInstance();
    await restarted.slack.caughtUp();
    await restarted.slack.settled();
    const rows = await h.db.dataSource.query(
      `SELECT c.body FROM comment c JOIN ticket t ON t.id = c.ticket_id WHERE t.number = $1`,
      [number],
    );
    expect(rows).toEqual([{ body: 'Still loud while you were away' }]);
  });

  test('"Ticket from message" prefills the form and the ticket links back to the message', async () => {
    await h.signer.interaction({
      type: 'message_action',
      callback_id: 'ticket_from_message',
      trigger_id: 'trigger-from-message',
      action_ts: '1',
      message_ts: '1799999999.000001',
      user: { id: CARL.id, name: CARL.name },
      channel: { id: 'CGENERAL', name: 'general' },
      response_url: 'http://127.0.0.1:1/x',
      message: { type: 'message', ts: '1799999999.000001', text: 'Wifi down on floor 3\nSince 9 am', user: CARL.id },
    });
    await h.slack.settled();
    const form = h.api.callsOf('views.open').at(-1)!;
    expect(form.args.view.blocks[0].element.initial_value).toBe('Wifi down on floor 3');
    await h.signer.interaction(
      formSubmission(
        CARL,
        { title: 'Wifi down on floor 3', description: 'Since 9 am', type: 'incident' },
        form.args.view.private_metadata,
      ),
    );
    await h.slack.settled();
    const row = (await h.db.dataSource.query(`SELECT location FROM ticket WHERE title = 'Wifi down on floor 3'`))[0];
    expect(row.location).toMatchObject({ slackSourceChannel: 'CGENERAL', slackSourceTs: '1799999999.000001' });
  });

  test("scenario 2: tier 1 escalates with the card's Escalate button to the least-loaded tier 2, tier 2 picks a named tier-3 supporter, tier 3 resolves; the card is redrawn each time", async () => {
    const UMA = { id: 'UUMA', name: 'Uma' };
    const VIC = { id: 'UVIC', name: 'Vic' };
    const WES = { id: 'UWES', name: 'Wes' };
    const JO = { id: 'UJO', name: 'Jo' };
    for (const [person, role] of [
      [UMA, '2'],
      [VIC, '3'],
      [WES, '3'],
    ] as const) {
      await h.helpdesk.staff.add(
        { platform: 'slack', userId: ADMIN.id },
        { person: { platform: 'slack', userId: person.id, displayName: person.name }, role },
      );
    }
    const personId = async (user: { id: string }) =>
      (
        await h.db.dataSource.query(
          `SELECT person_id FROM identity WHERE platform = 'slack' AND platform_user_id = $1`,
          [user.id],
        )
      )[0].person_id as number;
    const { number, location } = await openTicketAs(h, JO, 'Server room too warm');
    const cardAt = { channel: SUPPORT_CHANNEL, ts: location.slackCardTs };
    expect(await ticketRow(number)).toMatchObject({ tier: 1, assignee_id: await personId(TINA) });
    const cardUpdates = () =>
      h.api
        .callsOf('chat.update')
        .filter((c) => c.args.channel === SUPPORT_CHANNEL && c.args.ts === location.slackCardTs);
    const lastCard = () => JSON.stringify(cardUpdates().at(-1)!.args.blocks);

    // Tier 1 (Tina, auto-assigned) presses Escalate on the card: a form asks who takes it at tier 2.
    let updates = cardUpdates().length;
    await h.signer.interaction(cardButtonPress(TINA, 'escalate', number, cardAt));
    await h.slack.settled();
    const firstForm = h.api.callsOf('views.open').at(-1)!.args;
    expect(firstForm.trigger_id).toBe('trigger-press');
    expect(firstForm.view.callback_id).toBe('escalate_form');
    const choices = (form: typeof firstForm) =>
      form.view.blocks[0].element.options.map((o: { value: string; text: { text: string } }) => [o.value, o.text.text]);
    expect(choices(firstForm)).toEqual([
      ['least', 'The least-loaded tier-2 supporter'],
      [UMA.id, expect.stringMatching(/^Uma \(\d+ open\)$/)],
    ]);
    expect((await ticketRow(number)).tier).toBe(1); // nothing changes until the choice is made
    // "The least-loaded": Uma (the only tier-2 supporter) takes it.
    const first = await h.signer.interaction(escalateSubmission(TINA, firstForm.view, 'least'));
    expect(first.status).toBe(200);
    expect(await first.text()).toBe('');
    await h.slack.settled();
    expect(await ticketRow(number)).toMatchObject({ tier: 2, assignee_id: await personId(UMA) });
    await h.deliver();
    // The escalation and its assignment each queue a redraw; the second would repeat the first and is skipped.
    expect(cardUpdates().length).toBe(updates + 1);
    expect(lastCard()).toContain('*Tier*\\n2');
    expect(lastCard()).toContain('*Assignee*\\nUma');
    expect(lastCard()).toContain('ticket_escalate');

    // Tina's form submitted again, now stale: Uma is not of tier 3, the next tier. Refused inline, nothing changes.
    const stale = await h.signer.interaction(escalateSubmission(TINA, firstForm.view, UMA.id));
    expect(await stale.json()).toEqual({
      response_action: 'errors',
      errors: { to: expect.stringContaining('not a tier-3 supporter') },
    });
    await h.slack.settled();
    expect(await ticketRow(number)).toMatchObject({ tier: 2, assignee_id: await personId(UMA) });

    // Tier 2 (Uma) escalates to a named tier-3 supporter, Wes.
    updates = cardUpdates().length;
    await h.signer.interaction(cardButtonPress(UMA, 'escalate', number, cardAt));
    await h.slack.settled();
    const secondForm = h.api.callsOf('views.open').at(-1)!.args;
    expect(choices(secondForm)).toEqual([
      ['least', 'The least-loaded tier-3 supporter'],
      [VIC.id, expect.stringMatching(/^Vic \(\d+ open\)$/)],
      [WES.id, expect.stringMatching(/^Wes \(\d+ open\)$/)],
    ]);
    await h.signer.interaction(escalateSubmission(UMA, secondForm.view, WES.id));
    await h.slack.settled();
    expect(await ticketRow(number)).toMatchObject({ tier: 3, assignee_id: await personId(WES) });
    await h.deliver();
    expect(cardUpdates().length).toBeGreaterThan(updates);
    expect(lastCard()).toContain('*Tier*\\n3');
    expect(lastCard()).toContain('*Assignee*\\nWes');
    // Tier 3 is the top: the card no longer offers Escalate, and pressing an old one is refused privately, no form.
    expect(lastCard()).not.toContain('ticket_escalate');
    const ephemerals = h.api.callsOf('chat.postEphemeral').length;
    const forms = h.api.callsOf('views.open').length;
    await h.signer.interaction(cardButtonPress(WES, 'escalate', number, cardAt));
    await h.slack.settled();
    expect(
      h.api
        .callsOf('chat.postEphemeral')
        .slice(ephemerals)
        .map((c) => c.args.text),
    ).toEqual([expect.stringMatching(/^You can't do that: .*tier 3/)]);
    expect(h.api.callsOf('views.open')).toHaveLength(forms);
    expect((await ticketRow(number)).tier).toBe(3);

    // Tier 3 (Wes) resolves from the card.
    updates = cardUpdates().length;
    await h.signer.interaction(cardButtonPress(WES, 'resolve', number, cardAt));
    await h.slack.settled();
    expect(await ticketRow(number)).toMatchObject({
      status: 'resolved',
      resolution: 'resolved_by_staff',
      tier: 3,
      assignee_id: await personId(WES),
    });
    await h.deliver();
    expect(cardUpdates().length).toBeGreaterThan(updates);
    expect(lastCard()).toContain('resolved');
    expect(lastCard()).not.toContain('ticket_resolve');
    expect(h.api.thread('DUJO', location.slackDmThreadTs).at(-1)!.text).toContain('was resolved by support');

    const { id } = await ticketRow(number);
    const history = await h.db.dataSource.query(
      `SELECT kind, data, actor_id FROM ticket_event WHERE ticket_id = $1 ORDER BY id`,
      [id],
    );
    expect(
      history.map((e: { kind: string; data: Record<string, unknown> }) => [
        e.kind,
        e.data.toTier ?? e.data.how ?? e.data.to ?? null,
      ]),
    ).toEqual([
      ['opened', null],
      ['assigned', 'auto'],
      ['escalated', 2],
      ['assigned', 'escalate'],
      ['escalated', 3],
      ['assigned', 'escalate'],
      ['status_changed', 'resolved'],
    ]);
    expect(
      history.filter((e: { kind: string }) => e.kind === 'escalated').map((e: { actor_id: number }) => e.actor_id),
    ).toEqual([await personId(TINA), await personId(UMA)]);
  });
});
