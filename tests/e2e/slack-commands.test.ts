import { openTicketAs, runCommand, ticketByNumber, viewSubmission as submission } from '../fakes/slack/interactions';
import { ADMIN, startStaffedSlackHarness, SUPPORT_CHANNEL, TINA, type SlackHarness } from '../fakes/slack/harness';

const CUSTOMER = { id: 'UCORA', name: 'Cora' };

let h: SlackHarness;

beforeAll(async () => {
  h = await startStaffedSlackHarness();
});
afterAll(async () => {
  await h?.close();
});

type User = { id: string; name: string };
const ticketRow = (number: number) => ticketByNumber(h, number);
const run = (user: User, command: string, text = '', channel = 'CGENERAL') =>
  runCommand(h, user, command, text, channel);

const kbValues = (a: { title: string; tags: string; body: string; visibility: string }) => ({
  title: { value: { type: 'plain_text_input', value: a.title } },
  tags: { value: { type: 'plain_text_input', value: a.tags } },
  body: { value: { type: 'plain_text_input', value: a.body } },
  visibility: {
    value: {
      type: 'static_select',
      selected_option: { value: a.visibility, text: { type: 'plain_text', text: a.visibility } },
    },
  },
});

const dmEvent = (user: { id: string }, text: string, extra: Record<string, unknown> = {}) => {
  const ts = h.api.nextTs();
  return {
    type: 'message',
    channel: `D${user.id}`,
    channel_type: 'im',
    user: user.id,
    text,
    ts,
    event_ts: ts,
    ...extra,
  };
};

describe('Slack commands, App Home, files and DMs, end to end through the fake Slack', () => {
  test('/kb new by staff opens the form; submitting it stores the article and /kb search finds it; /kb read shows it', async () => {
    await run(TINA, '/kb', 'new');
    const form = h.api.callsOf('views.open').at(-1)!;
    expect(form.args.view.callback_id).toBe('kb_form');
    expect(form.args.view.blocks.find((b: { block_id: string }) => b.block_id === 'body').element.max_length).toBe(
      3000,
    );
    const res = await h.signer.interaction(
      submission(
        TINA,
        'kb_form',
        form.args.view.private_metadata,
        kbValues({
          title: 'Resetting the printer',
          tags: 'printer, hardware',
          body: 'Hold the power button for ten seconds to reset the printer.',
          visibility: 'public',
        }),
      ),
    );
    expect(res.status).toBe(200);
    await h.slack.settled();
    const [article] = await h.db.dataSource.query(
      `SELECT id, title, tags, visibility FROM article WHERE title = 'Resetting the printer'`,
    );
    expect(article).toMatchObject({ tags: ['printer', 'hardware'], visibility: 'public' });

    const found = await run(CUSTOMER, '/kb', 'search printer reset');
    expect(found.response_type).toBe('ephemeral');
    expect(found.text).toContain(`${article.id}. Resetting the printer`);
    const read = await run(CUSTOMER, '/kb', `read ${article.id}`);
    expect(read.text).toContain('Hold the power button for ten seconds');

    // /kb edit prefills the form; a bad field comes back inline and changes nothing.
    await run(TINA, '/kb', `edit ${article.id}`);
    const edit = h.api.callsOf('views.open').at(-1)!;
    expect(edit.args.view.blocks.find((b: { block_id: string }) => b.block_id === 'title').element.initial_value).toBe(
      'Resetting the printer',
    );
    const bad = await h.signer.interaction(
      submission(
        TINA,
        'kb_form',
        edit.args.view.private_metadata,
        kbValues({ title: '   ', tags: '', body: 'x', visibility: 'public' }),
      ),
    );
    expect(await bad.json()).toEqual({ response_action: 'errors', errors: { title: "The title can't be empty" } });
    await h.slack.settled();
  });

  test("a customer's /kb new is refused privately and no form opens; an article over Slack's form limit is not edited in chat", async () => {
    const forms = h.api.callsOf('views.open').length;
    const refused = await run(CUSTOMER, '/kb', 'new');
    expect(refused).toMatchObject({
      response_type: 'ephemeral',
      text: "You can't do that: only staff can write knowledge-base articles.",
    });
    expect(h.api.callsOf('views.open')).toHaveLength(forms);

    const long = await h.helpdesk.knowledge.create(
      { platform: 'slack', userId: TINA.id },
      { title: 'The long one', body: 'word '.repeat(1000), visibility: 'staff' },
    );
    const answer = await run(TINA, '/kb', `edit ${long.id}`);
    expect(answer.text).toMatch(/can't be edited here without cutting it/);
    expect(h.api.callsOf('views.open')).toHaveLength(forms);
    const [kept] = await h.db.dataSource.query(`SELECT length(body)::int AS n FROM article WHERE id = $1`, [long.id]);
    expect(kept.n).toBe('word '.repeat(1000).trim().length);
  });

  test('/tickets transcript N uploads the transcript into the DM through getUploadURLExternal, the upload URL and completeUploadExternal', async () => {
    const { number } = await openTicketAs(h, CUSTOMER, 'Transcript me');
    const answer = await run(CUSTOMER, '/tickets', `transcript ${number}`);
    expect(answer.text).toContain('on its way');
    const asked = h.api.callsOf('files.getUploadURLExternal').at(-1)!;
    expect(asked.args.filename).toBe(`ticket-${number}.md`);
    const completed = h.api.callsOf('files.completeUploadExternal').at(-1)!;
    expect(completed.args.channel_id).toBe(`D${CUSTOMER.id}`);
    const fileId = completed.args.files[0].id as string;
    const bytes = h.api.uploads.get(fileId)!;
    expect(bytes.length).toBe(Number(asked.args.length));
    expect(bytes.toString('utf8')).toContain('Transcript me');

    // Someone else's ticket: refused in the answer, nothing uploaded.
    const uploads = h.api.uploads.size;
    const refused = await run({ id: 'UOTHER', name: 'other' }, '/tickets', `transcript ${number}`);
    expect(refused.text).not.toContain('on its way');
    expect(h.api.uploads.size).toBe(uploads);
  });

  test('/tickets priority N P1 by staff changes it; by a customer it is refused; /tickets search finds by words', async () => {
    const { number } = await openTicketAs(h, CUSTOMER, 'Scanner offline');
    const refused = await run(CUSTOMER, '/tickets', `priority ${number} P1`);
    expect(refused.response_type).toBe('ephemeral');
    expect((await ticketRow(number)).priority).not.toBe('P1');

    const done = await run(TINA, '/tickets', `priority ${number} p1`);
    expect(done.text).toBe(`#${number} is now P1.`);
    expect((await ticketRow(number)).priority).toBe('P1');

    const found = await run(TINA, '/tickets', 'search scanner');
    expect(found.text).toContain(`#${number} Scanner offline`);

    // Both mention forms are accepted.
    const toAdmin = await run(ADMIN, '/tickets', `assign ${number} <@${TINA.id}|tina>`);
    expect(toAdmin.text).toMatch(/already assigned|is now assigned/);
  });

  test('a mention <@U…|handle> never renames a person; the handle names only someone without a name', async () => {
    const personName = async (userId: string) =>
      (
        await h.db.dataSource.query(
          `SELECT p.display_name FROM person p JOIN identity i ON i.person_id = p.id WHERE i.platform = 'slack' AND i.platform_user_id = $1`,
          [userId],
        )
      )[0]?.display_name;
    const { number } = await openTicketAs(h, CUSTOMER, 'Mentioned by handle');
    expect(await personName(TINA.id)).toBe('Tina');
    await run(ADMIN, '/tickets', `assign ${number} <@${TINA.id}|tina.k>`);
    expect(await personName(TINA.id)).toBe('Tina');

    // Someone the helpdesk has never seen gets the handle until they say their own name.
    const NEWBIE = { id: 'UNEWBIE', name: 'Nora' };
    await run(ADMIN, '/helpdesk', `staff add <@${NEWBIE.id}|nora.h> 2`);
    expect(await personName(NEWBIE.id)).toBe('nora.h');
    await run(ADMIN, '/tickets', `assign ${number} <@${NEWBIE.id}|someone.else>`);
    expect(await personName(NEWBIE.id)).toBe('nora.h');
    await run(NEWBIE, '/tickets', `show ${number}`);
    expect(await personName(NEWBIE.id)).toBe('Nora');
    await run(ADMIN, '/helpdesk', `staff remove <@${NEWBIE.id}>`);
    await h.deliver();
  });

  test("app_home_opened publishes a customer's own tickets, and a supporter's assigned tickets (by priority) and the queue with Claim", async () => {
    const HUGO = { id: 'UHUGO', name: 'Hugo' };
    const first = await openTicketAs(h, HUGO, 'Home: older ticket');
    const second = await openTicketAs(h, HUGO, 'Home: urgent ticket');
    const published = h.api.callsOf('views.publish').length;
    await run(TINA, '/tickets', `priority ${second.number} P1`);
    await h.deliver(); // the card's redraw also asks for the Homes of the customer and the assignee
    await h.slack.settled();
    expect(
      h.api
        .callsOf('views.publish')
        .slice(published)
        .map((c) => c.args.user_id),
    ).toEqual(expect.arrayContaining([HUGO.id, TINA.id]));

    await h.signer.event({
      type: 'app_home_opened',
      user: HUGO.id,
      channel: `D${HUGO.id}`,
      tab: 'home',
      event_ts: '1.1',
    });
    await h.slack.settled();
    const customerHome = h.api.callsOf('views.publish').at(-1)!;
    expect(customerHome.args.user_id).toBe(HUGO.id);
    const customerText = JSON.stringify(customerHome.args.view.blocks);
    expect(customerText).toContain('Your tickets');
    expect(customerText).toContain('Home: older ticket');
    expect(customerText).not.toContain('Scanner offline');
    expect(customerText).not.toContain('ticket_claim');

    // Tina away: a new ticket waits in the queue.
    expect((await run(TINA, '/helpdesk', 'away on')).text).toContain('away');
    const queued = await openTicketAs(h, HUGO, 'Home: waiting in the queue');
    expect((await ticketRow(queued.number)).assignee_id).toBeNull();

    await h.signer.event({
      type: 'app_home_opened',
      user: TINA.id,
      channel: `D${TINA.id}`,
      tab: 'home',
      event_ts: '1.2',
    });
    await h.slack.settled();
    const staffHome = h.api.callsOf('views.publish').at(-1)!;
    expect(staffHome.args.user_id).toBe(TINA.id);
    const blocks = staffHome.args.view.blocks as Array<{
      block_id?: string;
      accessory?: { action_id: string; value: string };
    }>;
    const ids = blocks.map((b) => b.block_id ?? '');
    const mine = ids.filter((id) => id.startsWith('home:ticket:')).map((id) => Number(id.split(':')[2]));
    expect(mine).toEqual(expect.arrayContaining([first.number, second.number]));
    expect(mine.indexOf(second.number)).toBeLessThan(mine.indexOf(first.number)); // P1 first
    expect(ids.indexOf('home:section:mine')).toBeLessThan(ids.indexOf('home:section:queue'));
    const queueItem = blocks.find((b) => b.block_id === `home:queue:${queued.number}`)!;
    expect(queueItem.accessory).toMatchObject({ action_id: 'ticket_claim', value: String(queued.number) });

    expect((await run(TINA, '/helpdesk', 'away off')).text).toContain('back');
    await h.deliver();
  });

  test("a message with a file stores the file's bytes, downloaded with the bot token", async () => {
    const { number, location } = await openTicketAs(h, CUSTOMER, 'Here is a screenshot');
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5]);
    const url = h.api.serveFile('shot.png', bytes);
    const ts = h.api.nextTs();
    await h.signer.event({
      type: 'message',
      subtype: 'file_share',
      channel: location.slackDmChannel,
      channel_type: 'im',
      user: CUSTOMER.id,
      text: 'see attached',
      ts,
      thread_ts: location.slackDmThreadTs,
      event_ts: ts,
      files: [
        {
          id: 'F1',
          name: 'shot.png',
          mimetype: 'image/png',
          size: bytes.length,
          url_private: url,
          url_private_download: url,
        },
      ],
    });
    await h.slack.settled();
    const rows = await h.db.dataSource.query(
      `SELECT a.filename, a.data, a.size_bytes FROM attachment a JOIN comment c ON c.id = a.comment_id JOIN ticket t ON t.id = c.ticket_id WHERE t.number = $1`,
      [number],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].filename).toBe('shot.png');
    expect(Buffer.from(rows[0].data).equals(bytes)).toBe(true);
    expect(h.api.downloadAuth.at(-1)).toBe('Bearer xoxb-test');
  });

  test("a top-level DM goes to the customer's single open ticket; with several they are asked which; with none, a hint", async () => {
    const DORA = { id: 'UDORA', name: 'Dora' };
    // None yet: a hint to use /ticket, nothing stored.
    const ephemerals = h.api.callsOf('chat.postEphemeral').length;
    await h.signer.event(dmEvent(DORA, 'hello?'));
    await h.slack.settled();
    expect(
      h.api
        .callsOf('chat.postEphemeral')
        .slice(ephemerals)
        .map((c) => c.args.text),
    ).toEqual([expect.stringContaining('/ticket')]);

    const only = await openTicketAs(h, DORA, 'Dora: monitor dead');
    const event = dmEvent(DORA, 'It also smells burnt');
    h.api.addHumanMessage({ channel: event.channel, user: DORA.id, text: event.text });
    await h.signer.event(event);
    await h.slack.settled();
    const bodies = async (n: number) =>
      (
        await h.db.dataSource.query(
          `SELECT c.body FROM comment c JOIN ticket t ON t.id = c.ticket_id WHERE t.number = $1 ORDER BY c.id`,
          [n],
        )
      ).map((r: { body: string }) => r.body);
    expect(await bodies(only.number)).toEqual(['It also smells burnt']);
    await h.deliver();
    expect(
      h.api.thread(SUPPORT_CHANNEL, only.location.slackCardTs).filter((m) => m.text?.includes('smells burnt')),
    ).toHaveLength(1);

    // Two open tickets: a question with a button per ticket and "New ticket"; the choice stores the message there.
    const other = await openTicketAs(h, DORA, 'Dora: mouse dead');
    const stored = h.api.addHumanMessage({ channel: `D${DORA.id}`, user: DORA.id, text: 'Which one gets this?' });
    await h.signer.event({
      type: 'message',
      channel: stored.channel,
      channel_type: 'im',
      user: DORA.id,
      text: stored.text,
      ts: stored.ts,
      event_ts: stored.ts,
    });
    await h.slack.settled();
    const question = h.api.messages
      .filter((m) => m.channel === `D${DORA.id}` && m.text === 'Which ticket is this message about?')
      .at(-1)!;
    const buttons = (
      question.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>
    ).find((b) => b.type === 'actions')!.elements!;
    expect(buttons.map((b) => b.action_id)).toEqual(
      expect.arrayContaining([`dm_route_ticket:${only.number}`, `dm_route_ticket:${other.number}`, 'dm_route_new']),
    );
    const choice = buttons.find((b) => b.action_id === `dm_route_ticket:${other.number}`)!;
    await h.signer.interaction({
      type: 'block_actions',
      user: { id: DORA.id, name: DORA.name, username: DORA.name, team_id: 'T1' },
      trigger_id: 'trigger-route',
      container: { type: 'message', message_ts: question.ts, channel_id: question.channel, is_ephemeral: false },
      channel: { id: question.channel, name: 'dm' },
      message: { type: 'message', ts: question.ts, text: question.text },
      response_url: 'http://127.0.0.1:1/actions',
      actions: [
        {
          type: 'button',
          action_id: choice.action_id,
          block_id: `dm_route:${stored.ts}`,
          value: choice.value,
          action_ts: '1',
          text: { type: 'plain_text', text: 'x' },
        },
      ],
    });
    await h.slack.settled();
    expect(await bodies(other.number)).toEqual(['Which one gets this?']);
    expect(await bodies(only.number)).toEqual(['It also smells burnt']);
  });

  test('/helpdesk help lists only what this person may run', async () => {
    const customer = (await run(CUSTOMER, '/helpdesk', 'help')).text!;
    const admin = (await run(ADMIN, '/helpdesk', 'help')).text!;
    const supporter = (await run(TINA, '/helpdesk', 'help')).text!;
    expect(customer).toContain('/kb search');
    expect(customer).not.toContain('/kb new');
    expect(customer).not.toContain('/tickets priority');
    expect(customer).not.toContain('/helpdesk staff add');
    expect(supporter).toContain('/tickets priority');
    expect(supporter).not.toContain('/helpdesk staff add');
    expect(admin).toContain('/helpdesk staff add');
    expect(admin).toContain('/kb new');
    expect(admin).not.toEqual(customer);
    // A customer can't set anyone away.
    expect((await run(CUSTOMER, '/helpdesk', 'away on')).text).not.toContain('no new tickets');
  });
});
