import { InvalidInputError } from '../../src/core/errors';
import { errorText } from '../../src/core/rules/messages';
import { COMMENT_MAX } from '../../src/core/schemas';
import { storedState } from '../helpers/snapshot';
import { describeEachDatabase } from '../helpers/database';
import { discord, slack, staffUp } from '../helpers/people';

describeEachDatabase("a person's language", (ctx) => {
  const languageRow = async (userId: string) =>
    (
      await ctx().dataSource.query(
        `SELECT p.language FROM person p JOIN identity i ON i.person_id = p.id WHERE i.platform_user_id = $1`,
        [userId],
      )
    )[0]?.language;

  test('someone with no choice reads the helpdesk language; their choice then holds wherever they are', async () => {
    const { languages } = ctx().helpdesk;
    expect(await languages.of(slack('sofie'))).toBe('en');
    expect(await languages.set(slack('sofie'), { language: ' DA ' })).toBe('da');
    expect(await languageRow('sofie')).toBe('da');
    expect(await languages.of(slack('sofie'))).toBe('da');
    expect(await languages.set(slack('sofie'), { language: 'en' })).toBe('en');
    expect(await languages.of(slack('sofie'))).toBe('en');
  });

  test('a language the helpdesk has no texts in is refused, naming the ones it has', async () => {
    await expect(ctx().helpdesk.languages.set(slack('sofie'), { language: 'fr' })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    await expect(ctx().helpdesk.languages.set(slack('sofie'), { language: 'fr' })).rejects.toThrow('da');
  });

  test("a Discord client's Danish is remembered on first sight, and a later choice wins over it", async () => {
    const { helpdesk } = ctx();
    const dane = { ...discord('dagmar'), locale: 'da' };
    // Asked before the helpdesk has met them: the locale answers, nothing is written.
    expect(await helpdesk.languages.of(dane)).toBe('da');
    expect(await languageRow('dagmar')).toBeUndefined();
    await helpdesk.queries.list(dane, {});
    expect(await languageRow('dagmar')).toBe('da');
    // Their client's language changing later does not undo what was remembered or chosen.
    expect(await helpdesk.languages.of({ ...dane, locale: 'en-US' })).toBe('da');
    await helpdesk.languages.set(dane, { language: 'en' });
    expect(await helpdesk.languages.of(dane)).toBe('en');
  });

  test('someone met before without a language gets their client language remembered when they next act; asking writes nothing', async () => {
    const { helpdesk } = ctx();
    await helpdesk.queries.list(discord('dorte'), {});
    expect(await languageRow('dorte')).toBeNull();
    // Asking which language to answer in follows the client but stores nothing (a refusal changes nothing).
    expect(await helpdesk.languages.of({ ...discord('dorte'), locale: 'da-DK' })).toBe('da');
    expect(await languageRow('dorte')).toBeNull();
    await helpdesk.queries.list({ ...discord('dorte'), locale: 'da-DK' }, {});
    expect(await languageRow('dorte')).toBe('da');
    // A locale the helpdesk has no texts in changes nothing.
    await helpdesk.queries.list({ ...discord('frida'), locale: 'fr' }, {});
    expect(await languageRow('frida')).toBeNull();
  });

  test('a notice planned in English is written in Danish when sent to a customer who has switched to Danish; staff alerts stay in the helpdesk language', async () => {
    const { helpdesk, dataSource } = ctx();
    await staffUp(helpdesk, { tove: '1' });
    const ticket = await helpdesk.tickets.open(slack('bente'), {
      title: 'Printeren virker ikke',
      description: 'Den blinker rødt.',
      type: 'incident',
    });
    await helpdesk.tickets.setPending(discord('tove'), { ticketNumber: ticket.number });
    const deliveries = async (kind: string) =>
      (
        await dataSource.query(
          `SELECT id, ticket_id AS "ticketId", destination, kind, payload FROM delivery WHERE ticket_id = $1 AND kind = $2 ORDER BY id`,
          [ticket.id, kind],
        )
      ).map((d: { ticketId: number | null }) => ({ ...d, ticketId: d.ticketId === null ? null : Number(d.ticketId) }));
    const [pending] = await deliveries('ticket.notice');
    // Stored as planned: the message and its English text.
    expect(pending.payload.text).toBe(
      `Support is waiting for your answer on #${ticket.number}. Reply here to continue.`,
    );
    expect(pending.payload.message).toEqual({ key: 'ticket.pending', params: { number: ticket.number } });

    await helpdesk.languages.set(slack('bente'), { language: 'da' });
    expect((await helpdesk.deliveries.localized(pending)).payload.text).toBe(
      `Support venter på dit svar på #${ticket.number}. Skriv her for at fortsætte.`,
    );
    const [created] = await deliveries('ticket.created');
    expect((await helpdesk.deliveries.localized(created)).payload.notice).toBe(
      `Din sag #${ticket.number} "Printeren virker ikke" er oprettet. Support svarer her; skriv her, hvis du vil tilføje noget.`,
    );
    // The supporter chose nothing: their direct message is in the helpdesk's language.
    const dm = {
      destination: `person:${ticket.assigneeId}`,
      kind: 'person.dm',
      ticketId: ticket.id,
      payload: pending.payload,
    };
    expect((await helpdesk.deliveries.localized(dm)).payload.text).toBe(pending.payload.text);
    const alert = { destination: 'staff', kind: 'staff.alert', ticketId: ticket.id, payload: pending.payload };
    expect((await helpdesk.deliveries.localized(alert)).payload.text).toBe(pending.payload.text);
  });

  test("bad input is refused in the person's own language, and nothing is stored", async () => {
    const { helpdesk, dataSource } = ctx();
    const dane = slack('dorthe');
    const brit = slack('bill');
    await helpdesk.languages.set(dane, { language: 'da' });
    const ticket = await helpdesk.tickets.open(dane, {
      title: 'Skærmen blinker',
      description: 'Hele dagen',
      type: 'incident',
    });
    await helpdesk.queries.list(brit, {});
    const before = await storedState(dataSource);
    /** What each person reads when the core refuses `work`: in their language, as the adapter says it. */
    const refusals = async (work: (who: typeof dane) => Promise<unknown>) =>
      Promise.all(
        [dane, brit].map(async (who) => {
          const error = await work(who).then(
            () => new Error('accepted'),
            (refused: unknown) => refused,
          );
          expect(error).toBeInstanceOf(InvalidInputError);
          return errorText(error as InvalidInputError, await helpdesk.languages.of(who));
        }),
      );

    expect(
      await refusals((who) =>
        helpdesk.comments.comment(who, { ticketNumber: ticket.number, body: 'x'.repeat(COMMENT_MAX + 1) }),
      ),
    ).toEqual(['Beskeden må højst fylde 40000 tegn', 'The message is limited to 40000 characters']);
    expect(
      await refusals((who) => helpdesk.tickets.open(who, { title: ' ', description: 'Printer', type: 'incident' })),
    ).toEqual(['Titlen skal udfyldes', "The title can't be empty"]);
    expect(await refusals((who) => helpdesk.queries.show(who, { ticketNumber: 'seks' }))).toEqual([
      'Et sagsnummer er et helt tal, f.eks. 6',
      'A ticket number is a whole number, like 6',
    ]);
    expect(await storedState(dataSource)).toEqual(before);
  });

  test('a delivery queued by an older build, with only its text, is sent as it is', async () => {
    const old = { destination: 'person:1', kind: 'person.dm', ticketId: null, payload: { text: 'As written.' } };
    expect(await ctx().helpdesk.deliveries.localized(old)).toBe(old);
  });
});
