import {
  buttonIn,
  buttonPress,
  openTicketAs,
  runCommand,
  submitTicketForm,
  ticketByNumber,
  viewSubmission,
  type TicketFormFields,
} from '../fakes/slack/interactions';
import { ADMIN, startStaffedSlackHarness, SUPPORT_CHANNEL, TINA, type SlackHarness } from '../fakes/slack/harness';

type User = { id: string; name: string };
const PIA = { id: 'UPIA', name: 'Pia' };
const OLE = { id: 'UOLE', name: 'Ole' };

let h: SlackHarness;

beforeAll(async () => {
  h = await startStaffedSlackHarness();
});
afterAll(async () => {
  await h?.close();
});

const ticketRow = (number: number) => ticketByNumber(h, number);

const run = (user: User, command: string, text = '') => runCommand(h, user, command, text);

/** /ticket, then the form submitted with `fields`; the answer to the submission (null when accepted). */
const submitForm = (user: User, fields: Partial<TicketFormFields> & { title: string }) =>
  submitTicketForm(h, user, fields);

const cardBlocks = (location: Record<string, string>) => {
  const updates = h.api.callsOf('chat.update').filter((c) => c.args.ts === location.slackCardTs);
  return JSON.stringify(
    updates.length > 0
      ? updates.at(-1)!.args.blocks
      : h.api.messages.find((m) => m.ts === location.slackCardTs)!.blocks,
  );
};

describe('priorities, SLA and ratings in Slack', () => {
  test('the form asks impact and urgency; everyone + blocked makes a P1, shown on the card with its SLA, drawn once', async () => {
    const { form } = await submitForm(PIA, { title: 'Nobody can log in', impact: 'everyone', urgency: 'blocked' });
    const selects = form.blocks.filter((b: { block_id: string }) => ['impact', 'urgency'].includes(b.block_id));
    expect(
      selects.map((b: { element: { options: Array<{ value: string }> } }) => b.element.options.map((o) => o.value)),
    ).toEqual([
      ['individual', 'team', 'everyone'],
      ['can_work', 'degraded', 'blocked'],
    ]);
    const row = (await h.db.dataSource.query(`SELECT * FROM ticket WHERE title = 'Nobody can log in'`))[0];
    expect(row).toMatchObject({ priority: 'P1', impact: 'everyone', urgency: 'blocked' });
    const card = cardBlocks(row.location);
    expect(card).toContain('*Priority*\\nP1 critical');
    expect(card).toContain('*SLA*\\nfirst response due');
    expect((await run(TINA, '/tickets', `show ${row.number}`)).text).toContain(
      'P1 critical · tier 1 · SLA: first response due',
    );
    // The opening drew both cards: a redraw queued with nothing changed (as when one change queues several) repeats neither.
    await h.db.dataSource.query(
      `INSERT INTO delivery (platform, destination, kind, payload, ticket_id, not_before, created_at) VALUES ('slack', $1, 'ticket.card', '{}', $2, $3, $3)`,
      [`ticket:${row.id}`, row.id, h.clock.now()],
    );
    await h.deliver();
    expect(
      (
        await h.db.dataSource.query(`SELECT status FROM delivery WHERE kind = 'ticket.card' AND ticket_id = $1`, [
          row.id,
        ])
      ).map((d: { status: string }) => d.status),
    ).toEqual(['sent']);
    expect(
      h.api
        .callsOf('chat.update')
        .filter((c) => [row.location.slackCardTs, row.location.slackDmThreadTs].includes(c.args.ts)),
    ).toHaveLength(0);
  });

  test('a missing urgency or an unknown impact comes back inline in the form, and nothing is stored', async () => {
    const before = (await h.db.dataSource.query(`SELECT count(*)::int AS n FROM ticket`))[0].n;
    const missing = await submitForm(PIA, { title: 'Half a form', impact: 'team', urgency: null });
    expect(missing.answer).toEqual({ response_action: 'errors', errors: { urgency: expect.any(String) } });
    const bad = await submitForm(PIA, { title: 'Bad impact', impact: 'galaxy', urgency: 'blocked' });
    expect(bad.answer).toEqual({
      response_action: 'errors',
      errors: { impact: 'Choose who is affected: Just me, My team or Everyone' },
    });
    expect((await h.db.dataSource.query(`SELECT count(*)::int AS n FROM ticket`))[0].n).toBe(before);
  });

  test("App Home lists a supporter's tickets by priority, then the SLA due soonest (a stopped clock last), then age, with the due time", async () => {
    const paused = await openTicketAs(h, OLE, {
      title: 'Home: older, then pending',
      impact: 'team',
      urgency: 'degraded',
    });
    h.clock.advance(60_000);
    const running = await openTicketAs(h, OLE, {
      title: 'Home: newer, clock running',
      impact: 'team',
      urgency: 'degraded',
    });
    const urgent = await openTicketAs(h, OLE, { title: 'Home: urgent', impact: 'everyone', urgency: 'degraded' });
    await h.signer.interaction(
      buttonPress(
        TINA,
        { action_id: 'ticket_pending', block_id: `buttons:${paused.number}`, value: String(paused.number) },
        SUPPORT_CHANNEL,
        { ts: paused.location.slackCardTs },
      ),
    );
    await h.slack.settled();
    expect((await ticketRow(paused.number)).status).toBe('pending');

    await h.signer.event({
      type: 'app_home_opened',
      user: TINA.id,
      channel: `D${TINA.id}`,
      tab: 'home',
      event_ts: '2.1',
    });
    await h.slack.settled();
    const blocks = h.api
      .callsOf('views.publish')
      .filter((c) => c.args.user_id === TINA.id)
      .at(-1)!.args.view.blocks as Array<{ block_id?: string; text?: { text: string } }>;
    const mine = blocks
      .filter((b) => b.block_id?.startsWith('home:ticket:'))
      .map((b) => Number(b.block_id!.split(':')[2]));
    const order = [urgent.number, running.number, paused.number];
    expect(mine.filter((n) => order.includes(n))).toEqual(order);
    expect(blocks.find((b) => b.block_id === `home:ticket:${running.number}`)!.text!.text).toMatch(/due <!date\^\d+\^/);
    expect(blocks.find((b) => b.block_id === `home:ticket:${paused.number}`)!.text!.text).not.toContain('due');
  });

  test('resolved: 1–5 under the notice in the DM; a rating pressed twice counts once; the comment form; the card shows the rating', async () => {
    const { number, location } = await openTicketAs(h, PIA, {
      title: 'Printer offline',
      impact: 'individual',
      urgency: 'degraded',
    });
    await h.signer.interaction(
      buttonPress(
        TINA,
        { action_id: 'ticket_resolve', block_id: `buttons:${number}`, value: String(number) },
        SUPPORT_CHANNEL,
        { ts: location.slackCardTs },
      ),
    );
    await h.slack.settled();
    await h.deliver();
    const notice = h.api.thread(location.slackDmChannel, location.slackDmThreadTs).at(-1)!;
    expect(notice.text).toContain('was resolved by support');
    expect(JSON.stringify(notice.blocks)).toContain('rate_5');

    const rate = (score: number) =>
      buttonPress(PIA, buttonIn(notice.blocks, `rate_${score}`), location.slackDmChannel, notice);
    await h.signer.interaction(rate(4));
    await h.slack.settled();
    const thanked = h.api
      .callsOf('chat.update')
      .filter((c) => c.args.ts === notice.ts)
      .at(-1)!.args;
    expect(thanked.text).toContain(`Thank you! You rated #${number} 4/5.`);
    expect(JSON.stringify(thanked.blocks)).not.toContain('rate_');

    // An old copy of the buttons pressed again: refused privately, still one rating of 4.
    const ephemerals = h.api.callsOf('chat.postEphemeral').length;
    await h.signer.interaction(rate(1));
    await h.slack.settled();
    expect(
      h.api
        .callsOf('chat.postEphemeral')
        .slice(ephemerals)
        .map((c) => c.args.text),
    ).toEqual([`You already rated #${number} 4/5; thank you.`]);
    const { id } = await ticketRow(number);
    expect(await h.db.dataSource.query(`SELECT score FROM rating WHERE ticket_id = $1`, [id])).toEqual([{ score: 4 }]);

    // "Add a comment": the form opens; an empty comment stays in it; a comment is stored.
    await h.signer.interaction(
      buttonPress(PIA, buttonIn(thanked.blocks, 'rating_comment'), location.slackDmChannel, { ts: notice.ts }),
    );
    await h.slack.settled();
    const form = h.api.callsOf('views.open').at(-1)!.args.view;
    expect(form.callback_id).toBe('rating_comment_form');
    const comment = (text: string) =>
      viewSubmission(PIA, 'rating_comment_form', form.private_metadata, {
        comment: { value: { type: 'plain_text_input', value: text } },
      });
    expect(await (await h.signer.interaction(comment('  '))).json()).toEqual({
      response_action: 'errors',
      errors: { comment: expect.any(String) },
    });
    expect(await (await h.signer.interaction(comment('Quick and kind'))).text()).toBe('');
    await h.slack.settled();
    expect(await h.db.dataSource.query(`SELECT score, comment FROM rating WHERE ticket_id = $1`, [id])).toEqual([
      { score: 4, comment: 'Quick and kind' },
    ]);

    await h.deliver();
    expect(cardBlocks(location)).toContain('*Rating*\\n★★★★☆ (4/5)');
    expect(cardBlocks(location)).toContain('*SLA*\\nmet');
  });

  test('/helpdesk sla: an admin shows and sets targets, hours and holidays; a supporter is refused', async () => {
    const shown = await run(ADMIN, '/helpdesk', 'sla');
    expect(shown.response_type).toBe('ephemeral');
    expect(shown.text).toContain('P1 critical: first response within 1h, resolved within 4h');
    const set = await run(ADMIN, '/helpdesk', 'sla set P1 30m -');
    expect(set.text).toContain('P1 critical: first response within 30m, resolved within 4h');
    const hours = await run(ADMIN, '/helpdesk', 'sla hours Mon-Fri 08:00-16:00 Europe/Copenhagen');
    expect(hours.text).toContain('business hours');
    const holiday = await run(ADMIN, '/helpdesk', 'sla holiday add 2026-12-24');
    expect(holiday.text).toContain('2026-12-24');
    expect((await run(ADMIN, '/helpdesk', 'sla hours off')).text).toContain('around the clock');
    expect((await run(ADMIN, '/helpdesk', 'sla set P1 soon')).text).toContain('"soon"');

    const refused = await run(TINA, '/helpdesk', 'sla set P1 5m');
    expect(refused.text).not.toContain('Targets');
    expect((await run(ADMIN, '/helpdesk', 'sla')).text).toContain('P1 critical: first response within 30m');
  });

  test('/helpdesk stats [7d|30d] for admins, privately; help lists it for admins only', async () => {
    const week = await run(ADMIN, '/helpdesk', 'stats');
    expect(week.response_type).toBe('ephemeral');
    expect(week.text).toContain('Helpdesk figures for the last 7 days');
    expect(week.text).toContain('By priority');
    expect(week.text).toMatch(/rating 4\/5 \(1\)/);
    expect((await run(ADMIN, '/helpdesk', 'stats 30d')).text).toContain('last 30 days');
    expect((await run(ADMIN, '/helpdesk', 'stats 1y')).text).toContain('7d or 30d');
    expect((await run(PIA, '/helpdesk', 'stats')).text).not.toContain('Helpdesk figures');
    expect((await run(ADMIN, '/helpdesk', 'help')).text).toContain('/helpdesk stats');
    const supporterHelp = (await run(TINA, '/helpdesk', 'help')).text;
    expect(supporterHelp).not.toContain('/helpdesk stats');
    expect(supporterHelp).toContain('/tickets link N PARENT');
  });
});
