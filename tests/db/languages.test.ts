import { InvalidInputError } from '../../src/core/errors';
import { describeEachDatabase } from '../helpers/database';
import { discord, slack } from '../helpers/people';

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

  test('someone met before without a language gets their client language remembered when they next come', async () => {
    const { helpdesk } = ctx();
    await helpdesk.queries.list(discord('dorte'), {});
    expect(await languageRow('dorte')).toBeNull();
    expect(await helpdesk.languages.of({ ...discord('dorte'), locale: 'da-DK' })).toBe('da');
    expect(await languageRow('dorte')).toBe('da');
    // A locale the helpdesk has no texts in changes nothing.
    await helpdesk.queries.list({ ...discord('frida'), locale: 'fr' }, {});
    expect(await languageRow('frida')).toBeNull();
  });
});
