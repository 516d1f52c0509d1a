import { DAY, HOUR, MINUTE } from '../../src/core/clock';
import { autoCloseDueTickets } from '../../src/jobs/auto-close';
import { runDueJobs, startJobs } from '../../src/jobs/schedule';
import { createLogger } from '../../src/log';
import { describeEachDatabase } from '../helpers/database';
import { discord, staffUp } from '../helpers/people';
import { SUPPORTER, customerNotices, eventsOf, jobDeps, pendingTicket, ticketState } from './job-helpers';

/**
 * Auto-close: a ticket pending for AUTO_CLOSE_DAYS (7) since it was set pending, with no customer
 * reply since, is resolved as closed automatically, and the customer is told once.
 * The clock only moves forward; each test makes its own tickets and checks only those.
 */
describeEachDatabase('auto-close job', (ctx) => {
  const customer = discord('carl');

  beforeAll(async () => {
    await staffUp(ctx().helpdesk, { tina: '1' });
  });

  test('6 d 23 h 59 min pending stays pending; at 7 d it closes, with its event and one notice to the customer', async () => {
    const { helpdesk, clock, dataSource } = ctx();
    const ticket = await pendingTicket(helpdesk, customer);
    const pendingAt = clock.now();

    clock.advance(6 * DAY + 23 * HOUR + 59 * MINUTE);
    await runDueJobs(jobDeps(ctx()));
    expect((await ticketState(dataSource, ticket.id)).status).toBe('pending');

    clock.advance(MINUTE);
    const closedAt = clock.now();
    expect(closedAt.getTime() - pendingAt.getTime()).toBe(7 * DAY);
    const results = await runDueJobs(jobDeps(ctx()));
    expect(results.find((r) => r.job === 'auto-close')).toMatchObject({ status: 'ran' });

    // The same fields `transitions.resolve` sets when a person resolves a ticket.
    expect(await ticketState(dataSource, ticket.id)).toEqual({
      status: 'resolved',
      resolution: 'closed_automatically',
      resolved_at: closedAt,
      pending_since: null,
      reminders_sent: 2,
    });
    const [closing] = await eventsOf(dataSource, ticket.id, 'status_changed').then((events) =>
      events.filter((e) => e.data.to === 'resolved'),
    );
    expect(closing).toMatchObject({
      actor_id: null,
      data: { from: 'pending', to: 'resolved', resolution: 'closed_automatically' },
      created_at: closedAt,
    });

    const closingNotices = (await customerNotices(dataSource, ticket.id)).filter((d) => d.event_id === closing.id);
    expect(closingNotices).toHaveLength(1);
    expect(closingNotices[0].payload.text).toBe(
      `Your ticket #${ticket.number} was closed automatically after waiting for your answer. If it is not fixed, reply here or press Reopen within 14 days.`,
    );
    // The card is updated too (planDeliveries decides that, not the job).
    const [{ count }] = await dataSource.query(
      `SELECT count(*)::int AS count FROM delivery WHERE event_id = $1 AND kind = 'ticket.card'`,
      [closing.id],
    );
    expect(count).toBe(1);

    // Later runs leave it alone: closed once, told once.
    clock.advance(5 * MINUTE);
    await runDueJobs(jobDeps(ctx()));
    const closings = (await eventsOf(dataSource, ticket.id, 'status_changed')).filter((e) => e.data.to === 'resolved');
    expect(closings).toHaveLength(1);
  });

  test("a customer's reply on day 6 stops the clock", async () => {
    const { helpdesk, clock, dataSource } = ctx();
    const ticket = await pendingTicket(helpdesk, customer);
    clock.advance(6 * DAY);
    const reply = await helpdesk.comments.comment(customer, {
      ticketNumber: ticket.number,
      body: 'Still broken, here is a photo.',
    });
    expect(reply.outcome).toBe('answer_pending');

    clock.advance(1 * DAY + 5 * MINUTE);
    await runDueJobs(jobDeps(ctx()));
    clock.advance(10 * DAY);
    await runDueJobs(jobDeps(ctx()));
    expect((await ticketState(dataSource, ticket.id)).status).toBe('open');
    expect(await eventsOf(dataSource, ticket.id, 'status_changed')).toHaveLength(2); // pending, then open by the reply
  });

  test('a supporter comment on day 6 does not stop it', async () => {
    const { helpdesk, clock, dataSource } = ctx();
    const ticket = await pendingTicket(helpdesk, customer);
    clock.advance(6 * DAY);
    const comment = await helpdesk.comments.comment(SUPPORTER, { ticketNumber: ticket.number, body: 'Any news?' });
    expect(comment.outcome).toBe('staff_reply');

    clock.advance(1 * DAY);
    await runDueJobs(jobDeps(ctx()));
    expect(await ticketState(dataSource, ticket.id)).toMatchObject({
      status: 'resolved',
      resolution: 'closed_automatically',
    });
  });

  test('pending again after a reply counts its 7 days from the new pending', async () => {
    const { helpdesk, clock, dataSource } = ctx();
    const ticket = await pendingTicket(helpdesk, customer);
    clock.advance(5 * DAY);
    await helpdesk.comments.comment(customer, { ticketNumber: ticket.number, body: 'Here you go.' });
    await helpdesk.tickets.setPending(SUPPORTER, { ticketNumber: ticket.number });

    clock.advance(3 * DAY); // 8 days after the first pending, 3 after the second
    await runDueJobs(jobDeps(ctx()));
    expect((await ticketState(dataSource, ticket.id)).status).toBe('pending');
    clock.advance(4 * DAY);
    await runDueJobs(jobDeps(ctx()));
    expect((await ticketState(dataSource, ticket.id)).status).toBe('resolved');
  });

  test('many due tickets close in batches, each once, and a late run catches up on all of them', async () => {
    const { helpdesk, clock, dataSource } = ctx();
    const tickets = [];
    for (let i = 0; i < 7; i++) {
      tickets.push(await pendingTicket(helpdesk, discord(`cust${i}`), `Ticket ${i}`));
      clock.advance(HOUR);
    }
    // No run for 20 days (instances down): the first run closes everything due.
    clock.advance(20 * DAY);
    const progress = { rowsAffected: 0 };
    const closed = await autoCloseDueTickets(helpdesk.ctx, clock.now(), { batchSize: 2, progress });
    expect(closed).toBeGreaterThanOrEqual(7);
    expect(progress.rowsAffected).toBe(closed);
    for (const ticket of tickets) {
      expect((await ticketState(dataSource, ticket.id)).resolution).toBe('closed_automatically');
      expect(
        (await customerNotices(dataSource, ticket.id)).filter((d) => d.payload.text?.includes('closed automatically')),
      ).toHaveLength(1);
    }
    expect(await autoCloseDueTickets(helpdesk.ctx, clock.now(), { batchSize: 2 })).toBe(0);
  });

  test('a run whose work throws is recorded with its error, the other job still runs, and the next slot closes the ticket', async () => {
    const { helpdesk, clock, dataSource } = ctx();
    const ticket = await pendingTicket(helpdesk, customer);
    clock.advance(7 * DAY);
    // The same store, but its first batch write (the auto-close's, one statement outside a transaction) fails.
    let failures = 1;
    const manager = Object.create(dataSource.manager, {
      query: {
        value: (sql: string, ...rest: unknown[]) =>
          /^\s*WITH planned/.test(sql) && failures-- > 0
            ? Promise.reject(new Error('could not serialize access'))
            : (dataSource.manager.query as (...a: unknown[]) => unknown)(sql, ...rest),
      },
    });
    const flaky = Object.create(dataSource, { manager: { value: manager } });
    const results = await runDueJobs(jobDeps(ctx(), { dataSource: flaky }));
    expect(results.map((r) => [r.job, r.status])).toEqual([
      ['auto-close', 'failed'],
      ['reminders', 'ran'],
      ['sla-sweep', 'ran'],
      ['retention', 'ran'],
    ]);
    const [failedRun] = await dataSource.query(
      `SELECT error, finished_at FROM job_run WHERE job = 'auto-close' AND slot = $1`,
      [results[0].slot],
    );
    expect(failedRun).toEqual({ error: 'Error: could not serialize access', finished_at: clock.now() });
    expect((await ticketState(dataSource, ticket.id)).status).toBe('pending');

    clock.advance(5 * MINUTE);
    expect((await runDueJobs(jobDeps(ctx(), { dataSource: flaky })))[0]).toMatchObject({
      job: 'auto-close',
      status: 'ran',
    });
    expect((await ticketState(dataSource, ticket.id)).status).toBe('resolved');
  });

  test('two runs at once (a slow run and the next slot) close each ticket once', async () => {
    const { helpdesk, clock, dataSource } = ctx();
    const tickets = [];
    for (let i = 0; i < 6; i++) tickets.push(await pendingTicket(helpdesk, discord(`twice${i}`), `Twice ${i}`));
    clock.advance(8 * DAY);
    // Both read the same due tickets before either writes; only the first write may close them.
    const [first, second] = await Promise.all([
      autoCloseDueTickets(helpdesk.ctx, clock.now(), { batchSize: 2 }),
      autoCloseDueTickets(helpdesk.ctx, clock.now(), { batchSize: 2 }),
    ]);
    expect(first + second).toBeGreaterThanOrEqual(tickets.length);
    for (const ticket of tickets) {
      expect(
        (await eventsOf(dataSource, ticket.id, 'status_changed')).filter((e) => e.data.to === 'resolved'),
      ).toHaveLength(1);
      expect(
        (await customerNotices(dataSource, ticket.id)).filter((d) => d.payload.text?.includes('closed automatically')),
      ).toHaveLength(1);
    }
  });

  test('stopping the jobs ends a long catch-up after its current batch; the next run finishes it', async () => {
    const { helpdesk, clock, dataSource } = ctx();
    const tickets = [];
    for (let i = 0; i < 5; i++) tickets.push(await pendingTicket(helpdesk, discord(`stop${i}`), `Stop ${i}`));
    clock.advance(8 * DAY);
    let autoCloseTick: ((tick: { date: Date }) => Promise<void>) | undefined;
    let stopped: Promise<void> | undefined;
    const jobs = startJobs({
      dataSource,
      clock,
      policy: helpdesk.ctx.policy,
      settings: { AUTO_CLOSE_CRON: '*/5 * * * *', REMINDER_CRON: '*/5 * * * *' },
      logger: createLogger('silent'),
      batchSize: 2,
      // The process is asked to stop while the first batch commits.
      onDeliveriesWritten: () => void (stopped ??= jobs.stop()),
      scheduler: (_expression, onTick, options) => {
        if (options.name === 'auto-close') autoCloseTick = onTick;
        return { destroy: () => undefined };
      },
    });
    await autoCloseTick!({ date: clock.now() });
    await stopped;
    const [run] = await dataSource.query(
      `SELECT rows_affected, error, finished_at FROM job_run WHERE job = 'auto-close' AND instance = $1`,
      [jobs.instanceId],
    );
    expect(run).toEqual({ rows_affected: 2, error: null, finished_at: clock.now() });
    const states = await Promise.all(tickets.map((t) => ticketState(dataSource, t.id)));
    expect(states.filter((t) => t.status === 'pending').length).toBeGreaterThanOrEqual(3);

    clock.advance(5 * MINUTE);
    await runDueJobs(jobDeps(ctx()));
    for (const ticket of tickets) expect((await ticketState(dataSource, ticket.id)).status).toBe('resolved');
  });
});
