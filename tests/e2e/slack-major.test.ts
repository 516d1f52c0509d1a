import { buttonIn, buttonPress, openTicketAs, runCommand, ticketByNumber } from '../fakes/slack/interactions';
import { startStaffedSlackHarness, SUPPORT_CHANNEL, TINA, type SlackHarness } from '../fakes/slack/harness';

type User = { id: string; name: string };
const CUSTOMERS = [
  { id: 'UAMY', name: 'Amy' },
  { id: 'UBEN', name: 'Ben' },
  { id: 'UCAT', name: 'Cat' },
];
const DAN = { id: 'UDAN', name: 'Dan' };

let h: SlackHarness;

beforeAll(async () => {
  h = await startStaffedSlackHarness();
});
afterAll(async () => {
  await h?.close();
});

const ticketRow = (number: number) => ticketByNumber(h, number);

const run = (user: User, command: string, text = '') => runCommand(h, user, command, text);

const openIncident = async (user: User, title: string, description: string) =>
  (await openTicketAs(h, user, { title, description, impact: 'team', urgency: 'blocked' })).number;

const alerts = () =>
  h.api.messages.filter(
    (m) =>
      m.channel === SUPPORT_CHANNEL && !m.thread_ts && (m.text ?? '').match(/^(Possible major incident|Declared as)/),
  );

describe('major incidents in Slack', () => {
  let parentNumber: number;
  let numbers: number[];

  test('three look-alike incidents: the proposal is posted in the support channel, and edited as a fourth arrives; "Declare major incident" makes the parent, joins them, and the alert is redrawn without buttons', async () => {
    numbers = [
      await openIncident(
        CUSTOMERS[0],
        'Outlook cannot connect to the mail server',
        'Outlook says it cannot connect to the mail server since this morning.',
      ),
      await openIncident(
        CUSTOMERS[1],
        'Outlook cannot connect to mail server',
        'My Outlook cannot connect to the mail server.',
      ),
      await openIncident(
        CUSTOMERS[2],
        'Outlook can not connect to the mail server',
        'Outlook cannot connect to the mail server, mails stuck.',
      ),
    ];
    expect(alerts()).toHaveLength(1);
    expect(alerts()[0].text).toContain('3 reports from 3 customers');
    numbers.push(
      await openIncident(
        DAN,
        'Outlook cannot connect to the mail server!',
        'Outlook cannot connect to the mail server.',
      ),
    );
    expect(alerts()).toHaveLength(1);
    const alert = alerts()[0];
    expect(alert.text).toContain('4 reports from 4 customers');
    for (const n of numbers) expect(alert.text).toContain(`#${n}`);
    expect(buttonIn(alert.blocks, 'major_not_related')).toBeDefined();

    const declare = buttonPress(TINA, buttonIn(alert.blocks, 'major_declare'), SUPPORT_CHANNEL, alert);
    const ephemerals = h.api.callsOf('chat.postEphemeral').length;
    await h.signer.interaction(declare);
    await h.slack.settled();
    const parent = (await h.db.dataSource.query(`SELECT * FROM ticket WHERE is_major`))[0];
    expect(parent).toMatchObject({ priority: 'P1' });
    parentNumber = parent.number;
    const children = await h.db.dataSource.query(
      `SELECT number FROM ticket WHERE major_incident_id = $1 ORDER BY number`,
      [parent.id],
    );
    expect(children.map((c: { number: number }) => c.number)).toEqual(numbers);
    expect(
      h.api
        .callsOf('chat.postEphemeral')
        .slice(ephemerals)
        .map((c) => c.args.text),
    ).toEqual([`Major incident #${parentNumber} declared; its tickets joined it.`]);
    await h.deliver();
    const updated = h.api
      .callsOf('chat.update')
      .filter((c) => c.args.ts === alert.ts)
      .at(-1)!.args;
    expect(updated.text).toContain(`Declared as major incident #${parentNumber}`);
    expect(JSON.stringify(updated.blocks)).not.toContain('major_declare');

    // The same (old) button pressed again: refused privately, nothing more is declared.
    await h.signer.interaction(declare);
    await h.slack.settled();
    expect(h.api.callsOf('chat.postEphemeral').at(-1)!.args.text).toMatch(
      /^You can't do that: That proposal was already/,
    );
    expect((await h.db.dataSource.query(`SELECT count(*)::int AS n FROM ticket WHERE is_major`))[0].n).toBe(1);

    // The declaration itself reaches the support channel as a staff alert; each customer hears it is a known problem.
    await h.deliver();
    expect(
      h.api.messages.some(
        (m) =>
          m.channel === SUPPORT_CHANNEL &&
          m.text?.includes(`Major incident #${parentNumber}`) &&
          m.text.includes('declared'),
      ),
    ).toBe(true);
  });

  test('/tickets link N PARENT and /tickets unlink N by staff; a customer is refused', async () => {
    const other = await openIncident(DAN, 'Printer on floor 2 prints blank pages', 'Every page comes out empty.');
    const refused = await run(DAN, '/tickets', `link ${other} ${parentNumber}`);
    expect(refused.text).not.toContain('is now part of');
    expect((await ticketRow(other)).major_incident_id).toBeNull();

    const linked = await run(TINA, '/tickets', `link ${other} ${parentNumber}`);
    expect(linked).toEqual({
      response_type: 'ephemeral',
      text: `#${other} is now part of major incident #${parentNumber}.`,
    });
    const parentId = (await ticketRow(parentNumber)).id;
    expect((await ticketRow(other)).major_incident_id).toBe(parentId);
    expect((await run(TINA, '/tickets', `link ${other} ${numbers[0]}`)).text).toContain('not a major incident');

    const unlinked = await run(TINA, '/tickets', `unlink ${other}`);
    expect(unlinked.text).toContain(`#${other} is no longer part of a major incident`);
    expect((await ticketRow(other)).major_incident_id).toBeNull();
    expect((await run(TINA, '/tickets', `unlink ${other}`)).text).toContain('is not part of a major incident');
  });

  test('"Not related" beside one report takes it out of the alert; "Dismiss" closes the proposal', async () => {
    const titles = ['VPN drops every ten minutes', 'VPN drops every 10 minutes', 'The VPN drops every ten minutes'];
    const vpn: number[] = [];
    for (const [i, title] of titles.entries())
      vpn.push(await openIncident(CUSTOMERS[i], title, `${title} when working from home.`));
    const alert = alerts().at(-1)!;
    expect(alert.text).toContain('3 reports from 3 customers');
    // Each listed report has its own "Not related" beside it.
    const besideThird = (alert.blocks as Array<{ block_id?: string }>).find((x) => x.block_id?.endsWith(`:${vpn[2]}`))!;
    const notRelated = buttonIn([besideThird], 'major_not_related');
    await h.signer.interaction(buttonPress(TINA, notRelated, SUPPORT_CHANNEL, alert));
    await h.slack.settled();
    expect(h.api.callsOf('chat.postEphemeral').at(-1)!.args.text).toBe(`Noted: #${vpn[2]} is not related.`);
    await h.deliver();
    const redrawn = h.api.messages.find((m) => m.ts === alert.ts)!;
    expect(redrawn.text).toContain('2 reports from 2 customers');
    expect(redrawn.text).not.toContain(`#${vpn[2]} `);

    await h.signer.interaction(buttonPress(TINA, buttonIn(redrawn.blocks, 'major_dismiss'), SUPPORT_CHANNEL, redrawn));
    await h.slack.settled();
    await h.deliver();
    expect(h.api.messages.find((m) => m.ts === alert.ts)!.text).toContain('dismissed');
    expect((await h.db.dataSource.query(`SELECT count(*)::int AS n FROM ticket WHERE is_major`))[0].n).toBe(1);
  });
});
