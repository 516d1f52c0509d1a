import { DAY } from '../../src/core/clock';
import { t } from '../../src/core/texts';
import { sendDueReminders } from '../../src/jobs/reminders';
import { buttonIn, buttonPress } from '../../src/simulator/slack/interactions';
import { runCommand, ticketFormValues, viewSubmission as submission } from '../fakes/slack/interactions';
import { startStaffedSlackHarness, SUPPORT_CHANNEL, TINA, type SlackHarness } from '../fakes/slack/harness';

/** A customer who reads Danish, in a helpdesk whose language (and so its staff's) is English. */
const METTE = { id: 'UMETTE', name: 'Mette' };

let h: SlackHarness;
beforeAll(async () => {
  h = await startStaffedSlackHarness();
});
afterAll(async () => {
  await h?.close();
});

const run = (user: { id: string; name: string }, command: string, text = '') => runCommand(h, user, command, text);

describe('Slack: a Danish customer reads Danish, staff read English', () => {
  test('/helpdesk language da, then the form, the opened notice and her list are in Danish; the staff card stays English', async () => {
    // Her Slack profile's time zone: the dates she reads are hers.
    h.api.timeZones.set(METTE.id, 'Europe/Copenhagen');
    const chosen = await run(METTE, '/helpdesk', 'language da');
    expect(chosen.text).toBe(t('da', 'people.languageSet'));

    await run(METTE, '/ticket');
    const form = h.api.callsOf('views.open').at(-1)!.args.view;
    expect(form.title.text).toBe('Opret en sag');
    expect(form.submit.text).toBe('Opret');
    const labels = form.blocks.map((b: { label?: { text: string } }) => b.label?.text);
    expect(labels).toEqual(['Titel', 'Beskrivelse', 'Type', 'Hvem er berørt?', 'Hvor meget hindrer det dit arbejde?']);
    const impact = form.blocks.find((b: { block_id: string }) => b.block_id === 'impact');
    expect(impact.element.options.map((o: { text: { text: string } }) => o.text.text)).toEqual([
      'Kun mig',
      'Mit team',
      'Alle',
    ]);

    const res = await h.signer.interaction(
      submission(
        METTE,
        'ticket_form',
        form.private_metadata,
        ticketFormValues({ title: 'Printeren er gået i stå', description: 'E42', type: 'incident' }),
      ),
    );
    expect(res.status).toBe(200);
    await h.slack.settled();
    await h.deliver();
    const row = (await h.db.dataSource.query(`SELECT * FROM ticket WHERE title = $1`, ['Printeren er gået i stå']))[0];
    const location = row.location as Record<string, string>;

    // Her notice, in her DM thread, in Danish.
    expect(h.api.thread(`D${METTE.id}`, location.slackDmThreadTs).map((m) => m.text)).toEqual([
      expect.stringContaining(t('da', 'ticket.opened', { number: row.number, title: 'Printeren er gået i stå' })),
    ]);
    // The staff card in the support channel: the helpdesk's language.
    const card = h.api.messages.find((m) => m.channel === SUPPORT_CHANNEL && m.ts === location.slackCardTs)!;
    expect(JSON.stringify(card.blocks)).toContain('"Claim"');

    const list = await run(METTE, '/tickets');
    expect(list.text).toContain('*Dine sager*');
    // Tina reads her answers in English.
    const staffList = await run(TINA, '/tickets', 'list queue');
    expect(staffList.text).toContain('*The queue (unassigned)*');

    // The card at the top of her DM thread: her status line and her button in Danish.
    const dmCard = h.api.messages.find((m) => m.channel === `D${METTE.id}` && m.ts === location.slackDmThreadTs)!;
    expect(JSON.stringify(dmCard.blocks)).toContain('Svar i denne tråd for at skrive med support.');
    expect(JSON.stringify(dmCard.blocks)).toContain('"Det er løst"');
    expect(dmCard.text).toContain('Din sag #');

    // Pending, the reminder, resolved and the rating: each written in Danish when it is sent.
    const tina = { platform: 'slack' as const, userId: TINA.id };
    const dm = () => h.api.thread(`D${METTE.id}`, location.slackDmThreadTs);
    await h.helpdesk.tickets.setPending(tina, { ticketNumber: row.number });
    await h.deliver();
    expect(dm().at(-1)!.text).toContain(t('da', 'ticket.pending', { number: row.number }));
    h.clock.advance(3 * DAY);
    await sendDueReminders(h.helpdesk.ctx, h.clock.now());
    await h.deliver();
    const reminder = dm().at(-1)!.text as string;
    expect(reminder).toMatch(new RegExp(`^Påmindelse: support venter stadig på dit svar på #${row.number}\\.`));
    // The day it closes, in her time zone (Slack's users.info gave it).
    expect(h.api.callsOf('users.info').some((c) => c.args.user === METTE.id)).toBe(true);
    await h.helpdesk.tickets.resolve(tina, { ticketNumber: row.number });
    await h.deliver();
    const resolved = dm().at(-1)!;
    expect(resolved.text).toContain(`Din sag #${row.number} er løst af support.`);
    expect(resolved.text).toContain('tryk Genåbn');
    await h.signer.interaction(
      buttonPress(METTE, buttonIn(resolved.blocks, 'rate_5'), `D${METTE.id}`, {
        ts: resolved.ts,
        text: resolved.text,
        thread_ts: location.slackDmThreadTs,
      }),
    );
    await h.slack.settled();
    const rated = h.api
      .callsOf('chat.update')
      .filter((c) => c.args.ts === resolved.ts)
      .at(-1)!.args;
    expect(rated.text).toContain(`Tak! Du gav #${row.number} 5/5.`);
    expect(JSON.stringify(rated.blocks)).toContain('"Tilføj en kommentar"');
    // The staff card, redrawn resolved, still reads English.
    const staffCard = h.api
      .callsOf('chat.update')
      .filter((c) => c.args.ts === location.slackCardTs)
      .at(-1)!.args;
    expect(JSON.stringify(staffCard.blocks)).toContain('resolved (resolved by support)');
  });

  test("her form's inline errors are in Danish, and a refused form stores nothing", async () => {
    await run(METTE, '/helpdesk', 'language da');
    await run(METTE, '/ticket');
    const form = h.api.callsOf('views.open').at(-1)!.args.view;
    const before = await h.db.dataSource.query(`SELECT count(*)::int AS n FROM ticket`);
    const res = await h.signer.interaction(
      submission(
        METTE,
        'ticket_form',
        form.private_metadata,
        ticketFormValues({ title: '   ', description: 'x'.repeat(5), type: 'incident' }),
      ),
    );
    const said = (await res.json()) as { response_action: string; errors: Record<string, string> };
    expect(said.response_action).toBe('errors');
    expect(said.errors.title).toBe(t('da', 'validation.empty', { field: t('da', 'validation.field.title') }));
    await h.slack.settled();
    expect(await h.db.dataSource.query(`SELECT count(*)::int AS n FROM ticket`)).toEqual(before);
  });
});
