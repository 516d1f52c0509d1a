import { DAY } from '../../src/core/clock';
import { GUILD_ID, STAFF_CHANNEL_ID, type FakeUser } from '../../src/simulator/discord/fake-discord';
import { staffedWorldForFile } from '../fakes/discord/harness';
import { stringOption, subcommand } from '../../src/simulator/discord/interactions';
import { eventuallyPasses } from '../helpers/eventually';
import { storedState } from '../helpers/snapshot';

/** `/helpdesk redact`, end to end: the real discord.js client against the fake Discord, and the deliveries it sets off. */
describe('Redaction on Discord, end to end', () => {
  // Tina is a tier-1 supporter, Boss an admin.
  const t = staffedWorldForFile();

  const redact = (who: FakeUser, message: string, replacement?: string) =>
    t.world.command(
      who,
      'helpdesk',
      [
        subcommand('redact', [
          stringOption('message', message),
          ...(replacement ? [stringOption('replacement', replacement)] : []),
        ]),
      ],
      true,
    );
  const link = (channelId: string, messageId: string) =>
    `https://discord.com/channels/${GUILD_ID}/${channelId}/${messageId}`;
  const commentOf = async (messageId: string) =>
    (await t.world.db.dataSource.query(`SELECT * FROM comment WHERE platform_message_id = $1`, [messageId]))[0];
  const redactions = () =>
    t.world.db.dataSource.query(`SELECT status, last_error FROM delivery WHERE kind = 'comment.redacted' ORDER BY id`);

  /** A customer writes in their ticket's thread; the bot stores it. */
  async function customerSays(customer: FakeUser, threadId: string, text: string) {
    const message = t.world.fake.say(customer, threadId, text);
    await eventuallyPasses(async () => expect(await commentOf(message.id)).toBeDefined());
    await t.world.deliver();
    return message;
  }

  test("an admin redacts a customer's message by its link: the text is replaced, the message deleted, the admin told privately", async () => {
    const ann = t.world.fake.user('ann');
    const { number, threadId } = await t.world.openTicket(ann, 'Cannot log in to payroll');
    const message = await customerSays(ann, threadId, 'my password is hunter2, does that help?');

    const answer = await redact(t.boss, link(threadId, message.id), 'password removed');
    expect(answer.content).toContain(`ticket #${number}`);
    expect(answer.content).toContain('password removed');
    expect(answer.content).toContain('Manage Messages');
    expect(await commentOf(message.id)).toMatchObject({ body: 'password removed' });
    expect(JSON.stringify(await t.world.comments(number))).not.toContain('hunter2');

    await t.world.deliver();
    expect(
      t.world.fake.requestsTo('DELETE', new RegExp(`^/channels/${threadId}/messages/${message.id}$`)),
    ).toHaveLength(1);
    expect(JSON.stringify(t.world.fake.messagesIn(threadId))).not.toContain('hunter2');
    expect(await redactions()).toEqual([{ status: 'sent', last_error: null }]);
    // Discord's MESSAGE_DELETE for the bot's own deletion (handled before a message sent after it)
    // leaves the record showing the replacement, not "deleted".
    await customerSays(ann, threadId, 'thanks');
    expect(await commentOf(message.id)).toMatchObject({ body: 'password removed', deleted_at: null });
    const transcript = await t.world.helpdesk.queries.transcript(t.world.ref(ann), { ticketNumber: number });
    expect(transcript.content).toContain('password removed');
    expect(transcript.content).toContain('(redacted)');
  });

  test("a late reply that opened a follow-up: the bot's copy in the new thread is edited, the original deleted from the old, archived thread", async () => {
    const lena = t.world.fake.user('lena');
    const old = await t.world.openTicket(lena, 'VPN token expired');
    await t.world.helpdesk.tickets.resolve(t.world.ref(t.tina), { ticketNumber: old.number });
    await t.world.deliver();
    t.world.clock.advance(15 * DAY);
    const late = t.world.fake.say(lena, old.threadId, 'new token is 993311, PIN 4321');
    await eventuallyPasses(async () => expect(await commentOf(late.id)).toBeDefined());
    await t.world.deliver();
    const followUp = (
      await t.world.db.dataSource.query(
        `SELECT number, location FROM ticket WHERE follow_up_of_id = (SELECT id FROM ticket WHERE number = $1)`,
        [old.number],
      )
    )[0];
    const newThread: string = followUp.location.discordThreadId;
    const copy = t.world.fake.messagesIn(newThread).find((m) => String(m.content).includes('993311'))!;
    expect(copy.author.id).toBe(t.world.fake.bot.id);

    // The admin pastes the link to the bot's copy: it finds the same comment.
    const answer = await redact(t.boss, link(newThread, copy.id));
    expect(answer.content).toContain(`ticket #${followUp.number}`);
    expect(answer.content).toContain('editing its copy');
    await t.world.deliver();

    const edits = t.world.fake.requestsTo('PATCH', new RegExp(`^/channels/${newThread}/messages/${copy.id}$`));
    expect(edits.map((r) => r.body.content)).toEqual(['**Lena:** [redacted by an admin]']);
    expect(t.world.fake.messagesIn(newThread).find((m) => m.id === copy.id)!.content).toBe(
      '**Lena:** [redacted by an admin]',
    );
    // The old thread was archived: opened for the deletion, then archived again.
    expect(t.world.fake.messagesIn(old.threadId).map((m) => m.id)).not.toContain(late.id);
    const reopened = t.world.fake
      .requestsTo('PATCH', new RegExp(`^/channels/${old.threadId}$`))
      .map((r) => r.body.archived);
    expect(reopened.slice(-2)).toEqual([false, true]);
    expect(t.world.fake.channels.get(old.threadId).thread_metadata.archived).toBe(true);
    expect(JSON.stringify([...t.world.fake.messages.values()])).not.toContain('993311');
    expect((await redactions()).at(-1)).toEqual({ status: 'sent', last_error: null });
  });

  test("an internal note's copy in the staff thread is edited; without Manage Messages the staff channel is told and nothing is retried", async () => {
    const hal = t.world.fake.user('hal');
    const { number, threadId } = await t.world.openTicket(hal, 'Shared drive is read-only');
    const note = await t.world.command(
      t.tina,
      'note',
      [stringOption('text', 'admin password for the NAS is Tr0ub4dor')],
      true,
      threadId,
    );
    expect(note.content).toContain(`Internal note added to #${number}`);
    const message = await customerSays(hal, threadId, 'my date of birth is 1990-01-01');
    const staffThread: string = (await t.world.ticket(number)).location.discordStaffThreadId;
    const noteCopy = t.world.fake.messagesIn(staffThread).find((m) => String(m.content).includes('Tr0ub4dor'))!;
    const [noteRow] = (await t.world.comments(number)).filter((c: { kind: string }) => c.kind === 'internal');

    // By comment id (the note was written with a command: there is no original to delete).
    expect((await redact(t.boss, String(noteRow.id), 'NAS password removed')).content).toContain(`ticket #${number}`);
    await t.world.deliver();
    expect(t.world.fake.messagesIn(staffThread).find((m) => m.id === noteCopy.id)!.content).toBe(
      'Internal note from **Tina:** NAS password removed',
    );

    t.world.fake.failNext('DELETE', new RegExp(`/messages/${message.id}$`), 403);
    await redact(t.boss, message.id);
    await t.world.deliver();
    expect(t.world.fake.messagesIn(threadId).map((m) => m.id)).toContain(message.id);
    const alert = t.world.fake.messagesIn(STAFF_CHANNEL_ID).at(-1)!;
    expect(alert.content).toContain(`Ticket #${number}`);
    expect(alert.content).toContain(link(threadId, message.id));
    expect((await redactions()).at(-1)).toEqual({
      status: 'failed',
      last_error: expect.stringMatching(/^missing_permissions/),
    });
    // Failed for good: a later run does not try the deletion again.
    const deletes = t.world.fake.requestsTo('DELETE', /messages/).length;
    await t.world.deliver();
    expect(t.world.fake.requestsTo('DELETE', /messages/).length).toBe(deletes);
  });

  test('a supporter is refused privately and nothing changes; a malformed link or an unknown message gets a clear private answer', async () => {
    const ivy = t.world.fake.user('ivy');
    const { threadId } = await t.world.openTicket(ivy, 'Printer offline');
    const message = await customerSays(ivy, threadId, 'my card number is 4111 1111 1111 1111');
    const before = await storedState(t.world.db.dataSource);

    const refused = await redact(t.tina, link(threadId, message.id));
    expect(refused.content).toMatch(/^You can't do that: .*admin/);
    const malformed = await redact(t.boss, 'https://discord.com/channels/123/not-a-message');
    expect(malformed.content).toContain('not a Discord message link');
    expect(malformed.content).toContain('Copy Message Link');
    const unknown = await redact(t.boss, link(threadId, '1234567890123456789'));
    expect(unknown.content).toContain("not a ticket's comment");

    expect(await storedState(t.world.db.dataSource)).toEqual(before);
    await t.world.deliver();
    expect(t.world.fake.messagesIn(threadId).find((m) => m.id === message.id)!.content).toContain('4111');
  });
});
