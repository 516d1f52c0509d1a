import type { ActorRef } from '../../src/core/services/people';
import { createHttpServer, type HttpServer } from '../../src/http/server';
import { createMetrics } from '../../src/http/metrics';
import { createLogger } from '../../src/log';
import { mountDashboard } from '../../src/web/dashboard';
import { describeEachDatabase } from '../helpers/database';
import { ADMIN, discord, staffUp } from '../helpers/people';

/**
 * The figures page and the CSV export over HTTP, on the dashboard's own server and sessions: an
 * admin gets charts with the helpdesk's numbers and a streamed CSV; a supporter gets neither.
 */
describeEachDatabase('the figures page and the ticket export over HTTP', (ctx) => {
  const carl = discord('carl');
  const tina = discord('tina');
  let http: HttpServer;
  let base = '';

  beforeAll(async () => {
    const { helpdesk } = ctx();
    await staffUp(helpdesk, { tina: '1' });
    const logger = createLogger('silent');
    http = createHttpServer({
      logger,
      metrics: createMetrics({ databaseUp: async () => true }),
      health: { ping: async () => true },
    });
    mountDashboard(http, { helpdesk, logger });
    base = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;

    ctx().clock.set('2026-02-04T09:00:00Z');
    for (const title of ['=HYPERLINK("http://evil","x")', 'A "quoted", title', 'Plain one']) {
      const ticket = await helpdesk.tickets.open(carl, { title, description: 'Please help.', type: 'request' });
      if (title === 'Plain one') {
        ctx().clock.advance(45 * 60_000);
        await helpdesk.comments.comment(tina, { ticketNumber: ticket.number, body: 'On it.' });
        await helpdesk.tickets.resolve(tina, { ticketNumber: ticket.number });
      }
    }
    ctx().clock.set('2026-02-05T12:00:00Z');
  });
  afterAll(async () => {
    await http?.close();
  });

  /** A session for `who`, by the sign-in link the bot would have sent them. */
  async function signIn(who: ActorRef): Promise<string> {
    const { url } = await ctx().helpdesk.dashboard.signInLink(who);
    const res = await fetch(`${base}/signin${new URL(url).search}`, { redirect: 'manual' });
    const cookie = res.headers.get('set-cookie');
    if (!cookie) throw new Error(`no session (${res.status})`);
    return cookie.split(';')[0];
  }

  test('an admin sees the charts with the numbers, under a CSP that allows nothing inline', async () => {
    const cookie = await signIn(ADMIN);
    const res = await fetch(`${base}/figures?days=7`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await res.text();
    expect(page).toContain('<a href="/figures?days=7" aria-current="page">Last 7 days</a>');
    expect(page).toContain('<title>Feb 4, 2026: Opened 3</title>');
    expect(page).toContain('<title>Feb 4, 2026: Resolved 1</title>');
    expect(page).toContain('<title>Feb 5, 2026: 2</title>'); // the backlog at the end of today
    expect(page).toContain('<dd>45 min</dd>'); // the one first response, and so its median
    expect(page).not.toMatch(/\sstyle=|<script/);
  });

  test('the CSV streams every ticket, quoted, with formula-like titles made text', async () => {
    const cookie = await signIn(ADMIN);
    const res = await fetch(`${base}/export/tickets.csv`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="tickets.csv"');
    const lines = (await res.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^\d+,request,open,P3,1,"'=HYPERLINK\(""http:\/\/evil"",""x""\)",Carl,Tina,discord,/);
    expect(lines[2]).toMatch(/^\d+,request,open,P3,1,"A ""quoted"", title",Carl,/);
    expect(lines[3]).toMatch(/,Plain one,Carl,Tina,discord,2026-02-04T09:00:\d\d.\d{3}Z,2026-02-04T09:45:\d\d.\d{3}Z,/);
    expect(lines[4]).toBe('');
  });

  test('a supporter is refused both, and the window is checked', async () => {
    const cookie = await signIn(tina);
    expect((await fetch(`${base}/figures`, { headers: { cookie } })).status).toBe(403);
    const csv = await fetch(`${base}/export/tickets.csv`, { headers: { cookie } });
    expect(csv.status).toBe(403);
    expect(await csv.text()).not.toContain('Plain one');
    const admin = await signIn(ADMIN);
    expect((await fetch(`${base}/figures?days=365`, { headers: { cookie: admin } })).status).toBe(400);
  });
});
