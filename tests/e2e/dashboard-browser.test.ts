import type { Browser, Page } from 'puppeteer-core';
import { createHttpServer, type HttpServer } from '../../src/http/server';
import { createMetrics } from '../../src/http/metrics';
import { createLogger } from '../../src/log';
import { mountDashboard } from '../../src/web/dashboard';
import { DiscordWorld } from '../fakes/discord/harness';
import { launchBrowser, screenshot, seriousViolations } from '../helpers/browser';
import { ADMIN, slack } from '../helpers/people';
import type { FakeUser } from '../../src/simulator/discord/fake-discord';

/**
 * The dashboard in a real headless Chromium, signed in with links the bot gave in chat. One world
 * and one browser for the whole file; each person gets their own browser context (cookie jar).
 */
let world: DiscordWorld;
let http: HttpServer;
let origin: string;
let browser: Browser;
let tina: FakeUser;
let boss: FakeUser;
const numbers: Record<string, number> = {};

/** The link from a private answer, opened on this test's server (the path and token are what matter). */
function onServer(answer: string): string {
  const link = /https?:\/\/\S+\/signin\?token=[\w-]+/.exec(answer);
  if (!link) throw new Error(`no sign-in link in: ${answer}`);
  const url = new URL(link[0]);
  return `${origin}${url.pathname}${url.search}`;
}

async function discordLink(user: FakeUser): Promise<string> {
  const answer = await world.command(user, 'helpdesk', [{ name: 'dashboard', type: 1, options: [] }]);
  return onServer(answer.content);
}

async function signedIn(link: string): Promise<Page> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1200, height: 900 });
  const response = await page.goto(link);
  expect(response?.status()).toBe(200);
  return page;
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

beforeAll(async () => {
  world = await new DiscordWorld().start();
  ({ tina, boss } = await world.addStaff());
  const logger = createLogger('silent');
  http = createHttpServer({
    logger,
    metrics: createMetrics({ databaseUp: async () => true }),
    health: { ping: async () => true },
  });
  mountDashboard(http, { helpdesk: world.helpdesk, logger });
  origin = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
  browser = await launchBrowser();

  const carl = world.fake.user('carl');
  numbers.low = (await world.openTicket(carl, 'Printer <b>jams</b> & smears')).number;
  numbers.urgent = (await world.openTicket(carl, 'Mail server down')).number;
  numbers.middle = (await world.openTicket(carl, 'VPN is slow')).number;
  await world.helpdesk.tickets.changePriority(ADMIN, { ticketNumber: numbers.urgent, priority: 'P1' });
  await world.helpdesk.tickets.changePriority(ADMIN, { ticketNumber: numbers.middle, priority: 'P2' });
  await world.helpdesk.tickets.changePriority(ADMIN, { ticketNumber: numbers.low, priority: 'P4' });
  await world.deliver();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await http?.close();
  await world?.stop();
});

test("a supporter signs in with the link from the bot's private answer and sees the queue in priority order", async () => {
  const page = await signedIn(await discordLink(tina));
  expect(new URL(page.url()).pathname).toBe('/');
  const cookies = await page.browserContext().cookies();
  const session = cookies.find((c) => c.name === 'chatdesk_session')!;
  expect(session.httpOnly).toBe(true);
  expect(session.sameSite).toBe('Lax');
  const listed = await page.$$eval('table.tickets tbody tr td:first-child a', (links) =>
    links.map((a) => Number(a.textContent!.replace('#', ''))),
  );
  expect(listed).toEqual([numbers.urgent, numbers.middle, numbers.low]);
  // A person's text is shown as text, never as markup.
  expect(await page.$$eval('table.tickets b', (bold) => bold.length)).toBe(0);
  expect(await page.content()).toContain('Printer &lt;b&gt;jams&lt;/b&gt; &amp; smears');
  expect(await page.$eval('body', (b) => b.getAttribute('data-refresh'))).toBe('30');
  expect(await page.$eval('script', (s) => s.getAttribute('src'))).toBe('/assets/dashboard.js');
  await screenshot(page, 'dashboard-queue');
  await expectAccessible(page);

  // The filters narrow the queue, as a link.
  await page.goto(`${origin}/?priority=P2`);
  expect(await page.$$eval('table.tickets tbody tr', (rows) => rows.length)).toBe(1);
  await page.browserContext().close();
});

test("an admin sees the figures page draw its charts with the helpdesk's numbers; a supporter is refused it", async () => {
  // One ticket resolved, so both series of the daily chart have something to show.
  await world.helpdesk.tickets.resolve(ADMIN, { ticketNumber: numbers.middle });
  const page = await signedIn(await discordLink(boss));
  await Promise.all([page.waitForNavigation(), page.click('a[href="/figures"]')]);
  expect(await page.$eval('h1', (h) => h.textContent)).toBe('Figures');
  const [{ opened, resolved }] = await world.helpdesk.ctx.dataSource.query(
    `SELECT count(*)::int AS opened, (count(*) FILTER (WHERE status = 'resolved'))::int AS resolved FROM ticket`,
  );
  expect(opened).toBeGreaterThanOrEqual(3);
  expect(resolved).toBe(1);

  await page.goto(`${origin}/figures?days=7`);
  expect(await page.$$eval('svg.chart', (charts) => charts.length)).toBeGreaterThanOrEqual(3);
  // Every bar names its value; the day's bars add up to the tickets stored (all opened this week).
  const bars = await page.$$eval('svg.chart rect.bar title', (titles) => titles.map((t) => t.textContent ?? ''));
  const total = (series: string) =>
    bars
      .map((title) => new RegExp(`: ${series} (\\d+)$`).exec(title))
      .reduce((sum, match) => sum + (match ? Number(match[1]) : 0), 0);
  expect(bars.filter((title) => /: Opened \d+$/.test(title))).toHaveLength(7);
  expect(total('Opened')).toBe(opened);
  expect(total('Resolved')).toBe(resolved);
  // The backlog line ends at what is unresolved now.
  const backlog = await page.$$eval('svg.chart circle title', (titles) => titles.map((t) => t.textContent ?? ''));
  expect(backlog.at(-1)).toMatch(new RegExp(`: ${opened - resolved}$`));
  // Charts readable without colour: each is an image with a name, and a table holds the numbers.
  expect(await page.$$eval('svg.chart', (charts) => charts.every((c) => c.getAttribute('role') === 'img'))).toBe(true);
  expect(await page.$$eval('main table', (tables) => tables.length)).toBeGreaterThan(0);
  await screenshot(page, 'dashboard-figures');
  await expectAccessible(page);
  await page.goto(`${origin}/figures?days=90`);
  await expectAccessible(page);

  const supporter = await signedIn(await discordLink(tina));
  expect(await supporter.$('a[href="/figures"]')).toBeNull();
  expect((await supporter.goto(`${origin}/figures`))?.status()).toBe(403);
  await supporter.browserContext().close();
  await page.browserContext().close();
});

test("a supporter opens a ticket, replies, and the reply reaches the ticket's Discord thread", async () => {
  const page = await signedIn(await discordLink(tina));
  await Promise.all([page.waitForNavigation(), page.click(`a[href="/ticket?number=${numbers.urgent}"]`)]);
  expect(await page.$eval('h1', (h) => h.textContent)).toBe(`#${numbers.urgent} Mail server down`);
  await expectAccessible(page);

  await page.type('#reply', 'We are restarting the mail server now.');
  await Promise.all([page.waitForNavigation(), page.click('form[action="/ticket/reply"] button')]);
  expect(await page.$eval('.flash', (f) => f.textContent)).toContain('reply is saved');
  expect(await page.$$eval('.conversation .text', (texts) => texts.map((t) => t.textContent))).toContain(
    'We are restarting the mail server now.',
  );
  await page.type('#note', 'Checked the queue on mx1.');
  await Promise.all([page.waitForNavigation(), page.click('form[action="/ticket/note"] button')]);
  expect(await page.$$eval('.comment.internal .text', (texts) => texts.map((t) => t.textContent))).toEqual([
    'Checked the queue on mx1.',
  ]);
  await page.select('form[action="/ticket/action"] select[name="priority"]', 'P2');
  await Promise.all([
    page.waitForNavigation(),
    page.click('form[action="/ticket/action"]:has(select[name="priority"]) button'),
  ]);
  expect((await world.ticket(numbers.urgent)).priority).toBe('P2');
  expect(await page.$eval('ol.history', (h) => h.textContent)).toContain('changed the priority: P1 → P2');
  await screenshot(page, 'dashboard-ticket');
  await expectAccessible(page);

  await world.deliver();
  const thread = (await world.ticket(numbers.urgent)).location.discordThreadId as string;
  const said = world.fake.messagesIn(thread).map((m) => String(m.content ?? ''));
  expect(said.some((text) => text.includes('We are restarting the mail server now.'))).toBe(true);
  expect(said.some((text) => text.includes('Checked the queue on mx1.'))).toBe(false);
  await page.browserContext().close();
});

test("a form without the session's CSRF token is refused", async () => {
  const page = await signedIn(await discordLink(tina));
  const status = await page.evaluate(async (n) => {
    const response = await fetch('/ticket/action', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `number=${n}&action=resolve&csrf=forged`,
    });
    return response.status;
  }, numbers.low);
  expect(status).toBe(403);
  expect((await world.ticket(numbers.low)).status).toBe('open');
  const csp = (await page.goto(`${origin}/`))!.headers()['content-security-policy'];
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("style-src 'self'");
  await page.browserContext().close();
});

test('a sign-in link is refused when used a second time or after 10 minutes', async () => {
  const link = await discordLink(tina);
  await (await signedIn(link)).browserContext().close();
  const again = await (await browser.createBrowserContext()).newPage();
  const reused = await again.goto(link);
  expect(reused?.status()).toBe(410);
  expect(await again.content()).toContain('used already');
  await expectAccessible(again);
  expect((await again.browserContext().cookies()).some((c) => c.name === 'chatdesk_session')).toBe(false);

  const late = await discordLink(tina);
  world.clock.advance(10 * 60_000 + 1000);
  const expired = await again.goto(late);
  expect(expired?.status()).toBe(410);
  expect(await again.content()).toContain('expired');
  await again.browserContext().close();
});

test("a Slack customer sees only their own tickets, and another person's ticket by URL is refused", async () => {
  const dora = slack('UDORA');
  const eve = slack('UEVE');
  const own = await world.helpdesk.tickets.open(dora, {
    title: 'Dora cannot print',
    description: 'Paper jam.',
    type: 'incident',
    location: {},
  });
  const theirs = await world.helpdesk.tickets.open(eve, {
    title: 'Eve lost her badge',
    description: 'Lost.',
    type: 'request',
    location: {},
  });
  const link = await world.helpdesk.dashboard.signInLink(dora);
  const page = await signedIn(onServer(link.url));
  expect(await page.$eval('h1', (h) => h.textContent)).toBe('My tickets');
  const listed = await page.$$eval('table.tickets tbody tr td:first-child a', (links) =>
    links.map((a) => a.textContent),
  );
  expect(listed).toEqual([`#${own.number}`]);
  await expectAccessible(page);

  const mine = await page.goto(`${origin}/ticket?number=${own.number}`);
  expect(mine?.status()).toBe(200);
  expect(await page.$('form[action="/ticket/reply"]')).toBeNull();
  expect(await page.$('form[action="/ticket/note"]')).toBeNull();
  await expectAccessible(page);

  const refused = await page.goto(`${origin}/ticket?number=${theirs.number}`);
  expect(refused?.status()).toBe(404);
  expect(await page.content()).not.toContain('Eve lost her badge');
  expect((await page.goto(`${origin}/search?q=badge`))?.status()).toBe(403);
  await page.browserContext().close();
});

test('a supporter removed while signed in loses staff access on the next request; signing out ends the session', async () => {
  const page = await signedIn(await discordLink(boss));
  await world.helpdesk.staff.bootstrapAdmins([]); // boss stays an admin: only tina is removed below
  const tinaPage = await signedIn(await discordLink(tina));
  expect(await tinaPage.$eval('h1', (h) => h.textContent)).toBe('Queue');

  await world.helpdesk.staff.remove(ADMIN, { person: world.ref(tina) });
  await tinaPage.reload();
  expect(await tinaPage.$eval('h1', (h) => h.textContent)).toBe('My tickets');
  expect((await tinaPage.goto(`${origin}/ticket?number=${numbers.low}`))?.status()).toBe(404);
  expect((await tinaPage.goto(`${origin}/mine`))?.status()).toBe(403);

  // The knowledge base and major incidents, for the record of each page's accessibility.
  await page.goto(`${origin}/kb`);
  await expectAccessible(page);
  await page.goto(`${origin}/mine`);
  expect(await page.$eval('h1', (h) => h.textContent)).toBe('My work');
  await expectAccessible(page);
  await page.goto(`${origin}/kb/edit`);
  await expectAccessible(page);
  await page.type('#title', 'Resetting a password');
  await page.type('#body', 'Open the portal and press Reset.');
  await Promise.all([page.waitForNavigation(), page.click('form[action="/kb/save"] button')]);
  expect(await page.$eval('h1', (h) => h.textContent)).toBe('Resetting a password');
  await expectAccessible(page);
  await page.goto(`${origin}/major`);
  await expectAccessible(page);
  await page.goto(`${origin}/search?q=printer`);
  expect(await page.$$eval('table.tickets tbody tr', (rows) => rows.length)).toBeGreaterThan(0);
  await expectAccessible(page);

  await page.goto(`${origin}/`);
  await Promise.all([page.waitForNavigation(), page.click('form.signout button')]);
  expect(await page.content()).toContain('You have signed out.');
  await expectAccessible(page);
  expect((await page.goto(`${origin}/`))?.status()).toBe(401);
  await expectAccessible(page);
  await page.browserContext().close();
  await tinaPage.browserContext().close();
});
