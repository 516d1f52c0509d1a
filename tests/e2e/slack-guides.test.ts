import { HOUR } from '../../src/core/clock';
import {
  buttonIn,
  runCommand,
  selected,
  shownView,
  submitView,
  ticketFormValues,
  useInView,
  type TicketFormFields,
} from '../fakes/slack/interactions';
import { ADMIN, startStaffedSlackHarness, SUPPORT_CHANNEL, TINA, type SlackHarness } from '../fakes/slack/harness';
import { storedState } from '../helpers/snapshot';

type User = { id: string; name: string };
type View = { callback_id?: string; private_metadata: string; blocks: Array<Record<string, any>>; id?: string };
const PIA = { id: 'UPIA', name: 'Pia' };
const OLE = { id: 'UOLE', name: 'Ole' };
const PRINTER_QUESTION = 'Which printer (the label on its front)?';

let h: SlackHarness;
let printing: number;
let phones: number;

beforeAll(async () => {
  h = await startStaffedSlackHarness();
  await h.helpdesk.knowledge.create(
    { platform: 'slack', userId: TINA.id },
    {
      title: 'Clearing a paper jam',
      body: 'Open the front door of the printer and pull the jammed paper out slowly.',
      visibility: 'public',
    },
  );
});
afterAll(async () => {
  await h?.close();
});

const run = (user: User, command: string, text = '') => runCommand(h, user, command, text);
const count = async (table: string) =>
  (await h.db.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
const text = (view: View) => JSON.stringify(view.blocks);

/** The modal as the person sees it now: the last view opened or updated (an answer's `response_action: update` is returned by `submit`). */
const shown = () => shownView(h) as View;
/** A view submitted (a form), and its answer: the JSON Slack would act on, or null (closed). */
const submit = (user: User, view: View, values: Record<string, unknown>) => submitView(h, user, view, values);
/** A control in the modal used (button or select), once the adapter has settled. */
const use = async (user: User, view: View, control: Parameters<typeof useInView>[3]) =>
  (await useInView(h, user, view, control)) as View;

const input = (value: string) => ({ value: { type: 'plain_text_input', value } });
const serviceForm = (fields: {
  name: string;
  coverage: string;
  description?: string;
  checks?: string;
  questions?: string;
}) => ({
  name: input(fields.name),
  description: input(fields.description ?? ''),
  coverage: { value: selected(fields.coverage) },
  checks: input(fields.checks ?? ''),
  questions: input(fields.questions ?? ''),
});

/** /ticket, the service picked, and the guided form submitted: the answer (the offer, the polite no, or inline errors). */
async function guide(
  user: User,
  service: string,
  fields: Omit<TicketFormFields, 'type'> & { type?: string },
  answers: string[] = [],
) {
  await run(user, '/ticket');
  const form = await use(user, shown(), { action_id: 'guide_pick', block_id: 'service', selected: service });
  const values = {
    ...ticketFormValues({ type: 'incident', ...fields }),
    ...Object.fromEntries(answers.map((a, i) => [`question:${i}`, input(a)])),
  };
  return { form, ...(await submit(user, form, values)) };
}

describe('the service catalog and creation guides in Slack', () => {
  test('an admin adds and edits services through the form (a supporter is refused, a bad field stays inline); list and remove answer privately', async () => {
    expect((await run(TINA, '/helpdesk', 'catalog add')).text).toContain('Only admins');
    const opened = h.api.callsOf('views.open').length;
    await run(ADMIN, '/helpdesk', 'catalog add');
    expect(h.api.callsOf('views.open')).toHaveLength(opened + 1);
    const form = shown();
    expect(form.callback_id).toBe('catalog_form');

    const printer = serviceForm({
      name: 'Printing',
      coverage: 'tier:2',
      description: 'Office printers',
      checks: 'Is the printer switched on?\n- Is there paper in the tray?',
      questions: PRINTER_QUESTION,
    });
    // The core authorises: a supporter's forged submission is refused in the form and adds nothing.
    expect((await submit(TINA, form, printer)).answer).toEqual({
      response_action: 'errors',
      errors: { name: expect.any(String) },
    });
    expect((await submit(ADMIN, form, { ...printer, name: input(' ') })).answer).toEqual({
      response_action: 'errors',
      errors: { name: expect.any(String) },
    });
    expect(h.helpdesk.catalog.snapshot()).toEqual([]);

    const saved = (await submit(ADMIN, form, printer)).answer;
    expect(saved.response_action).toBe('update');
    expect(JSON.stringify(saved.view)).toContain('Printing · covered, tier 2 · 2 checks, 1 question');
    printing = h.helpdesk.catalog.snapshot()[0].id;
    expect(h.helpdesk.catalog.snapshot()[0]).toMatchObject({
      checks: ['Is the printer switched on?', 'Is there paper in the tray?'],
      questions: [PRINTER_QUESTION],
      owningTier: 2,
    });
    await submit(ADMIN, form, serviceForm({ name: 'Private phones', coverage: 'none' }));
    phones = h.helpdesk.catalog.snapshot().find((s) => s.name === 'Private phones')!.id;
    await submit(ADMIN, form, serviceForm({ name: 'Fax', coverage: 'tier:1' }));

    await run(ADMIN, '/helpdesk', `catalog edit ${phones}`);
    const edit = shown();
    expect(text(edit)).toContain('"initial_value":"Private phones"');
    expect(JSON.stringify(edit.blocks.find((b) => b.block_id === 'coverage')!.element.initial_option)).toContain(
      '"none"',
    );
    await submit(
      ADMIN,
      edit,
      serviceForm({ name: 'Private phones', coverage: 'none', description: 'Your own mobile' }),
    );

    const fax = h.helpdesk.catalog.snapshot().find((s) => s.name === 'Fax')!.id;
    expect((await run(ADMIN, '/helpdesk', `catalog remove ${fax}`)).text).toContain('Fax (service');
    expect((await run(TINA, '/helpdesk', `catalog remove ${printing}`)).text).toContain('Only admins');
    const list = await run(ADMIN, '/helpdesk', 'catalog list');
    expect(list.response_type).toBe('ephemeral');
    expect(list.text).toBe(
      `${printing}. Printing · covered, tier 2 · 2 checks, 1 question\n   Office printers\n${phones}. Private phones · not covered\n   Your own mobile`,
    );
    expect((await run(ADMIN, '/helpdesk', 'help')).text).toContain('/helpdesk catalog');
  });

  test('/ticket opens the service select before any database call; staff opening for someone get the plain form', async () => {
    let apiCallsAtFirstQuery: number | null = null;
    const dataSource = h.db.dataSource;
    const original = dataSource.createQueryRunner.bind(dataSource);
    const spy = jest.spyOn(dataSource, 'createQueryRunner').mockImplementation((...args) => {
      apiCallsAtFirstQuery ??= h.api.calls.length;
      return original(...args);
    });
    try {
      await run(PIA, '/ticket');
    } finally {
      spy.mockRestore();
    }
    const openedAt = h.api.calls.findLastIndex((c) => c.method === 'views.open');
    expect(openedAt).toBeGreaterThanOrEqual(0);
    expect(apiCallsAtFirstQuery).toBeGreaterThan(openedAt);
    const select = shown().blocks.find((b) => b.block_id === 'service')!.accessory;
    expect(select.options.map((o: { value: string }) => o.value)).toEqual([
      String(printing),
      String(phones),
      'something-else',
    ]);

    await run(TINA, '/ticket', `<@${PIA.id}>`);
    expect(shown().callback_id).toBe('ticket_form');
  });

  test('the guide: the checks above the form and its question below; a bad field stays inline and nothing is stored', async () => {
    const drafts = await count('ticket_draft');
    const { form, answer } = await guide(PIA, String(printing), { title: ' ', description: 'x' }, ['PR-1']);
    expect(form.callback_id).toBe('guided_ticket_form');
    expect(text(form)).toContain('Is the printer switched on?');
    expect(form.blocks.find((b) => b.block_id === 'question:0')!.label.text).toBe(PRINTER_QUESTION);
    expect(answer).toEqual({ response_action: 'errors', errors: { title: expect.any(String) } });
    expect(await count('ticket_draft')).toBe(drafts);
  });

  test('a submitted form offers the matching article at once; "This solved it" counts a deflection and opens no ticket; a second press is refused in the modal', async () => {
    const tickets = await count('ticket');
    const { answer, ms } = await guide(
      PIA,
      String(printing),
      { title: 'Paper jam', description: 'The printer says paper jam in tray 2.' },
      ['PR-3-EAST'],
    );
    // The articles are the answer, so the draft is stored inside Slack's 3 s: well inside it.
    expect(ms).toBeLessThan(1500);
    if (process.env.SHOW_TIMES) console.log(`guided submission answered in ${ms.toFixed(0)} ms`);
    expect(answer.response_action).toBe('update');
    const offer: View = answer.view;
    expect(text(offer)).toContain('this article may already answer it');
    expect(text(offer)).toContain('Clearing a paper jam');

    const solved = buttonIn(offer.blocks, 'guide_solved');
    const thanked = await use(PIA, offer, solved);
    expect(text(thanked)).toContain('Glad that helped! No ticket was opened');
    const [draft] = await h.db.dataSource.query(
      `SELECT outcome, article_id, ticket_id FROM ticket_draft WHERE title = 'Paper jam'`,
    );
    expect(draft).toMatchObject({ outcome: 'deflected', ticket_id: null });
    expect(Number(draft.article_id)).toBe(Number(solved.value.split(':')[1]));
    expect(await count('ticket')).toBe(tickets);

    const again = await use(PIA, offer, solved);
    expect(again.blocks[0]).toMatchObject({ block_id: 'refused' });
    expect(text(again)).toContain('already answered by an article');
    expect(again.blocks.slice(1)).toEqual(offer.blocks);
    expect((await h.db.dataSource.query(`SELECT outcome FROM ticket_draft WHERE title = 'Paper jam'`))[0].outcome).toBe(
      'deflected',
    );
  });

  test('"Open the ticket" opens it with the answers in its description at the service\'s owning tier; the card and the DM go out', async () => {
    const { answer } = await guide(
      PIA,
      String(printing),
      { title: 'Printer shows error E-52', description: 'Nothing prints from the printer on the third floor.' },
      ['PR-3-WEST'],
    );
    const done = await use(PIA, answer.view, buttonIn(answer.view.blocks, 'guide_open'));
    const [ticket] = await h.db.dataSource.query(`SELECT * FROM ticket WHERE title = 'Printer shows error E-52'`);
    expect(text(done)).toContain(`Your ticket #${ticket.number} is open.`);
    expect(ticket).toMatchObject({ tier: 2, service_id: printing });
    expect(ticket.description).toBe(
      `Nothing prints from the printer on the third floor.\n\n${PRINTER_QUESTION}\nPR-3-WEST`,
    );
    await h.deliver();
    const [{ location }] = await h.db.dataSource.query(`SELECT location FROM ticket WHERE id = $1`, [ticket.id]);
    expect(h.api.messages.find((m) => m.channel === SUPPORT_CHANNEL && m.ts === location.slackCardTs)?.text).toContain(
      `#${ticket.number}`,
    );
    expect(location.slackDmChannel).toBe(`D${PIA.id}`);
    expect(
      h.api.messages.find((m) => m.channel === location.slackDmChannel && m.ts === location.slackDmThreadTs)?.text,
    ).toContain(`#${ticket.number}`);
  });

  test('with no matching article the ticket is opened right after the answer, and the modal then says its number', async () => {
    const { answer } = await guide(OLE, 'something-else', {
      title: 'VPN handshake fails',
      description: 'Wireguard handshake fails.',
    });
    expect(JSON.stringify(answer.view)).toContain('Opening your ticket');
    const [ticket] = await h.db.dataSource.query(
      `SELECT number, tier, service_id FROM ticket WHERE title = 'VPN handshake fails'`,
    );
    expect(ticket).toMatchObject({ tier: 1, service_id: null });
    expect(text(shown())).toContain(`Your ticket #${ticket.number} is open.`);
    expect(await h.db.dataSource.query(`SELECT outcome FROM ticket_draft WHERE title = 'VPN handshake fails'`)).toEqual(
      [{ outcome: 'opened' }],
    );
  });

  test('a service the helpdesk does not cover is declined with a pointer to the catalog (picked, or submitted after it stopped being covered)', async () => {
    const [catalog] = await h.db.dataSource.query(`SELECT id FROM article WHERE special = 'catalog'`);
    await run(PIA, '/ticket');
    const declined = await use(PIA, shown(), {
      action_id: 'guide_pick',
      block_id: 'service',
      selected: String(phones),
    });
    expect(text(declined)).toContain(
      `Sorry — Private phones is not something the helpdesk looks after, so no ticket was opened. See what the helpdesk covers with /kb read ${catalog.id}.`,
    );
    expect(declined).not.toHaveProperty('submit');

    // A form for a service that was covered when it was shown: declined on submission, and what was written kept.
    const metadata = JSON.stringify({ channel: 'CGENERAL', serviceId: phones, questions: [] });
    const { answer } = await submit(
      PIA,
      { callback_id: 'guided_ticket_form', private_metadata: metadata, blocks: [] },
      ticketFormValues({ title: 'My phone is slow', description: 'My own phone.', type: 'request' }),
    );
    expect(answer.response_action).toBe('update');
    expect(JSON.stringify(answer.view)).toContain('Sorry — Private phones');
    expect(await h.db.dataSource.query(`SELECT outcome FROM ticket_draft WHERE title = 'My phone is slow'`)).toEqual([
      { outcome: 'declined' },
    ]);
  });

  test('a customer who walks away is offered the form again by /ticket, can see it, and open it', async () => {
    const { answer } = await guide(OLE, 'something-else', {
      title: 'Printer jams all day',
      description: 'The paper jams in the printer every hour.',
    });
    expect(answer.response_action).toBe('update'); // offered, and left there
    h.clock.advance(3 * HOUR);

    await run(OLE, '/ticket');
    const first = shown();
    expect(text(first)).toContain('You have a form you did not finish: \\"Printer jams all day\\"');
    const [draft] = await h.db.dataSource.query(`SELECT id FROM ticket_draft WHERE title = 'Printer jams all day'`);
    expect(buttonIn(first.blocks, 'guide_open').value).toBe(draft.id);
    const again = await use(OLE, first, buttonIn(first.blocks, 'guide_show'));
    expect(text(again)).toContain('Printer jams all day');
    expect(text(again)).toContain('Clearing a paper jam');

    const done = await use(OLE, first, buttonIn(first.blocks, 'guide_open'));
    const [ticket] = await h.db.dataSource.query(
      `SELECT number, tier, service_id FROM ticket WHERE title = 'Printer jams all day'`,
    );
    expect(ticket).toMatchObject({ tier: 1, service_id: null });
    expect(text(done)).toContain(`Your ticket #${ticket.number} is open.`);
    await run(OLE, '/ticket');
    expect(text(shown())).not.toContain('did not finish');
  });

  test("someone else's form, or one that is not a form, is refused in the presser's modal and changes nothing", async () => {
    const { answer } = await guide(
      OLE,
      String(printing),
      { title: 'Toner streaks', description: 'The printer leaves streaks on the paper.' },
      ['PR-2'],
    );
    const offer: View = answer.view;
    const before = await storedState(h.db.dataSource);
    expect(before.ticket_draft).not.toHaveLength(0);

    const foreign = await use(PIA, offer, buttonIn(offer.blocks, 'guide_open'));
    expect(foreign.blocks[0].elements[0].text).toContain('That form is not known (it may belong to someone else).');
    const stolen = await use(PIA, offer, buttonIn(offer.blocks, 'guide_solved'));
    expect(stolen.blocks[0].elements[0].text).toContain('That form is not known');
    const forged = await use(PIA, offer, { action_id: 'guide_open', block_id: 'open', value: 'not-a-form' });
    expect(forged.blocks[0].elements[0].text).toContain('That form is not known (it may have expired)');
    expect(forged.blocks.filter((b) => b.block_id === 'refused')).toHaveLength(1);

    // ticket_draft is among the tables compared: the offered form is still there, unchanged.
    expect(await storedState(h.db.dataSource)).toEqual(before);
  });
});
