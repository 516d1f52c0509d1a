import { createLogger } from '../../src/log';
import { mountDashboard } from '../../src/web/dashboard';
import { buttonIn, openTicketAs, runCommand, viewAction } from '../fakes/slack/interactions';
import { startStaffedSlackHarness, TINA, type SlackHarness } from '../fakes/slack/harness';

/**
 * The dashboard's sign-in from Slack, end to end: a signed `/helpdesk dashboard` and App Home's
 * "Open the dashboard" reach the real Bolt app, the private answer carries a link, and that link
 * signs its person in on the same process's HTTP server (where the dashboard is mounted).
 */
const CORA = { id: 'UCORA', name: 'Cora' };

let h: SlackHarness;
let origin: string;
let coraTicket: number;

beforeAll(async () => {
  h = await startStaffedSlackHarness();
  mountDashboard(h.http, { helpdesk: h.helpdesk, logger: createLogger('silent') });
  const address = h.http.server.address();
  if (!address || typeof address === 'string') throw new Error('the HTTP server is not listening');
  origin = `http://127.0.0.1:${address.port}`;
  coraTicket = (await openTicketAs(h, CORA, 'Cora cannot reach the wiki')).number;
}, 60_000);
afterAll(async () => {
  await h?.close();
});

/** The sign-in link in a text, pointed at this test's server (PUBLIC_URL is the default localhost one). */
function linkIn(text: string): string {
  const found = /(https?:\/\/[^\s>|]+)\/signin\?token=([\w-]+)/.exec(text);
  if (!found) throw new Error(`no sign-in link in: ${text}`);
  expect(found[1]).toBe(h.helpdesk.ctx.policy.publicUrl);
  return `${origin}/signin?token=${found[2]}`;
}

/** Opens the link as a browser would: the session cookie it sets, or the refusal's status. */
async function signIn(link: string): Promise<{ status: number; cookie?: string }> {
  const res = await fetch(link, { redirect: 'manual' });
  await res.text();
  const setCookie = res.headers.get('set-cookie');
  return { status: res.status, cookie: setCookie ? setCookie.split(';')[0] : undefined };
}

async function page(path: string, cookie: string): Promise<{ status: number; body: string }> {
  const res = await fetch(`${origin}${path}`, { headers: { cookie } });
  return { status: res.status, body: await res.text() };
}

test('/helpdesk dashboard answers privately with a link that signs the supporter in to the queue, once', async () => {
  const answer = await runCommand(h, TINA, '/helpdesk', 'dashboard');
  expect(answer.response_type).toBe('ephemeral');
  expect(answer.text).toContain('10 minutes');
  // Nothing was posted where others could read it.
  expect(h.api.callsOf('chat.postMessage').some((c) => String(c.args.text ?? '').includes('/signin?'))).toBe(false);

  const link = linkIn(answer.text!);
  const signedIn = await signIn(link);
  expect(signedIn.status).toBe(303);
  expect(signedIn.cookie).toMatch(/^chatdesk_session=/);
  const queue = await page('/', signedIn.cookie!);
  expect(queue.status).toBe(200);
  expect(queue.body).toContain('<h1>Queue</h1>');
  expect(queue.body).toContain('Cora cannot reach the wiki');
  expect(queue.body).toContain('Signed in as Tina');

  // The same link a second time starts nothing.
  const again = await signIn(link);
  expect(again.status).toBe(410);
  expect(again.cookie).toBeUndefined();
});

test("App Home's 'Open the dashboard' button gives the customer a link to their own tickets", async () => {
  await h.signer.event({
    type: 'app_home_opened',
    user: CORA.id,
    channel: `D${CORA.id}`,
    tab: 'home',
    event_ts: '2.1',
  });
  await h.slack.settled();
  const home = h.api.callsOf('views.publish').at(-1)!;
  expect(home.args.user_id).toBe(CORA.id);
  const button = buttonIn(home.args.view.blocks, 'home_open_dashboard');
  expect(button.block_id).toBe('home:dashboard');

  const modals = h.api.callsOf('views.open').length;
  const press = viewAction(CORA, { id: 'VHOME' }, button);
  const res = await h.signer.interaction({ ...press, view: { ...press.view, type: 'home' } });
  expect(res.status).toBe(200);
  await h.slack.settled();
  const opened = h.api.callsOf('views.open');
  expect(opened).toHaveLength(modals + 1);
  const modal = opened.at(-1)!.args.view as { type: string; blocks: Array<{ text: { text: string } }> };
  expect(modal.type).toBe('modal');
  const link = linkIn(modal.blocks.map((b) => b.text.text).join('\n'));

  const signedIn = await signIn(link);
  expect(signedIn.status).toBe(303);
  const own = await page('/', signedIn.cookie!);
  expect(own.status).toBe(200);
  expect(own.body).toContain('<h1>My tickets</h1>');
  expect(own.body).toContain(`/ticket?number=${coraTicket}`);
  expect((await page(`/ticket?number=${coraTicket}`, signedIn.cookie!)).status).toBe(200);
  // A customer's session opens no staff page.
  expect((await page('/search?q=wiki', signedIn.cookie!)).status).toBe(403);
});
