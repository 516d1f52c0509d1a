import { describeEachDatabase } from '../helpers/database';
import { discord, staffUp } from '../helpers/people';

describeEachDatabase('what senders read and record', (ctx) => {
  beforeAll(async () => {
    await staffUp(ctx().helpdesk, { tina: '1' });
  });

  test('a sender finds the ticket, its card, its people and a comment; places it records find the ticket again', async () => {
    const { tickets, comments, deliveries } = ctx().helpdesk;
    const ticket = await tickets.open(discord('carl'), { title: 'Card me', description: 'd', type: 'incident' });
    const said = await comments.comment(discord('carl'), {
      ticketNumber: ticket.number,
      body: 'hello',
      platformMessageId: 'msg-1',
    });
    const view = await deliveries.forTicket(ticket.id, said.comment.id);
    expect(view.card.heading).toBe(`#${ticket.number} Card me`);
    expect(view.card.fields.find((f) => f.name === 'Assignee')?.value).toBe('Tina');
    expect(view.card.staffActions).toContain('claim');
    expect(view.card.customerActions).toEqual(['solved']);
    expect(view.customer.identities).toEqual([{ platform: 'discord', userId: 'carl' }]);
    expect(view.assignee?.isStaff).toBe(true);
    expect(view.comment).toMatchObject({ body: 'hello', byCustomer: true, platformMessageId: 'msg-1' });

    await deliveries.saveLocation(ticket.id, { discordThreadId: 'T-1' });
    await deliveries.saveLocation(ticket.id, { discordCardMessageId: 'M-1' });
    const found = await deliveries.ticketAt('discordThreadId', 'T-1');
    expect(found?.location).toEqual({ discordThreadId: 'T-1', discordCardMessageId: 'M-1' });
    expect(await deliveries.ticketAt('discordThreadId', 'nope')).toBeNull();
    expect(await deliveries.lastMessageId(ticket.id, 'discord')).toBe('msg-1');
    expect((await deliveries.openTicketsOn('discord')).map((t) => t.id)).toContain(ticket.id);
  });

  test("the bot's copies of a comment are recorded per platform, once each, and read back in order", async () => {
    const { tickets, comments, deliveries } = ctx().helpdesk;
    const ticket = await tickets.open(discord('carl'), { title: 'Copies', description: 'd', type: 'incident' });
    const said = await comments.comment(discord('tina'), { ticketNumber: ticket.number, body: 'try again' });
    await deliveries.saveCommentPost(said.comment.id, 'slack', 'CSUPPORT', 'CSUPPORT:1.000001');
    await deliveries.saveCommentPost(said.comment.id, 'slack', 'DCARL', 'DCARL:1.000002');
    // A retried post that the platform answered with the first message: kept once.
    await deliveries.saveCommentPost(said.comment.id, 'slack', 'DCARL', 'DCARL:1.000002');
    await deliveries.saveCommentPost(said.comment.id, 'discord', 'T-1', 'M-9');
    expect(await deliveries.commentPosts(said.comment.id, 'slack')).toEqual([
      { channelId: 'CSUPPORT', messageId: 'CSUPPORT:1.000001' },
      { channelId: 'DCARL', messageId: 'DCARL:1.000002' },
    ]);
    expect(await deliveries.commentPosts(said.comment.id, 'discord')).toEqual([{ channelId: 'T-1', messageId: 'M-9' }]);
    const [row] = await ctx().dataSource.query(`SELECT count(*)::int AS n FROM comment_post WHERE comment_id = $1`, [
      said.comment.id,
    ]);
    expect(row.n).toBe(3);
    expect((await deliveries.forTicket(ticket.id, said.comment.id)).comment?.redacted).toBe(false);
  });
});
