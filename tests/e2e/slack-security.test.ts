import {
  openTicketAs,
  pressButton,
  runCommand,
  threadMessage,
  ticketFormValues,
  viewSubmission,
} from '../fakes/slack/interactions';
import { homeView } from '../../src/bots/slack/home';
import { startStaffedSlackHarness, SUPPORT_CHANNEL, TINA, type SlackHarness } from '../fakes/slack/harness';
import type { ActorRef } from '../../src/core/services/people';
import { storedState } from '../helpers/snapshot';

/** The helpdesk's promises about who may do what, kept on Slack end to end (the real Bolt against the fake). */
let h: SlackHarness;

beforeAll(async () => {
  h = await startStaffedSlackHarness();
});
afterAll(async () => {
  await h?.close();
});

const MALLORY = { id: 'UMALLORY', name: 'mallory' };
const onDiscord = (id: string, name: string): ActorRef => ({ platform: 'discord', userId: id, displayName: name });
describe('Slack: link codes', () => {
  test('a code redeemed on Discord joins nothing until its Slack owner presses Confirm in a private prompt naming the redeemer', async () => {
    const given = await runCommand(h, TINA, '/helpdesk', 'link');
    const code = /\*([A-Z0-9]{8})\*/.exec(given.text!)![1];
    expect(await h.helpdesk.staff.link(onDiscord('tina-d', 'Tina D'), { code })).toEqual({
      awaitingConfirmation: 'slack',
    });
    await h.deliver();
    const prompt = h.api.messages.filter((m) => m.channel === `D${TINA.id}`).at(-1)!;
    expect(prompt.text).toContain('Tina D on Discord used your link code');
    expect((await h.helpdesk.staff.whoAmI(onDiscord('tina-d', 'Tina D'))).role).toBe('customer');

    await pressButton(h, TINA, prompt, 'link_confirm');
    expect((await h.helpdesk.staff.whoAmI(onDiscord('tina-d', 'Tina D'))).role).toBe('supporter');
    const answered = h.api.messages.find((m) => m.ts === prompt.ts)!;
    expect(answered.text).toContain('Linked');
    expect(answered.blocks).toEqual([]);
  });

  test("a Slack /helpdesk link refuses a wrong-platform code in the words it uses for an unknown one; someone else's press is refused", async () => {
    const { code } = (await h.helpdesk.staff.link({ platform: 'slack', userId: 'UADMIN' }, {})) as { code: string };
    const here = await runCommand(h, MALLORY, '/helpdesk', `link ${code}`);
    const unknown = await runCommand(h, MALLORY, '/helpdesk', 'link NOSUCH99');
    expect(here.text).toBe(unknown.text);
    await h.helpdesk.staff.link(onDiscord('mallory-d', 'Mallory'), { code });
    await h.deliver();
    const prompt = h.api.messages.filter((m) => m.channel === 'DUADMIN').at(-1)!;
    await pressButton(h, MALLORY, prompt, 'link_confirm');
    expect((await h.helpdesk.staff.whoAmI(onDiscord('mallory-d', 'Mallory'))).role).toBe('customer');
    await pressButton(h, { id: 'UADMIN', name: 'admin' }, prompt, 'link_refuse');
    expect((await h.helpdesk.staff.whoAmI(onDiscord('mallory-d', 'Mallory'))).role).toBe('customer');
    expect(h.api.messages.find((m) => m.ts === prompt.ts)!.text).toContain('Refused');
  });
});

describe("Slack: people's text never becomes a mention or a disguised link", () => {
  const EVIL = '<!channel> <!here> <@UADMIN> <https://evil.example|Reset your password>';
  const CUSTOMER = { id: 'UEVE', name: 'eve' };
  /** Every piece of a message Slack parses as mrkdwn: its text and its blocks' mrkdwn texts. */
  const mrkdwnOf = (message: { text?: string; blocks?: unknown }) => {
    const texts: string[] = [message.text ?? ''];
    JSON.stringify(message.blocks ?? [], (key, value) => {
      if (value && typeof value === 'object' && (value as { type?: string }).type === 'mrkdwn')
        texts.push(String((value as { text: string }).text));
      return value;
    });
    return texts.join('\n');
  };
  // Our own `<!date^…>` formatting is the one token the helpdesk writes on purpose.
  const LIVE = /<(?:!(?!date\^)|@|#)|<https?:/;
  let number: number;
  let location: Record<string, string>;

  beforeAll(async () => {
    ({ number, location } = await openTicketAs(h, CUSTOMER, EVIL));
  });

  test('card: the title is shown escaped in the support channel card and the DM card', async () => {
    const card = h.api.messages.find((m) => m.channel === SUPPORT_CHANNEL && m.ts === location.slackCardTs)!;
    const dmCard = h.api.messages.find((m) => m.ts === location.slackDmThreadTs)!;
    for (const message of [card, dmCard]) {
      expect(mrkdwnOf(message)).not.toMatch(LIVE);
      expect(mrkdwnOf(message)).toContain('&lt;!channel&gt; &lt;!here&gt; &lt;@UADMIN&gt;');
    }
  });

  test('alerts: a staff alert naming the title pings no one', async () => {
    const [ticket] = await h.db.dataSource.query(`SELECT id FROM ticket WHERE number = $1`, [number]);
    await h.db.dataSource.query(
      `INSERT INTO delivery (platform, destination, kind, payload, ticket_id, not_before, created_at)
       VALUES ('slack', 'staff', 'staff.alert', $1, $2, '2000-01-01', '2000-01-01')`,
      [
        JSON.stringify({ text: `SLA breached: ticket #${number} "${EVIL}" missed its target.`, ticketId: ticket.id }),
        ticket.id,
      ],
    );
    await h.deliver();
    const alert = h.api.messages.filter((m) => m.channel === SUPPORT_CHANNEL && !m.thread_ts).at(-1)!;
    expect(alert.text).toContain('SLA breached');
    expect(mrkdwnOf(alert)).not.toMatch(LIVE);
  });

  test("DM mirror: a customer's <!here> reply reaches the staff thread as words, and is not escaped twice", async () => {
    const res = await h.signer.event(
      threadMessage(
        CUSTOMER,
        location.slackDmChannel,
        location.slackDmThreadTs,
        '<!here> &lt;b&gt; see <@UTINA|tina>',
        '1700000100.000100',
      ),
    );
    expect(res.status).toBe(200);
    await h.slack.settled();
    await h.deliver();
    const copy = h.api.messages
      .filter((m) => m.channel === SUPPORT_CHANNEL && m.thread_ts === location.slackCardTs)
      .at(-1)!;
    expect(copy.text).toContain('@here &lt;b&gt; see @tina');
    expect(mrkdwnOf(copy)).not.toMatch(LIVE);
  });

  test("App Home: the customer's list shows the title escaped", async () => {
    const home = await homeView({ helpdesk: h.helpdesk }, CUSTOMER.id);
    expect(mrkdwnOf(home)).not.toMatch(LIVE);
    expect(mrkdwnOf(home)).toContain('&lt;!here&gt;');
  });

  test("transcripts: a Slack reply's tokens read as words in the file, and no answer about it carries a live token", async () => {
    const answer = await runCommand(h, CUSTOMER, '/tickets', `transcript ${number}`);
    expect(answer.text).not.toMatch(LIVE);
    const completed = h.api.callsOf('files.completeUploadExternal').at(-1)!;
    const content = h.api.uploads.get(completed.args.files[0].id as string)!.toString('utf8');
    expect(content).toContain('@here <b> see @tina');
    expect(content).not.toContain('<!here> &lt;b&gt;');
    const shown = await runCommand(h, CUSTOMER, '/tickets', `show ${number}`);
    expect(shown.text).not.toMatch(LIVE);
  });
});

describe('Slack: shared files', () => {
  const CUSTOMER = { id: 'UFRAN', name: 'fran' };
  let elsewhere: import('node:http').Server;
  const asked: Array<string | undefined> = [];
  let elsewhereUrl: string;

  beforeAll(async () => {
    const http = await import('node:http');
    elsewhere = http.createServer((req, res) => {
      asked.push(req.headers.authorization);
      res.writeHead(200).end('not yours');
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as import('node:net').AddressInfo).port}/files-pri/T1-F9/x.png`;
  });
  afterAll(async () => {
    elsewhere.closeAllConnections();
    await new Promise((resolve) => elsewhere.close(resolve));
  });

  const share = async (location: Record<string, string>, files: unknown[]) => {
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
      files,
    });
    await h.slack.settled();
  };
  const attachments = async (number: number) =>
    h.db.dataSource.query(
      `SELECT a.filename, a.data, a.source_url FROM attachment a JOIN comment c ON c.id = a.comment_id JOIN ticket t ON t.id = c.ticket_id WHERE t.number = $1 ORDER BY a.id`,
      [number],
    );

  test('a file whose download link points at another host is kept as its link; that host never sees the bot token', async () => {
    const { number, location } = await openTicketAs(h, CUSTOMER, 'A file from elsewhere');
    await share(location, [
      {
        id: 'F9',
        name: 'x.png',
        mimetype: 'image/png',
        size: 9,
        url_private: elsewhereUrl,
        url_private_download: elsewhereUrl,
      },
    ]);
    expect(asked).toEqual([]);
    const [row] = await attachments(number);
    expect(row.data).toBeNull();
    expect(row.source_url).toBe(elsewhereUrl);
  });

  test('an external file (a Google Drive link) is not downloaded: its link is kept', async () => {
    const { number, location } = await openTicketAs(h, CUSTOMER, 'An external file');
    const served = h.api.serveFile('plan.gdoc', Buffer.from('doc'));
    const downloads = h.api.downloadAuth.length;
    await share(location, [
      {
        id: 'F10',
        name: 'plan.gdoc',
        mode: 'external',
        is_external: true,
        external_type: 'gdrive',
        size: 3,
        url_private: served,
        url_private_download: served,
        permalink: 'https://docs.google.com/document/d/1',
      },
    ]);
    expect(h.api.downloadAuth.length).toBe(downloads);
    const [row] = await attachments(number);
    expect(row.data).toBeNull();
    expect(row.source_url).toBe(served);
  });
});

describe('Slack: replayed requests', () => {
  const CUSTOMER = { id: 'UREPLAY', name: 'replay' };
  const ticketsTitled = async (title: string) =>
    (await h.db.dataSource.query(`SELECT count(*)::int AS n FROM ticket WHERE title = $1`, [title]))[0].n as number;

  test('a signed view_submission replayed within the window opens one ticket, on whichever instance it lands', async () => {
    await runCommand(h, CUSTOMER, '/ticket');
    const form = h.api.callsOf('views.open').at(-1)!.args.view;
    const submission = viewSubmission(
      CUSTOMER,
      'ticket_form',
      form.private_metadata,
      ticketFormValues({ title: 'Replayed form', description: 'Once only', type: 'incident' }),
    );
    (submission.view as Record<string, unknown>).id = 'VREPLAY1';
    const timestamp = Math.floor(Date.now() / 1000);
    const second = await h.startInstance();
    for (const signer of [h.signer, h.signer, second.signer, second.signer]) {
      const res = await signer.interaction(submission, { timestamp });
      expect(res.status).toBe(200);
    }
    await h.slack.settled();
    await second.slack.settled();
    expect(await ticketsTitled('Replayed form')).toBe(1);
  });

  test('the same form sent again as a new request (corrected after an inline error) is not taken for a replay', async () => {
    await runCommand(h, CUSTOMER, '/ticket');
    const form = h.api.callsOf('views.open').at(-1)!.args.view;
    const submit = async (title: string, timestamp: number) => {
      const submission = viewSubmission(
        CUSTOMER,
        'ticket_form',
        form.private_metadata,
        ticketFormValues({ title, description: 'Details', type: 'incident' }),
      );
      (submission.view as Record<string, unknown>).id = 'VREPLAY2';
      const res = await h.signer.interaction(submission, { timestamp });
      await h.slack.settled();
      return res;
    };
    const now = Math.floor(Date.now() / 1000);
    const refused = (await (await submit(' ', now)).json()) as { response_action?: string };
    expect(refused.response_action).toBe('errors');
    await submit('Corrected form', now + 1);
    expect(await ticketsTitled('Corrected form')).toBe(1);
  });
});

describe('Slack: malformed requests', () => {
  const USER = { id: 'UFUZZ', name: 'fuzz', username: 'fuzz', team_id: 'T1' };
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const view = (extra: Record<string, unknown>) => ({
    id: 'VFUZZ',
    type: 'modal',
    callback_id: 'ticket_form',
    hash: 'h1',
    private_metadata: '{}',
    state: { values: {} },
    ...extra,
  });
  const cases: Array<[string, string, string]> = [
    ['a JSON null body', 'null', 'application/json'],
    ['a JSON array body', '[1,2]', 'application/json'],
    ['a JSON null payload', form({ payload: 'null' }), 'application/x-www-form-urlencoded'],
    ['a payload that is a string', form({ payload: '"hi"' }), 'application/x-www-form-urlencoded'],
    [
      'a view_closed without a view',
      form({ payload: JSON.stringify({ type: 'view_closed', user: USER }) }),
      'application/x-www-form-urlencoded',
    ],
    [
      'a view_submission without a user',
      form({ payload: JSON.stringify({ type: 'view_submission', user: null, view: view({}) }) }),
      'application/x-www-form-urlencoded',
    ],
    [
      'a view_submission with malformed private_metadata',
      form({
        payload: JSON.stringify({ type: 'view_submission', user: USER, view: view({ private_metadata: '{not json' }) }),
      }),
      'application/x-www-form-urlencoded',
    ],
    [
      'a block_actions with a null channel and no actions',
      form({ payload: JSON.stringify({ type: 'block_actions', user: USER, channel: null, actions: null }) }),
      'application/x-www-form-urlencoded',
    ],
    ['a command with no user', form({ command: '/ticket', text: '' }), 'application/x-www-form-urlencoded'],
    [
      'an event_callback without an event',
      JSON.stringify({ type: 'event_callback', event_id: 'Ev1' }),
      'application/json',
    ],
    [
      'an event with a null user and channel',
      JSON.stringify({
        type: 'event_callback',
        event_id: 'Ev2',
        event: { type: 'message', user: null, channel: null, ts: '1.1' },
      }),
      'application/json',
    ],
    [
      'an unknown payload type',
      form({ payload: JSON.stringify({ type: 'no_such_thing', user: USER }) }),
      'application/x-www-form-urlencoded',
    ],
  ];

  test.each(cases)('%s gets a 400 or 404 and changes nothing', async (_name, body, contentType) => {
    const before = await storedState(h.db.dataSource);
    const res = await h.signer.post(body, contentType);
    await h.slack.settled();
    expect([400, 404]).toContain(res.status);
    expect(await storedState(h.db.dataSource)).toEqual(before);
  });

  test('a body over 1 MiB gets 413, not a reset', async () => {
    const res = await h.signer.post(
      JSON.stringify({ type: 'event_callback', pad: 'x'.repeat(1024 * 1024 + 10) }),
      'application/json',
    );
    expect(res.status).toBe(413);
  });
});

describe('Slack: staff-only forms', () => {
  test('the "Add internal note" shortcut opens no form for a customer; it is answered privately', async () => {
    const CUSTOMER = { id: 'UNOTE', name: 'note' };
    const { location } = await openTicketAs(h, CUSTOMER, 'Notes are for staff');
    const forms = h.api.callsOf('views.open').length;
    const ephemerals = h.api.callsOf('chat.postEphemeral').length;
    await h.signer.interaction({
      type: 'message_action',
      callback_id: 'add_internal_note',
      trigger_id: 'trigger-note',
      action_ts: '1',
      message_ts: location.slackCardTs,
      user: { id: CUSTOMER.id, name: CUSTOMER.name },
      channel: { id: SUPPORT_CHANNEL, name: 'support' },
      response_url: 'http://127.0.0.1:1/note',
      message: { type: 'message', ts: location.slackCardTs, text: 'card' },
    });
    await h.slack.settled();
    expect(h.api.callsOf('views.open')).toHaveLength(forms);
    const told = h.api.callsOf('chat.postEphemeral').slice(ephemerals);
    expect(told.map((c) => c.args.text)).toEqual([expect.stringMatching(/staff/)]);
  });
});
