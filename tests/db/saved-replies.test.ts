import { Registry } from 'prom-client';
import { ForbiddenError, NotFoundError, ConflictError, InvalidInputError } from '../../src/core/errors';
import { registerSavedReplyMetrics } from '../../src/http/saved-reply-metrics';
import { describeEachDatabase } from '../helpers/database';
import { ADMIN, discord, staffUp } from '../helpers/people';

/** Saved replies: admins keep them with revisions, staff fill one in for a ticket, and each use is counted. */
describeEachDatabase('saved replies', (ctx) => {
  const supporter = discord('kim');
  const customer = discord('cora');
  const replies = () => ctx().helpdesk.savedReplies;

  beforeAll(async () => {
    await ctx().helpdesk.staff.bootstrapAdmins([ADMIN]);
    await staffUp(ctx().helpdesk, { kim: '1' });
  });

  test('an admin adds and edits a reply; each version is kept as a revision; a supporter may not manage them', async () => {
    await replies().add(ADMIN, { name: 'restart', text: 'Hi {customer}, please restart.' });
    await expect(replies().add(supporter, { name: 'x', text: 'y' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(replies().add(ADMIN, { name: 'RESTART', text: 'again' })).rejects.toBeInstanceOf(ConflictError);
    await expect(replies().add(ADMIN, { name: 'n'.repeat(41), text: 'y' })).rejects.toThrow(/limit is 40/);
    await expect(replies().add(ADMIN, { name: 'long', text: 't'.repeat(2001) })).rejects.toThrow(/limit is 2000/);
    await replies().edit(ADMIN, { name: 'restart', text: 'Hi {customer}, please restart the laptop (#{number}).' });
    const revisions = await replies().revisions(ADMIN, { name: 'restart' });
    expect(revisions.map((r) => r.text)).toEqual([
      'Hi {customer}, please restart.',
      'Hi {customer}, please restart the laptop (#{number}).',
    ]);
    expect((await replies().list(supporter)).map((r) => r.name)).toEqual(['restart']);
    await expect(replies().list(customer)).rejects.toBeInstanceOf(ForbiddenError);
  });

  test('staff fill a reply in for a ticket; a customer may not; use is counted; a removed reply is gone', async () => {
    const ticket = await ctx().helpdesk.tickets.open(
      { ...customer, displayName: 'Cora' },
      { title: 'Laptop slow', description: 'Very slow', type: 'incident' },
    );
    const filled = await replies().fill(supporter, { ticketNumber: ticket.number, name: 'Restart' });
    expect(filled.text).toBe(`Hi Cora, please restart the laptop (#${ticket.number}).`);
    await expect(replies().fill(customer, { ticketNumber: ticket.number, name: 'restart' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await replies().send(supporter, { ticketNumber: ticket.number, name: 'restart' });
    expect(await replies().uses()).toEqual([{ name: 'restart', uses: 1 }]);
    await replies().remove(ADMIN, { name: 'restart' });
    await expect(replies().fill(supporter, { ticketNumber: ticket.number, name: 'restart' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await replies().list(supporter)).toEqual([]);
  });

  test("send stores the filled text as the staff member's comment and counts it; /helpdesk stats and /metrics show the count", async () => {
    await replies().add(ADMIN, { name: 'thanks', text: 'Thanks {customer}, #{number} is with {assignee}.' });
    const ticket = await ctx().helpdesk.tickets.open(
      { ...customer, displayName: 'Cora' },
      { title: 'Mouse', description: 'Broken', type: 'incident' },
    );
    const sent = await replies().send(supporter, { ticketNumber: ticket.number, name: 'Thanks' });
    expect(sent.comment.body).toMatch(/^Thanks Cora, #\d+ is with/);
    expect(sent.outcome).toBe('staff_reply');
    await expect(replies().send(customer, { ticketNumber: ticket.number, name: 'thanks' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const edited = await replies().send(supporter, { ticketNumber: ticket.number, name: 'thanks', text: 'Edited.' });
    expect(edited.comment.body).toBe('Edited.');
    const stats = await ctx().helpdesk.stats.stats(ADMIN, { period: '7d' });
    expect(stats.savedReplies).toEqual([{ name: 'thanks', uses: 2 }]);
    const registry = new Registry();
    registerSavedReplyMetrics(registry, ctx().dataSource);
    const metric = await registry.getSingleMetric('helpdesk_saved_reply_uses')!.get();
    expect(metric.values.map((v) => ({ labels: v.labels, value: v.value }))).toEqual([
      { labels: { reply: 'thanks' }, value: 2 },
    ]);
  });

  test("a reply longer than a message once filled in is refused at the preview, in the reader's language", async () => {
    await replies().add(ADMIN, { name: 'long', text: `${'x'.repeat(1990)} {title}` });
    const ticket = await ctx().helpdesk.tickets.open(customer, {
      title: 'A title that pushes it over',
      description: 'x',
      type: 'incident',
    });
    const refusal = replies().fill(supporter, { ticketNumber: ticket.number, name: 'long' });
    await expect(refusal).rejects.toBeInstanceOf(InvalidInputError);
    await expect(refusal).rejects.toThrow(/a message holds at most 2000/);
  });
});
