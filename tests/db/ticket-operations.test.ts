import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../src/core/errors';
import { DAY } from '../../src/core/clock';
import { describeEachDatabase } from '../helpers/database';
import { ADMIN, discord, slack, staffUp } from '../helpers/people';
import { storedState } from '../helpers/snapshot';

describeEachDatabase('ticket operations', (ctx) => {
  const carl = discord('carl');
  const dora = discord('dora');
  const tina = discord('tina'); // tier 1
  const sara = discord('sara'); // tier 2
  const theo = discord('theo'); // tier 3

  beforeAll(async () => {
    await staffUp(ctx().helpdesk, { tina: '1', sara: '2', theo: '3' });
  });

  const open = (who = carl, title = 'Mail is slow') =>
    ctx().helpdesk.tickets.open(who, { title, description: 'Outlook takes a minute to load.', type: 'incident' });

  /** Runs an operation expected to fail and proves nothing stored changed. */
  async function refusedWithoutChange(
    operation: () => Promise<unknown>,
    errorType: new (...args: never[]) => Error,
    message?: string | RegExp,
  ) {
    const before = await storedState(ctx().dataSource);
    const attempt = operation();
    await expect(attempt).rejects.toBeInstanceOf(errorType);
    if (message) await expect(attempt).rejects.toThrow(message);
    expect(await storedState(ctx().dataSource)).toEqual(before);
  }

  describe('open', () => {
    test('a new ticket gets the next number, status open, priority P3, tier 1 and a tier-1 assignee', async () => {
      const first = await open();
      const second = await open(dora);
      expect(second.number).toBe(first.number + 1);
      expect(first).toMatchObject({ status: 'open', priority: 'P3', tier: 1, platform: 'discord' });
      expect(first.assigneeId).not.toBeNull();
    });

    test('titles and descriptions are checked, field by field, and nothing is stored', async () => {
      const { tickets } = ctx().helpdesk;
      await refusedWithoutChange(
        () => tickets.open(carl, { title: '   ', description: 'x', type: 'incident' }),
        InvalidInputError,
        "The title can't be empty",
      );
      await refusedWithoutChange(
        () => tickets.open(carl, { title: 'x'.repeat(101), description: 'x', type: 'incident' }),
        InvalidInputError,
        'limit is 100',
      );
      await refusedWithoutChange(
        () => tickets.open(carl, { title: 'ok', description: 'x'.repeat(3001), type: 'incident' }),
        InvalidInputError,
        'limit is 3000',
      );
      await refusedWithoutChange(
        () => tickets.open(carl, { title: 'ok', description: 'x', type: 'question' as never }),
        InvalidInputError,
        'Choose a type: Incident or Request',
      );
    });

    test('the field names the problem so a person can fix it', async () => {
      const error = await ctx()
        .helpdesk.tickets.open(carl, { title: '', description: '', type: 'incident' })
        .catch((e) => e);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).problems.map((p) => p.field)).toEqual(['title', 'description']);
    });

    test('staff open a ticket on behalf of a customer; a customer cannot', async () => {
      const ticket = await ctx().helpdesk.tickets.open(tina, {
        title: 'Phone lost',
        description: 'Called in.',
        type: 'request',
        onBehalfOf: discord('erik'),
      });
      const detail = await ctx().helpdesk.queries.show(discord('erik'), { ticketNumber: ticket.number });
      expect(detail.customer.displayName).toBe('Erik');
      expect(ticket.openedById).not.toBe(ticket.customerId);
      await refusedWithoutChange(
        () => ctx().helpdesk.tickets.open(carl, { title: 'x', description: 'y', type: 'request', onBehalfOf: dora }),
        ForbiddenError,
        'someone else',
      );
    });
  });

  describe('comments', () => {
    test('a message delivered twice is stored once', async () => {
      const ticket = await open();
      const input = { ticketNumber: ticket.number, body: 'Still slow', platformMessageId: 'm-dup-1' };
      const first = await ctx().helpdesk.comments.comment(carl, input);
      const again = await ctx().helpdesk.comments.comment(carl, input);
      expect(again.outcome).toBe('duplicate');
      expect(again.comment.id).toBe(first.comment.id);
      const [{ count }] = await ctx().dataSource.query(
        `SELECT count(*)::int AS count FROM comment WHERE platform_message_id = 'm-dup-1'`,
      );
      expect(count).toBe(1);
    });

    test('the same message delivered twice at once is stored once', async () => {
      const ticket = await open();
      const input = { ticketNumber: ticket.number, body: 'Race', platformMessageId: 'm-race' };
      const results = await Promise.all([
        ctx().helpdesk.comments.comment(carl, input),
        ctx().helpdesk.comments.comment(carl, input),
      ]);
      expect(new Set(results.map((r) => r.comment.id)).size).toBe(1);
    });

    test("a customer cannot comment on someone else's ticket", async () => {
      const ticket = await open();
      await refusedWithoutChange(
        () => ctx().helpdesk.comments.comment(dora, { ticketNumber: ticket.number, body: 'hi' }),
        NotFoundError,
        `There is no ticket #${ticket.number} that you can see`,
      );
    });

    test('an empty message, an unknown ticket and a non-number are clear errors', async () => {
      const { comments } = ctx().helpdesk;
      await refusedWithoutChange(
        () => comments.comment(carl, { ticketNumber: 1, body: '   ' }),
        InvalidInputError,
        'text or a file',
      );
      await refusedWithoutChange(
        () => comments.comment(carl, { ticketNumber: 99999, body: 'hi' }),
        NotFoundError,
        'There is no ticket #99999',
      );
      await refusedWithoutChange(
        () => comments.comment(carl, { ticketNumber: 'six' as never, body: 'hi' }),
        InvalidInputError,
        'whole number',
      );
    });

    test('edits keep the old text; deletes are marks; the transcript shows both', async () => {
      const ticket = await open();
      await ctx().helpdesk.comments.comment(carl, {
        ticketNumber: ticket.number,
        body: 'my pasword is hunter2',
        platformMessageId: 'm-edit',
      });
      const edited = await ctx().helpdesk.comments.edit(carl, {
        platformMessageId: 'm-edit',
        body: 'my password is hunter2',
      });
      expect(edited?.body).toBe('my password is hunter2');
      const [revision] = await ctx().dataSource.query(`SELECT body FROM comment_revision WHERE comment_id = $1`, [
        edited!.id,
      ]);
      expect(revision.body).toBe('my pasword is hunter2');
      await expect(
        ctx().helpdesk.comments.edit(dora, { platformMessageId: 'm-edit', body: 'hijack' }),
      ).rejects.toBeInstanceOf(ForbiddenError);

      const deleted = await ctx().helpdesk.comments.markDeleted('discord', { platformMessageId: 'm-edit' });
      expect(deleted?.deletedAt).not.toBeNull();
      const [row] = await ctx().dataSource.query(`SELECT body, deleted_at FROM comment WHERE id = $1`, [edited!.id]);
      expect(row.body).toBe('my password is hunter2');
      const forCustomer = await ctx().helpdesk.queries.transcript(carl, { ticketNumber: ticket.number });
      expect(forCustomer.content).toContain('(deleted)');
      expect(forCustomer.content).not.toContain('hunter2');
    });

    test('an admin redaction replaces the text everywhere and keeps who and when; others may not redact', async () => {
      const ticket = await open();
      const said = await ctx().helpdesk.comments.comment(carl, {
        ticketNumber: ticket.number,
        body: 'password: s3cret',
        platformMessageId: 'm-redact',
      });
      await ctx().helpdesk.comments.edit(carl, { platformMessageId: 'm-redact', body: 'password: s3cret!' });
      await refusedWithoutChange(
        () => ctx().helpdesk.comments.redact(tina, { commentId: said.comment.id }),
        ForbiddenError,
        'admin',
      );
      const redacted = await ctx().helpdesk.comments.redact(ADMIN, { commentId: said.comment.id });
      expect(redacted.comment.redactedById).not.toBeNull();
      expect(redacted.ticket.number).toBe(ticket.number);
      const stored = JSON.stringify(
        await ctx().dataSource.query(
          `SELECT c.body, r.body AS old FROM comment c LEFT JOIN comment_revision r ON r.comment_id = c.id WHERE c.id = $1`,
          [said.comment.id],
        ),
      );
      expect(stored).not.toContain('s3cret');
      await refusedWithoutChange(
        () => ctx().helpdesk.comments.redact(ADMIN, { commentId: said.comment.id }),
        ConflictError,
        'already redacted',
      );
    });

    test("a redaction names the message by its platform id (the one written, or the bot's copy of it) and plans its removal there", async () => {
      const ticket = await open();
      const said = await ctx().helpdesk.comments.comment(carl, {
        ticketNumber: ticket.number,
        body: 'my pin is 4711',
        platformMessageId: 'm-pin',
      });
      await ctx().helpdesk.deliveries.saveCommentPost(said.comment.id, 'discord', 'staff-thread', 'copy-of-pin');
      const redacted = await ctx().helpdesk.comments.redact(ADMIN, {
        platformMessageId: 'm-pin',
        replacement: '  (pin removed)  ',
      });
      expect(redacted.comment).toMatchObject({ id: said.comment.id, body: '(pin removed)' });
      expect(redacted.copies.map((c) => c.messageId)).toEqual(['copy-of-pin']);
      const [row] = await ctx().dataSource.query(`SELECT body, redacted_at FROM comment WHERE id = $1`, [
        said.comment.id,
      ]);
      expect(row.body).toBe('(pin removed)');
      const deliveries = await ctx().dataSource.query(
        `SELECT platform, destination, payload FROM delivery WHERE kind = 'comment.redacted' AND ticket_id = $1`,
        [ticket.id],
      );
      expect(deliveries).toEqual([
        { platform: 'discord', destination: `ticket:${ticket.id}`, payload: { commentId: said.comment.id } },
      ]);

      // The link to a copy finds the same comment: here, already redacted.
      await refusedWithoutChange(
        () => ctx().helpdesk.comments.redact(ADMIN, { platformMessageId: 'copy-of-pin' }),
        ConflictError,
        'already redacted',
      );
      // The bot deleting the original afterwards does not turn the replacement into "deleted".
      await ctx().helpdesk.comments.markDeleted('discord', { platformMessageId: 'm-pin' });
      const transcript = await ctx().helpdesk.queries.transcript(carl, { ticketNumber: ticket.number });
      expect(transcript.content).toContain('(redacted)');
      expect(transcript.content).toContain('(pin removed)');
      expect(transcript.content).not.toContain('4711');
    });

    test('a redaction by a supporter is refused with nothing changed; an unknown message or none named is a clear answer', async () => {
      const ticket = await open();
      await ctx().helpdesk.comments.comment(carl, {
        ticketNumber: ticket.number,
        body: 'card 1234-5678',
        platformMessageId: 'm-card',
      });
      await refusedWithoutChange(
        () => ctx().helpdesk.comments.redact(tina, { platformMessageId: 'm-card' }),
        ForbiddenError,
        'admin',
      );
      await refusedWithoutChange(
        () => ctx().helpdesk.comments.redact(ADMIN, { platformMessageId: 'no-such-message' }),
        NotFoundError,
        "not a ticket's comment",
      );
      // The message ids are the actor's platform's: a Slack admin's link never finds a Discord message.
      await ctx().helpdesk.staff.add(ADMIN, { person: slack('sladmin'), role: 'admin' });
      await refusedWithoutChange(
        () => ctx().helpdesk.comments.redact(slack('sladmin'), { platformMessageId: 'm-card' }),
        NotFoundError,
      );
      await refusedWithoutChange(
        () => ctx().helpdesk.comments.redact(ADMIN, { commentId: 999_999 }),
        NotFoundError,
        'no comment 999999',
      );
      await refusedWithoutChange(
        () => ctx().helpdesk.comments.redact(ADMIN, {}),
        InvalidInputError,
        'Name one message: its link or its comment id',
      );
      await refusedWithoutChange(
        () => ctx().helpdesk.comments.redact(ADMIN, { commentId: 1, platformMessageId: 'm-card' }),
        InvalidInputError,
        'Name one message: its link or its comment id',
      );
    });

    test('attachments are kept up to the size limit; larger ones keep their name and why', async () => {
      const ticket = await open();
      const max = ctx().helpdesk.ctx.policy.attachmentMaxBytes;
      const result = await ctx().helpdesk.comments.comment(carl, {
        ticketNumber: ticket.number,
        body: '',
        attachments: [
          { filename: 'screenshot.png', contentType: 'image/png', sizeBytes: 4, data: Buffer.from([1, 2, 3, 4]) },
          { filename: 'huge.zip', sizeBytes: max + 1, data: null },
        ],
      });
      const files = await ctx().dataSource.query(
        `SELECT filename, data, skipped FROM attachment WHERE comment_id = $1 ORDER BY id`,
        [result.comment.id],
      );
      expect(files[0]).toMatchObject({ filename: 'screenshot.png', skipped: null });
      expect(Buffer.from(files[0].data)).toEqual(Buffer.from([1, 2, 3, 4]));
      expect(files[1]).toMatchObject({ filename: 'huge.zip', data: null });
      expect(files[1].skipped).toContain('ATTACHMENT_MAX_MB');
    });

    test('internal notes are for staff, and never shown to the customer', async () => {
      const ticket = await open();
      await refusedWithoutChange(
        () => ctx().helpdesk.comments.note(carl, { ticketNumber: ticket.number, body: 'sneaky' }),
        ForbiddenError,
        'staff',
      );
      await ctx().helpdesk.comments.note(tina, {
        ticketNumber: ticket.number,
        body: 'Known issue with the mail gateway',
      });
      const forCustomer = await ctx().helpdesk.queries.show(carl, { ticketNumber: ticket.number });
      expect(JSON.stringify(forCustomer)).not.toContain('mail gateway');
      const forStaff = await ctx().helpdesk.queries.transcript(tina, { ticketNumber: ticket.number });
      expect(forStaff.content).toContain('mail gateway');
      const deliveries = await ctx().dataSource.query(`SELECT kind, payload FROM delivery WHERE ticket_id = $1`, [
        ticket.id,
      ]);
      expect(deliveries.filter((d: { kind: string }) => d.kind === 'comment.internal')).toHaveLength(1);
      expect(JSON.stringify(deliveries.filter((d: { kind: string }) => d.kind !== 'comment.internal'))).not.toContain(
        'mail gateway',
      );
    });
  });

  describe('status changes', () => {
    test('pending, resolve, reopen by the customer, mark solved; illegal moves are clear conflicts', async () => {
      const { tickets } = ctx().helpdesk;
      const ticket = await open();
      const n = { ticketNumber: ticket.number };
      await refusedWithoutChange(() => tickets.setPending(carl, n), ForbiddenError, 'staff');
      await tickets.setPending(tina, n);
      await refusedWithoutChange(() => tickets.setPending(tina, n), ConflictError, 'already pending');
      await tickets.resolve(tina, n);
      await refusedWithoutChange(() => tickets.resolve(tina, n), ConflictError, 'already resolved');
      await refusedWithoutChange(() => tickets.reopen(dora, n), NotFoundError);
      expect((await tickets.reopen(carl, n)).status).toBe('open');
      await refusedWithoutChange(() => tickets.markSolved(tina, n), ForbiddenError, 'customer');
      const solved = await tickets.markSolved(carl, n);
      expect(solved.resolution).toBe('solved_by_customer');
    });

    test("a customer's reply within REOPEN_DAYS reopens; later it opens a linked follow-up", async () => {
      const { tickets, comments } = ctx().helpdesk;
      const ticket = await open();
      await tickets.resolve(tina, { ticketNumber: ticket.number });
      ctx().clock.advance(3 * DAY);
      const reopened = await comments.comment(carl, { ticketNumber: ticket.number, body: 'It is back' });
      expect(reopened.outcome).toBe('reopen');
      expect(reopened.ticket.status).toBe('open');

      await tickets.resolve(tina, { ticketNumber: ticket.number });
      ctx().clock.advance(15 * DAY);
      const later = await comments.comment(carl, { ticketNumber: ticket.number, body: 'Slow again since today' });
      expect(later.outcome).toBe('follow_up');
      expect(later.ticket.number).not.toBe(ticket.number);
      expect(later.ticket.followUpOfId).toBe(ticket.id);
      expect(later.ticket.description).toBe('Slow again since today');
      expect(later.ticket.title).toContain(`#${ticket.number}`);
      const old = await ctx().helpdesk.queries.show(carl, { ticketNumber: ticket.number });
      expect(old.ticket.status).toBe('resolved');
      expect(old.history.at(-1)?.kind).toBe('follow_up_opened');
      // The message is the follow-up's first comment, marked as written in the old ticket's place,
      // so the platforms post it in the new one's (where nobody wrote it).
      const [posted] = await ctx().dataSource.query(
        `SELECT payload FROM delivery WHERE ticket_id = $1 AND kind = 'comment.public'`,
        [later.ticket.id],
      );
      expect(posted.payload).toEqual({ commentId: later.comment.id, byCustomer: true, writtenInTicketId: ticket.id });

      // A password pasted in that late reply is the follow-up's description too: a redaction erases it there as well.
      await comments.redact(ADMIN, { commentId: later.comment.id, replacement: '(removed)' });
      const followUp = await ctx().helpdesk.queries.show(carl, { ticketNumber: later.ticket.number });
      expect(followUp.ticket.description).toBe('(removed)');
      // Nor can a search find it by its words.
      const [{ found }] = await ctx().dataSource.query(
        `SELECT count(*)::int AS found FROM ticket WHERE id = $1 AND search @@ to_tsquery('english', 'today')`,
        [later.ticket.id],
      );
      expect(found).toBe(0);
    });
  });

  describe('type, priority, claim, reassign, escalate', () => {
    test('staff change type and priority; the change is in the history with who made it', async () => {
      const { tickets, queries } = ctx().helpdesk;
      const ticket = await open();
      await refusedWithoutChange(
        () => tickets.changeType(carl, { ticketNumber: ticket.number, type: 'request' }),
        ForbiddenError,
      );
      await tickets.changeType(tina, { ticketNumber: ticket.number, type: 'request' });
      await refusedWithoutChange(
        () => tickets.changeType(tina, { ticketNumber: ticket.number, type: 'request' }),
        ConflictError,
        'already a request',
      );
      await refusedWithoutChange(
        () => tickets.changePriority(tina, { ticketNumber: ticket.number, priority: 'P9' }),
        InvalidInputError,
        'P1, P2, P3 or P4',
      );
      const changed = await tickets.changePriority(tina, { ticketNumber: ticket.number, priority: 'p1' });
      expect(changed.priority).toBe('P1');
      const last = (await queries.show(tina, { ticketNumber: ticket.number })).history.at(-1)!;
      expect(last).toMatchObject({ kind: 'priority_changed', data: { from: 'P3', to: 'P1' } });
      expect(last.actorId).not.toBeNull();
    });

    test('claim takes a ticket; claiming your own is a conflict', async () => {
      const { tickets } = ctx().helpdesk;
      const ticket = await open();
      const claimed = await tickets.claim(sara, { ticketNumber: ticket.number });
      await refusedWithoutChange(
        () => tickets.claim(sara, { ticketNumber: ticket.number }),
        ConflictError,
        'already yours',
      );
      expect(claimed.assigneeId).not.toBe(ticket.assigneeId);
    });

    test("reassign goes to staff on the ticket's platform only", async () => {
      const { tickets } = ctx().helpdesk;
      const ticket = await open();
      await refusedWithoutChange(
        () => tickets.reassign(tina, { ticketNumber: ticket.number, to: dora }),
        ConflictError,
        'not support staff',
      );
      await ctx().helpdesk.staff.add(ADMIN, { person: slack('sven'), role: '1' });
      await refusedWithoutChange(
        () => tickets.reassign(tina, { ticketNumber: ticket.number, to: slack('sven') }),
        ConflictError,
        /no discord identity/i,
      );
      const moved = await tickets.reassign(tina, { ticketNumber: ticket.number, to: theo });
      expect(moved.assigneeId).not.toBe(ticket.assigneeId);
      await ctx().helpdesk.staff.remove(ADMIN, { person: slack('sven') });
    });

    test('escalating to a named supporter of the wrong tier is refused', async () => {
      const ticket = await open();
      await refusedWithoutChange(
        () => ctx().helpdesk.tickets.escalate(tina, { ticketNumber: ticket.number, to: theo }),
        ConflictError,
        'not a tier-2 supporter',
      );
    });

    test("escalating offers the next tier's supporters reachable on the asker's platform; a customer is refused", async () => {
      const ticket = await open();
      const choice = await ctx().helpdesk.staff.escalationChoice(tina, { ticketNumber: ticket.number });
      expect(choice).toMatchObject({ ticketNumber: ticket.number, toTier: 2 });
      expect(choice.candidates.map((s) => s.identities[0].userId)).toEqual(['sara']);
      await expect(ctx().helpdesk.staff.escalationChoice(carl, { ticketNumber: ticket.number })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
    });
  });

  describe('lists and search', () => {
    test('a customer sees only their own tickets; staff see theirs, the queue, or all open', async () => {
      const { queries } = ctx().helpdesk;
      const mine = await open(carl, 'Keyboard missing keys');
      await open(dora, 'Monitor flickers');
      const customerList = await queries.list(carl);
      const numbers = customerList.sections[0].tickets.map((t) => t.number);
      expect(numbers).toContain(mine.number);
      expect(customerList.sections[0].tickets.every((t) => t.customer === 'Carl')).toBe(true);
      const staffList = await queries.list(tina);
      expect(staffList.sections.map((s) => s.name)).toEqual(['mine', 'queue']);
      const all = await queries.list(tina, { scope: 'all' });
      expect(all.sections[0].tickets.every((t) => t.status !== 'resolved')).toBe(true);
      await expect(queries.show(dora, { ticketNumber: mine.number })).rejects.toBeInstanceOf(NotFoundError);
    });

    test('queues sort by priority, then age', async () => {
      const { tickets, queries } = ctx().helpdesk;
      const low = await open(carl, 'Sort low');
      ctx().clock.advance(1000);
      const high = await open(carl, 'Sort high');
      await tickets.changePriority(tina, { ticketNumber: high.number, priority: 'P1' });
      const list = (await queries.list(tina, { scope: 'all' })).sections[0].tickets.map((t) => t.number);
      expect(list.indexOf(high.number)).toBeLessThan(list.indexOf(low.number));
    });

    test('search finds English and Danish words, and a customer only their own tickets', async () => {
      const { queries } = ctx().helpdesk;
      const english = await open(carl, 'Printers are not printing');
      const danish = await ctx().helpdesk.tickets.open(dora, {
        title: 'Printeren virker ikke',
        description: 'Den udskriver ingenting',
        type: 'incident',
      });
      const staffHits = (await queries.search(tina, { words: 'printer' })).map((t) => t.number);
      expect(staffHits).toEqual(expect.arrayContaining([english.number, danish.number]));
      const carlHits = (await queries.search(carl, { words: 'printer' })).map((t) => t.number);
      expect(carlHits).toContain(english.number);
      expect(carlHits).not.toContain(danish.number);
      expect((await queries.search(tina, { words: `#${danish.number}` }))[0].number).toBe(danish.number);
      await expect(queries.search(tina, { words: '  ' })).rejects.toBeInstanceOf(InvalidInputError);
    });
  });
});
