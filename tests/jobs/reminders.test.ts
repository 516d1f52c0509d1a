import { DAY, HOUR, MINUTE } from '../../src/core/clock';
import { reminderDaysBeforeClose, sendDueReminders } from '../../src/jobs/reminders';
import { runDueJobs } from '../../src/jobs/schedule';
import { defaultPolicy } from '../../src/config';
import { describeEachDatabase } from '../helpers/database';
import { discord, staffUp } from '../helpers/people';
import { SUPPORTER, customerNotices, eventsOf, jobDeps, pendingTicket, ticketState } from './job-helpers';

const reminderText = (number: number, closesOn: string) =>
  `Reminder: support is still waiting for your answer on #${number}. Without a reply it closes automatically on ${closesOn}. Reply here to keep it open.`;

/**
 * Reminders: on each of REMINDER_DAYS (2 and 5) after a ticket was set pending, one reminder to
 * the customer, exactly once per pending period. The schedule runs every 5 minutes; tests run
 * slots by moving the clock, never by waiting.
 */
describeEachDatabase('reminder job', (ctx) => {
  const customer = discord('rita');

  beforeAll(async () => {
    await staffUp(ctx().helpdesk, { tina: '1' });
  });

  /** Runs the jobs every `step` until `until`, as the schedule would. */
  async function runEvery(step: number, until: Date): Promise<void> {
    const { clock } = ctx();
    while (clock.now().getTime() + step <= until.getTime()) {
      clock.advance(step);
      await runDueJobs(jobDeps(ctx()));
    }
  }

  test('one reminder on day 2 and one on day 5, each once however often the job runs', async () => {
    const { helpdesk, clock, dataSource } = ctx();
    const ticket = await pendingTicket(helpdesk, customer);
    const pendingAt = clock.now();
    const at = (ms: number) => new Date(pendingAt.getTime() + ms);

    await runEvery(3 * HOUR, at(2 * DAY - MINUTE));
    expect(await eventsOf(dataSource, ticket.id, 'reminded')).toHaveLength(0);

    // Every 5 minutes around the day-2 mark: one reminder, at the first run on or after it.
    await runEvery(5 * MINUTE, at(2 * DAY + HOUR));
    const afterDay2 = await eventsOf(dataSource, ticket.id, 'reminded');
    expect(afterDay2).toHaveLength(1);
    expect(afterDay2[0].actor_id).toBeNull();
    expect(afterDay2[0].data).toEqual({ day: 2, pendingSince: pendingAt.toISOString() });
    expect(afterDay2[0].created_at.getTime() - pendingAt.getTime()).toBeGreaterThanOrEqual(2 * DAY);
    expect(afterDay2[0].created_at.getTime() - pendingAt.getTime()).toBeLessThan(2 * DAY + 5 * MINUTE);

    await runEvery(3 * HOUR, at(6 * DAY + 23 * HOUR));
    const reminders = await eventsOf(dataSource, ticket.id, 'reminded');
    expect(reminders.map((e) => e.data.day)).toEqual([2, 5]);
    expect((await ticketState(dataSource, ticket.id)).reminders_sent).toBe(2);

    const closesOn = at(7 * DAY)
      .toISOString()
      .slice(0, 10);
    const notices = (await customerNotices(dataSource, ticket.id)).filter((d) =>
      d.payload.text?.startsWith('Reminder'),
    );
    expect(notices.map((d) => [d.event_id, d.payload.text])).toEqual(
      reminders.map((e) => [e.id, reminderText(ticket.number, closesOn)]),
    );
    expect(notices.every((d) => d.destination === `ticket:${ticket.id}`)).toBe(true);
  });

  test('a reply ends the series; pending again starts a new one from day 2', async () => {
    const { helpdesk, clock, dataSource } = ctx();
    const ticket = await pendingTicket(helpdesk, customer);
    const firstPending = clock.now();
    await runEvery(6 * HOUR, new Date(firstPending.getTime() + 3 * DAY));
    expect((await eventsOf(dataSource, ticket.id, 'reminded')).map((e) => e.data.day)).toEqual([2]);

    await helpdesk.comments.comment(customer, { ticketNumber: ticket.number, body: 'Sorry, was away.' });
    expect((await ticketState(dataSource, ticket.id)).status).toBe('open');
    clock.advance(HOUR);
    await helpdesk.tickets.setPending(SUPPORTER, { ticketNumber: ticket.number });
    const secondPending = clock.now();
    expect((await ticketState(dataSource, ticket.id)).reminders_sent).toBe(0);

    // Day 5 of the first series passes with nothing sent: that series ended with the reply.
    await runEvery(HOUR, new Date(secondPending.getTime() + 2 * DAY - MINUTE));
    expect(await eventsOf(dataSource, ticket.id, 'reminded')).toHaveLength(1);

    await runEvery(HOUR, new Date(secondPending.getTime() + 5 * DAY + HOUR));
    const reminders = await eventsOf(dataSource, ticket.id, 'reminded');
    expect(reminders.map((e) => e.data)).toEqual([
      { day: 2, pendingSince: firstPending.toISOString() },
      { day: 2, pendingSince: secondPending.toISOString() },
      { day: 5, pendingSince: secondPending.toISOString() },
    ]);
  });

  test('a run that comes days late marks every passed day done and sends one reminder', async () => {
    const { helpdesk, clock, dataSource } = ctx();
    const ticket = await pendingTicket(helpdesk, customer);
    clock.advance(5 * DAY + 3 * HOUR);
    const progress = { rowsAffected: 0 };
    expect(await sendDueReminders(helpdesk.ctx, clock.now(), { progress })).toBeGreaterThanOrEqual(1);
    expect(progress.rowsAffected).toBeGreaterThanOrEqual(1);
    expect((await eventsOf(dataSource, ticket.id, 'reminded')).map((e) => e.data.day)).toEqual([5]);
    expect((await ticketState(dataSource, ticket.id)).reminders_sent).toBe(2);

    clock.advance(HOUR);
    await sendDueReminders(helpdesk.ctx, clock.now());
    expect(await eventsOf(dataSource, ticket.id, 'reminded')).toHaveLength(1);
    expect(
      (await customerNotices(dataSource, ticket.id)).filter((d) => d.payload.text?.startsWith('Reminder')),
    ).toHaveLength(1);
  });

  test('a ticket already due to close gets no reminder, only the close', async () => {
    const { helpdesk, clock, dataSource } = ctx();
    const ticket = await pendingTicket(helpdesk, customer);
    clock.advance(9 * DAY);
    await runDueJobs(jobDeps(ctx()));
    expect(await eventsOf(dataSource, ticket.id, 'reminded')).toHaveLength(0);
    expect((await ticketState(dataSource, ticket.id)).resolution).toBe('closed_automatically');
  });

  test('many owed tickets are reminded in batches, each once', async () => {
    const { helpdesk, clock, dataSource } = ctx();
    const tickets = [];
    for (let i = 0; i < 5; i++) tickets.push(await pendingTicket(helpdesk, discord(`rem${i}`), `Reminder ${i}`));
    clock.advance(2 * DAY + MINUTE);
    expect(await sendDueReminders(helpdesk.ctx, clock.now(), { batchSize: 2 })).toBeGreaterThanOrEqual(5);
    expect(await sendDueReminders(helpdesk.ctx, clock.now(), { batchSize: 2 })).toBe(0);
    for (const ticket of tickets) expect(await eventsOf(dataSource, ticket.id, 'reminded')).toHaveLength(1);
  });
});

describe('reminder days', () => {
  test('only days before the close count, ascending, once each', () => {
    expect(reminderDaysBeforeClose(defaultPolicy)).toEqual([2, 5]);
    expect(reminderDaysBeforeClose({ ...defaultPolicy, reminderDays: [6, 2, 7, 10, 2], autoCloseDays: 7 })).toEqual([
      2, 6,
    ]);
    expect(reminderDaysBeforeClose({ ...defaultPolicy, reminderDays: [0.5], autoCloseDays: 1 })).toEqual([0.5]);
  });
});
