import { t } from '../../src/core/texts';
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
  });
});
