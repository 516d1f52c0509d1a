import { DAY } from '../../src/core/clock';
import type { ActorRef } from '../../src/core/services/people';
import type { PersonExport } from '../../src/core/services/privacy';
import { purgeExpired } from '../../src/jobs/retention';
import { allTextValues, findEverywhere } from '../helpers/catalog-search';
import { describeEachDatabase, type TestHelpdesk } from '../helpers/database';
import { ADMIN, discord, staffUp } from '../helpers/people';

// Zelda is on both platforms (a tier-2 supporter who linked them), and a customer too.
const ZELDA_DISCORD_ID = '900000000000000017';
const ZELDA_SLACK_ID = 'UZELDA42Q';
const zeldaOnDiscord: ActorRef = { platform: 'discord', userId: ZELDA_DISCORD_ID, displayName: 'Zelda Quimby' };
const zeldaOnSlack: ActorRef = { platform: 'slack', userId: ZELDA_SLACK_ID, displayName: 'zquimby' };
const TINA = discord('tina');
const TINA_ON_SLACK: ActorRef = { platform: 'slack', userId: 'UTINA', displayName: 'Tina' };
const CARL = discord('carl');

/** What only Zelda's data holds: her names, platform ids, and words from everything she wrote or was written about her. */
const ZELDA_WORDS = [
  'Quimby',
  'zquimby',
  ZELDA_DISCORD_ID,
  ZELDA_SLACK_ID,
  'quokka',
  'wombat',
  'numbat',
  'bilby',
  'ZB-7731',
  'zelda@example.com',
  'zelda-passport',
  'potoroo',
];

async function linkZelda(h: TestHelpdesk): Promise<void> {
  const given = await h.helpdesk.staff.link(zeldaOnDiscord, {});
  if (!('code' in given)) throw new Error('expected a link code');
  await h.helpdesk.staff.link(zeldaOnSlack, { code: given.code });
  await h.helpdesk.staff.confirmLink(zeldaOnDiscord, { code: given.code, confirm: true });
  // A code asked for again and never used: link codes are hers too.
  await h.helpdesk.staff.link(zeldaOnDiscord, {});
}

/** Zelda's life in the helpdesk: tickets on both platforms, comments, notes about her, a rating, drafts, files, deliveries. */
async function buildZelda(
  h: TestHelpdesk,
): Promise<{ discordTicket: number; slackTicket: number; carlTicket: number }> {
  const { helpdesk } = h;
  await staffUp(helpdesk, { tina: '1' });
  await helpdesk.staff.link(TINA, {}).then(async (given) => {
    if (!('code' in given)) return;
    await helpdesk.staff.link(TINA_ON_SLACK, { code: given.code });
    await helpdesk.staff.confirmLink(TINA, { code: given.code, confirm: true });
  });
  await helpdesk.staff.add(ADMIN, { person: zeldaOnDiscord, role: '2' });
  await linkZelda(h);

  const onDiscord = await helpdesk.tickets.open(zeldaOnDiscord, {
    title: 'Quokka printer jams',
    description: 'My badge number is ZB-7731 and the quokka printer eats paper.',
    type: 'incident',
    location: { discordThreadId: '555000000000000001', discordThreadMembers: `${ZELDA_DISCORD_ID},tina` },
  });
  await helpdesk.comments.comment(zeldaOnDiscord, {
    ticketNumber: onDiscord.number,
    body: 'Here is my quokka passport scan',
    platformMessageId: '555000000000000002',
    attachments: [
      {
        filename: 'zelda-passport.png',
        contentType: 'image/png',
        sizeBytes: 18,
        sourceUrl: 'https://cdn.discordapp.com/attachments/1/2/zelda-passport.png',
        data: Buffer.from('quokka passport scan'),
      },
    ],
  });
  await helpdesk.comments.edit(zeldaOnDiscord, {
    platformMessageId: '555000000000000002',
    body: 'Here is my passport scan (bilby edition)',
  });
  await helpdesk.comments.comment(TINA, {
    ticketNumber: onDiscord.number,
    body: 'Hi Zelda Quimby, is the quokka tray empty?',
  });
  await helpdesk.comments.note(TINA, {
    ticketNumber: onDiscord.number,
    body: 'Quimby called twice about the quokka printer',
  });

  const onSlack = await helpdesk.tickets.open(zeldaOnSlack, {
    title: 'Wombat VPN drops',
    description: 'zelda@example.com cannot connect to the wombat VPN',
    type: 'incident',
    location: { slackDmChannel: 'D0ZELDA', slackDmThreadTs: '1700000000.000100' },
  });
  await helpdesk.comments.comment(TINA_ON_SLACK, {
    ticketNumber: onSlack.number,
    body: 'Try the wombat profile again',
  });
  await helpdesk.tickets.resolve(TINA, { ticketNumber: onSlack.number });
  await helpdesk.ratings.rate(zeldaOnSlack, { ticketNumber: onSlack.number, score: 2 });
  await helpdesk.ratings.comment(zeldaOnSlack, { ticketNumber: onSlack.number, comment: 'wombat support was slow' });

  await helpdesk.guides.submit(zeldaOnDiscord, {
    title: 'Numbat laptop',
    description: 'The numbat laptop will not boot',
    type: 'incident',
    serviceId: null,
  });

  // As staff, she writes in someone else's ticket: a note and a reply.
  const carls = await helpdesk.tickets.open(CARL, {
    title: 'Screen flickers',
    description: 'Since Monday',
    type: 'incident',
  });
  await helpdesk.comments.note(zeldaOnDiscord, { ticketNumber: carls.number, body: 'potoroo cable, says Zelda' });
  await helpdesk.comments.comment(zeldaOnDiscord, { ticketNumber: carls.number, body: 'I swapped the potoroo cable' });

  // Some of what the bot was to say has gone out.
  await h.dataSource.query(
    `UPDATE delivery SET status = 'sent', sent_at = $1 WHERE id IN (SELECT id FROM delivery WHERE id % 2 = 0)`,
    [h.clock.now()],
  );
  return { discordTicket: onDiscord.number, slackTicket: onSlack.number, carlTicket: carls.number };
}

/** Every string inside an export, to look a kept value up in. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value instanceof Date) return [value.toISOString()];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

/**
 * Copies, derived columns and the delivery queue (what the bot was about to say, dropped): what
 * they held is checked by the search above, not expected in an export.
 */
const COPIES = new Set([
  'ticket.search',
  'ticket.location',
  'ticket_event.data',
  'comment_post.channel_id',
  'comment_post.message_id',
  'job_run.instance',
]);

describeEachDatabase('Erasing a person (/helpdesk forget)', (ctx) => {
  let numbers: Awaited<ReturnType<typeof buildZelda>>;
  let exported: PersonExport;
  let before: Map<string, Set<string>>;

  beforeAll(async () => {
    numbers = await buildZelda(ctx());
    expect(await findEverywhere(ctx().dataSource, ZELDA_WORDS)).not.toEqual({});
    before = await allTextValues(ctx().dataSource);
    exported = await ctx().helpdesk.privacy.export(ADMIN, { person: zeldaOnSlack });
  });

  test('only an admin may erase or export, and a person nobody knows is a clear answer', async () => {
    await expect(ctx().helpdesk.privacy.forget(TINA, { person: zeldaOnDiscord })).rejects.toThrow(/admin/);
    await expect(ctx().helpdesk.privacy.export(TINA, { person: zeldaOnDiscord })).rejects.toThrow(/admin/);
    await expect(
      ctx().helpdesk.privacy.forget(ADMIN, { person: { platform: 'slack', userId: 'UNOBODY' } }),
    ).rejects.toThrow(/keeps nothing/);
    await expect(ctx().helpdesk.privacy.forget(ADMIN, { person: ADMIN })).rejects.toThrow(/yourself/);
  });

  test('the confirmation names whom it erases and how much', async () => {
    const preview = await ctx().helpdesk.privacy.forgetPreview(ADMIN, { person: zeldaOnDiscord });
    expect(preview).toMatchObject({ displayName: 'Zelda Quimby', ticketsAsCustomer: 2, openTickets: 1, comments: 3 });
    expect(preview.identities).toEqual(
      expect.arrayContaining([
        { platform: 'discord', userId: ZELDA_DISCORD_ID },
        { platform: 'slack', userId: ZELDA_SLACK_ID },
      ]),
    );
  });

  test('the export holds her identities, tickets, comments, notes about her, rating, drafts and files', () => {
    const text = JSON.stringify(exported);
    for (const word of ZELDA_WORDS)
      expect([word, text.toLowerCase().includes(word.toLowerCase())]).toEqual([word, true]);
    expect(exported.identities.map((i) => i.userId).sort()).toEqual([ZELDA_DISCORD_ID, ZELDA_SLACK_ID].sort());
    expect(exported.ticketsAsCustomer.map((t) => t.number)).toEqual([numbers.discordTicket, numbers.slackTicket]);
    const discordTicket = exported.ticketsAsCustomer[0];
    expect(discordTicket.comments.map((c) => c.kind)).toEqual(['public', 'public', 'internal']);
    expect(discordTicket.comments[0].earlierVersions[0].body).toBe('Here is my quokka passport scan');
    expect(discordTicket.comments[0].files).toEqual([
      expect.objectContaining({ name: 'zelda-passport.png', sizeBytes: 20, kept: true }),
    ]);
    expect(exported.ratings).toEqual([expect.objectContaining({ score: 2, comment: 'wombat support was slow' })]);
    expect(exported.drafts).toEqual([expect.objectContaining({ title: 'Numbat laptop' })]);
    expect(exported.commentsInOtherTickets.map((c) => c.ticketNumber)).toEqual([
      numbers.carlTicket,
      numbers.carlTicket,
    ]);
    expect(exported.linkCodes.length).toBe(2);
  });

  test('after forget, no text or JSON column of any table holds her name, ids or words; tickets and figures remain', async () => {
    const { helpdesk, dataSource } = ctx();
    const result = await helpdesk.privacy.forget(ADMIN, { person: zeldaOnSlack });
    expect(result).toMatchObject({
      placeholder: `Erased person ${result.personId}`,
      ticketNumbers: [numbers.discordTicket, numbers.slackTicket],
      closedNumbers: [numbers.discordTicket],
      files: 1,
      commentsElsewhere: 2,
    });

    // Only the erase deliveries name her platform ids and her places, until a sender has carried them out and cleared them.
    const inFlight = await findEverywhere(dataSource, ZELDA_WORDS);
    expect(Object.keys(inFlight)).toEqual(['delivery.payload']);
    const erasing: Array<{ id: number; kind: string; platform: string; payload: Record<string, unknown> }> =
      await dataSource.query(
        `SELECT id, kind, platform, payload FROM delivery WHERE kind IN ('person.erased', 'ticket.erased') ORDER BY id`,
      );
    expect(erasing.map((d) => `${d.kind} ${d.platform}`).sort()).toEqual([
      'person.erased discord',
      'person.erased slack',
      'ticket.erased discord',
      'ticket.erased slack',
    ]);
    expect(erasing.find((d) => d.kind === 'ticket.erased' && d.platform === 'discord')!.payload.threads).toEqual([
      '555000000000000001',
    ]);
    for (const delivery of erasing) await helpdesk.deliveries.clearPayload(delivery.id);
    expect(await findEverywhere(dataSource, ZELDA_WORDS)).toEqual({});

    const [person] = await dataSource.query(
      `SELECT display_name, tier, is_admin, erased_at FROM person WHERE id = $1`,
      [result.personId],
    );
    expect(person).toMatchObject({ display_name: `Erased person ${result.personId}`, tier: null, is_admin: false });
    expect(person.erased_at).not.toBeNull();
    const [admin] = await dataSource.query(
      `SELECT p.id FROM person p JOIN identity i ON i.person_id = p.id WHERE i.platform_user_id = 'admin'`,
    );
    expect(await dataSource.query(`SELECT person_id, erased_by_id FROM erasure`)).toEqual([
      { person_id: result.personId, erased_by_id: admin.id },
    ]);
    expect(
      await dataSource.query(`SELECT count(*)::int AS n FROM link_code WHERE person_id = $1`, [result.personId]),
    ).toEqual([{ n: 0 }]);
    const tickets = await dataSource.query(
      `SELECT number, status, customer_id FROM ticket WHERE number = ANY($1) ORDER BY number`,
      [[numbers.discordTicket, numbers.slackTicket]],
    );
    expect(tickets).toEqual([
      { number: numbers.discordTicket, status: 'resolved', customer_id: result.personId },
      { number: numbers.slackTicket, status: 'resolved', customer_id: result.personId },
    ]);
    expect(await dataSource.query(`SELECT score, comment FROM rating`)).toEqual([{ score: 2, comment: null }]);
    // Carl's ticket keeps everything but what she wrote in it.
    const [carls] = await dataSource.query(`SELECT id, title, description FROM ticket WHERE number = $1`, [
      numbers.carlTicket,
    ]);
    expect(carls).toMatchObject({ title: 'Screen flickers', description: 'Since Monday' });
    expect(
      (await dataSource.query(`SELECT body FROM comment WHERE ticket_id = $1 ORDER BY id`, [carls.id])).map(
        (c: { body: string }) => c.body,
      ),
    ).toEqual(['[erased]', '[erased]']);
    expect(
      JSON.stringify(await dataSource.query(`SELECT payload FROM delivery WHERE ticket_id = $1`, [carls.id])),
    ).toContain('Screen flickers');
    // Staff hear that the open one was closed.
    const alerts = await dataSource.query(
      `SELECT payload->>'text' AS text FROM delivery WHERE kind = 'staff.alert' AND status = 'pending'`,
    );
    expect(alerts.map((a: { text: string }) => a.text)).toContain(
      `Ticket #${numbers.discordTicket} was resolved because an admin erased its customer's data: nothing they wrote is kept, and there is no one left to answer.`,
    );
  });

  test('the export held every text the erasure removed', async () => {
    const after = await allTextValues(ctx().dataSource);
    const kept = stringsOf(exported);
    const missing: string[] = [];
    for (const [column, values] of before) {
      if (COPIES.has(column) || column.startsWith('delivery.')) continue;
      for (const value of values) {
        if (after.get(column)?.has(value) || ['', '[]', '{}'].includes(value.trim())) continue;
        if (!kept.some((s) => s.includes(value))) missing.push(`${column}: ${value}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('she can be neither erased twice nor exported once gone', async () => {
    await expect(ctx().helpdesk.privacy.forget(ADMIN, { person: zeldaOnDiscord })).rejects.toThrow(/keeps nothing/);
  });
});

describeEachDatabase('Redacting a ticket title, description or rating comment', (ctx) => {
  test('a redacted title is nowhere in the store: not the ticket, its search, events, deliveries or the draft it came from', async () => {
    const { helpdesk, dataSource } = ctx();
    await staffUp(helpdesk, { tina: '1' });
    const draft = await helpdesk.guides.submit(CARL, {
      title: 'password hunter2kiwi here',
      description: 'Logged in with hunter2kiwi',
      type: 'incident',
      serviceId: null,
    });
    if (draft.outcome !== 'suggest') throw new Error('expected a draft');
    const ticket = await helpdesk.guides.open(CARL, { draftId: draft.draft.id, location: {} });
    await dataSource.query(`UPDATE delivery SET status = 'sent', sent_at = now()`);
    expect(Object.keys(await findEverywhere(dataSource, ['hunter2kiwi']))).toEqual(
      expect.arrayContaining(['ticket.title', 'ticket.search', 'ticket_draft.title', 'delivery.payload']),
    );

    await expect(helpdesk.privacy.redactTicket(TINA, { ticketNumber: ticket.number, part: 'title' })).rejects.toThrow(
      /admin/,
    );
    const result = await helpdesk.privacy.redactTicket(ADMIN, { ticketNumber: ticket.number, part: 'title' });
    expect(result.ticket.title).toBe('[redacted by an admin]');
    await helpdesk.privacy.redactTicket(ADMIN, {
      ticketNumber: ticket.number,
      part: 'description',
      replacement: 'password removed',
    });

    expect(await findEverywhere(dataSource, ['hunter2kiwi'])).toEqual({});
    const [row] = await dataSource.query(`SELECT title, description FROM ticket WHERE number = $1`, [ticket.number]);
    expect(row).toEqual({ title: '[redacted by an admin]', description: 'password removed' });
    expect(await helpdesk.queries.search(TINA, { words: 'hunter2kiwi' })).toEqual([]);
    const events = await dataSource.query(`SELECT kind, data FROM ticket_event WHERE kind = 'ticket_redacted'`);
    expect(events.map((e: { data: unknown }) => e.data)).toEqual([{ part: 'title' }, { part: 'description' }]);
    expect(
      await dataSource.query(`SELECT kind FROM delivery WHERE kind = 'ticket.redacted' AND status = 'pending'`),
    ).toHaveLength(2);
  });

  test("a rating's comment is replaced in the rating and in the event that recorded it; a ticket without one is a clear answer", async () => {
    const { helpdesk, dataSource } = ctx();
    const ticket = await helpdesk.tickets.open(CARL, { title: 'Mouse', description: 'Broken', type: 'incident' });
    await expect(helpdesk.privacy.redactTicket(ADMIN, { ticketNumber: ticket.number, part: 'rating' })).rejects.toThrow(
      /no rating comment/,
    );
    await helpdesk.tickets.resolve(TINA, { ticketNumber: ticket.number });
    await helpdesk.ratings.rate(CARL, { ticketNumber: ticket.number, score: 1 });
    await helpdesk.ratings.comment(CARL, { ticketNumber: ticket.number, comment: 'Tina is rude, call me on 5551234' });
    await helpdesk.privacy.redactTicket(ADMIN, { ticketNumber: ticket.number, part: 'rating' });
    expect(await findEverywhere(dataSource, ['5551234'])).toEqual({});
    expect(await dataSource.query(`SELECT score, comment FROM rating`)).toEqual([
      { score: 1, comment: '[redacted by an admin]' },
    ]);
    await expect(
      helpdesk.privacy.redactTicket(ADMIN, { ticketNumber: ticket.number, part: 'summary' }),
    ).rejects.toThrow(/title, description or rating/);
  });

  test("a comment's redaction also takes its file's name and source and its text's copies", async () => {
    const { helpdesk, dataSource } = ctx();
    const ticket = await helpdesk.tickets.open(CARL, {
      title: 'Scanner',
      description: 'Scans are blank',
      type: 'incident',
    });
    const { comment } = await helpdesk.comments.comment(CARL, {
      ticketNumber: ticket.number,
      body: 'my cpr is 010203-4455',
      attachments: [
        {
          filename: 'cpr-010203-4455.pdf',
          sizeBytes: 4,
          sourceUrl: 'https://files.example/cpr-010203-4455.pdf',
          data: Buffer.from('scan'),
        },
      ],
    });
    await helpdesk.comments.redact(ADMIN, { commentId: comment.id });
    expect(await findEverywhere(dataSource, ['010203-4455'])).toEqual({});
  });
});

describeEachDatabase('Retention', (ctx) => {
  test('drafts go a day after their last use (a deflection keeps its row without the text); sent deliveries lose their text after DELIVERY_RETENTION_DAYS', async () => {
    const { helpdesk, dataSource, clock } = ctx();
    await staffUp(helpdesk, { tina: '1' });
    const waiting = await helpdesk.guides.submit(CARL, {
      title: 'Dingo',
      description: 'dingo text',
      type: 'request',
      serviceId: null,
    });
    const ticket = await helpdesk.tickets.open(CARL, { title: 'Echidna', description: 'echidna', type: 'incident' });
    await dataSource.query(`UPDATE delivery SET status = 'sent', sent_at = $1`, [clock.now()]);
    await dataSource.query(
      `INSERT INTO ticket_draft (id, person_id, platform, title, description, type, answers, outcome, created_at, expires_at, decided_at)
       SELECT gen_random_uuid(), id, 'discord', 'Kiwi deflected', 'kiwi text', 'incident', '[{"question":"q","answer":"kiwi"}]', 'deflected', $1, $1, $1
       FROM person WHERE display_name = 'Carl'`,
      [clock.now()],
    );
    expect(waiting.outcome).toBe('suggest');

    clock.advance(DAY - 60_000);
    expect(await purgeExpired(helpdesk.ctx, clock.now())).toBe(0);

    clock.advance(120_000);
    expect(await purgeExpired(helpdesk.ctx, clock.now(), { batchSize: 1 })).toBe(2);
    expect(await dataSource.query(`SELECT title, description, answers, outcome FROM ticket_draft`)).toEqual([
      { title: '', description: '', answers: [], outcome: 'deflected' },
    ]);
    expect(Object.keys(await findEverywhere(dataSource, ['Echidna']))).toContain('delivery.payload');

    clock.advance(6 * DAY);
    const sent = await dataSource.query(`SELECT count(*)::int AS n FROM delivery`);
    expect(await purgeExpired(helpdesk.ctx, clock.now(), { batchSize: 2 })).toBe(sent[0].n);
    expect(await dataSource.query(`SELECT DISTINCT payload FROM delivery`)).toEqual([{ payload: {} }]);
    // Unsent deliveries keep what they are to say, however old.
    await helpdesk.comments.comment(CARL, { ticketNumber: ticket.number, body: 'still there?' });
    clock.advance(30 * DAY);
    await purgeExpired(helpdesk.ctx, clock.now());
    const [unsent] = await dataSource.query(
      `SELECT count(*)::int AS n FROM delivery WHERE status = 'pending' AND payload <> '{}'`,
    );
    expect(unsent.n).toBeGreaterThan(0);
  });
});

describeEachDatabase(
  "Words a redaction or an erasure leaves behind are the helpdesk's language's",
  (ctx) => {
    test('a Danish helpdesk stores its own words for a redacted title and comment and for an erased person', async () => {
      const { helpdesk, dataSource } = ctx();
      await staffUp(helpdesk, { tina: '1' });
      const ticket = await helpdesk.tickets.open(CARL, { title: 'kodeord 1234', description: 'd', type: 'incident' });
      const redacted = await helpdesk.privacy.redactTicket(ADMIN, { ticketNumber: ticket.number, part: 'title' });
      expect(redacted.ticket.title).toBe('[fjernet af en administrator]');

      const { comment } = await helpdesk.comments.comment(CARL, {
        ticketNumber: ticket.number,
        body: 'mit kodeord er 1234',
      });
      const done = await helpdesk.comments.redact(ADMIN, { commentId: comment.id });
      expect(done.comment.body).toBe('[fjernet af en administrator]');

      const preview = await helpdesk.privacy.forgetPreview(ADMIN, { person: CARL });
      expect(preview.placeholder).toBe(`Slettet person ${preview.personId}`);
      const erased = await helpdesk.privacy.forget(ADMIN, { person: CARL });
      expect(erased.placeholder).toBe(`Slettet person ${erased.personId}`);
      const [row] = await dataSource.query(`SELECT title, description FROM ticket WHERE number = $1`, [ticket.number]);
      expect(row).toEqual({ title: '[slettet]', description: '[slettet]' });
    });
  },
  { policy: { language: 'da' } },
);
