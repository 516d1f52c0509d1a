import fs from 'node:fs';
import { runDemo, type RunningDemo } from '../../src/demo/run';

/**
 * `npm run demo -- --fast`, played to its end in this process: what it printed (read from what the
 * simulated platforms received) and what the helpdesk's own database holds afterwards.
 */
describe('npm run demo -- --fast', () => {
  let demo: RunningDemo;
  let printed = '';

  beforeAll(async () => {
    demo = await runDemo({ fast: true, port: 0, output: { write: (text) => void (printed += text), isTTY: false } });
  }, 150_000);
  afterAll(async () => {
    await demo?.stop();
  });

  const query = (sql: string, params: unknown[] = []) => demo.app.database.dataSource.query(sql, params);
  const ticket = async (title: string) => (await query(`SELECT * FROM ticket WHERE title = $1`, [title]))[0];
  const said = (pattern: RegExp) => expect(printed).toMatch(pattern);

  test('every scene is played to its end, with no colour codes when the output is not a terminal', () => {
    expect(demo.failure).toBeUndefined();
    for (let scene = 1; scene <= 6; scene++) said(new RegExp(`━━ ${scene}/6 `));
    said(/progress \[#{20}\] 6\/6 all scenes played/);
    expect(printed).not.toContain('\x1b[');
  });

  test('seed scenario 1 on Discord: thread and card, auto-assigned, pending, reopened by the reply, resolved, rated', async () => {
    said(/Discord #support +helpdesk: ▸ opened the private thread "#\d+ I can't print"/);
    said(/Discord thread #\d+ +helpdesk: ▸ card #\d+ I can't print · Status: open · Tier: 1 · Assignee: Lise/);
    said(/Discord thread #\d+ +Lise: Hi Raul! Are you connected to the internet/);
    said(/card #\d+: status open → pending\n[^\n]*Support is waiting for your answer/);
    said(/card #\d+: status pending → open/);
    said(/card #\d+: status open → resolved \(resolved by support\)/);
    said(/card #\d+: rating ★★★★★ \(5\/5\)/);
    const printer = await ticket("I can't print");
    expect(printer).toMatchObject({ platform: 'discord', status: 'resolved', resolution: 'resolved_by_staff' });
    const [rating] = await query(`SELECT score FROM rating WHERE ticket_id = $1`, [printer.id]);
    expect(rating.score).toBe(5);
    const statuses = await query(
      `SELECT data->>'to' AS "to" FROM ticket_event WHERE ticket_id = $1 AND kind = 'status_changed' ORDER BY id`,
      [printer.id],
    );
    expect(statuses.map((s: { to: string }) => s.to)).toEqual(['pending', 'open', 'resolved']);
  });

  test('seed scenario 2 on Slack: the DM thread and the staff thread mirror each other; escalated 1 → 2 → 3; resolved, rated; the fix written down', async () => {
    said(/Slack DM Jannet › #\d+ +helpdesk: \*Tim \(support\):\* Are you connected to the internet/);
    said(/Slack #support › #\d+ +helpdesk: \*Jannet \(customer\):\* Windows 11, I think\./);
    said(/card #\d+: escalated to tier 2; assigned to Ahmed/);
    said(/card #\d+: escalated to tier 3; assigned to Sofie/);
    said(/Slack DM Jannet › #\d+ +helpdesk: Your ticket #\d+ was resolved by support/);
    said(/Slack #support +helpdesk: ▸ card #\d+: rating ★★★★☆ \(4\/5\)/);
    const printer = await ticket('Jeg kan ikke printe');
    expect(printer).toMatchObject({ platform: 'slack', status: 'resolved', tier: 3 });
    const comments = await query(`SELECT count(*)::int AS n FROM comment WHERE ticket_id = $1`, [printer.id]);
    expect(comments[0].n).toBe(10);
    const escalations = await query(
      `SELECT count(*)::int AS n FROM ticket_event WHERE ticket_id = $1 AND kind = 'escalated'`,
      [printer.id],
    );
    expect(escalations[0].n).toBe(2);
    const [rating] = await query(`SELECT score FROM rating WHERE ticket_id = $1`, [printer.id]);
    expect(rating.score).toBe(4);
    const [article] = await query(`SELECT visibility FROM article WHERE title = 'Windows 11 printer driver'`);
    expect(article.visibility).toBe('staff');
  });

  test('the outage: what the detection made of five reports is what the demo told, and the database agrees', async () => {
    const titles = [
      'VPN keeps disconnecting',
      'Cannot connect to the VPN',
      'Is the VPN down?',
      'VPN not working',
      'VPN virker ikke',
    ];
    const reports = await query(`SELECT * FROM ticket WHERE title = ANY($1) ORDER BY number`, [titles]);
    expect(reports.map((r: { platform: string }) => r.platform).sort()).toEqual([
      'discord',
      'discord',
      'slack',
      'slack',
      'slack',
    ]);
    const parents = await query(`SELECT * FROM ticket WHERE is_major`);
    if (printed.includes('No proposal came')) {
      // The demo said so and declared nothing: no major incident exists.
      expect(parents).toEqual([]);
      return;
    }
    said(/Staff were shown a possible major incident after report \d of 5\./);
    said(/presses "Declare major incident"/);
    expect(parents).toHaveLength(1);
    const [parent] = parents;
    said(new RegExp(`Major incident #${parent.number} "[^"]*" declared`));
    expect(parent).toMatchObject({ status: 'resolved', priority: 'P1' });
    for (const report of reports) {
      expect(report).toMatchObject({
        major_incident_id: parent.id,
        status: 'resolved',
        resolution: 'closed_with_major_incident',
      });
      said(new RegExp(`#${report.number} +helpdesk: This is a known problem`));
      said(new RegExp(`Your ticket #${report.number} was closed together with a major incident`));
    }
  });

  test('with the clock moved forward: an SLA warning to the assignee, two reminders, then the 7-day auto-close', async () => {
    said(/The helpdesk's clock moves 50 minutes ahead/);
    said(/Discord DM Lise +helpdesk: SLA warning: ticket #\d+ "Shared calendar will not open for anyone"/);
    expect(printed.match(/helpdesk: Reminder: support is still waiting for your answer on #\d+/g)).toHaveLength(2);
    said(/Your ticket #\d+ was closed automatically/);
    const urgent = await ticket('Shared calendar will not open for anyone');
    expect(urgent.priority).toBe('P1');
    const warnings = await query(
      `SELECT count(*)::int AS n FROM ticket_event WHERE ticket_id = $1 AND kind = 'sla_warning'`,
      [urgent.id],
    );
    expect(warnings[0].n).toBe(1);
    const quiet = await ticket('New mouse, please');
    expect(quiet).toMatchObject({ status: 'resolved', resolution: 'closed_automatically' });
    const reminders = await query(
      `SELECT count(*)::int AS n FROM ticket_event WHERE ticket_id = $1 AND kind = 'reminded'`,
      [quiet.id],
    );
    expect(reminders[0].n).toBe(2);
  });

  test('the guided ticket: the catalog service and its checks, the article offered, "This solved it", counted as deflected', async () => {
    said(/Freja: picks "Printing"/);
    said(/• Is the printer switched on\?/);
    said(/\*\*Clearing a paper jam\*\*/);
    said(/Glad that helped! No ticket was opened/);
    said(/Printing · Clearing a paper jam: 1/);
    const drafts = await query(`SELECT outcome, ticket_id FROM ticket_draft`);
    expect(drafts).toEqual([{ outcome: 'deflected', ticket_id: null }]);
    expect(await ticket('Paper jam')).toBeUndefined();
  });

  test('nothing the helpdesk queued failed to reach the platforms, and the demo points at what to look at next', async () => {
    const failed = await query(`SELECT count(*)::int AS n FROM delivery WHERE status = 'failed'`);
    expect(failed[0].n).toBe(0);
    said(new RegExp(`${demo.baseUrl}/healthz`));
    said(new RegExp(`${demo.baseUrl}/metrics`));
    said(/Lise \(tier-1 supporter\): http:\/\/localhost:\d+\/signin\?token=/);
    said(/Raul \(customer\): +http:\/\/localhost:\d+\/signin\?token=/);
    const health = await fetch(`${demo.baseUrl}/healthz`);
    expect(health.status).toBe(200);
  });

  test('stopping removes the temporary folder', async () => {
    expect(fs.existsSync(demo.folder)).toBe(true);
    await demo.stop();
    expect(fs.existsSync(demo.folder)).toBe(false);
  });
});
