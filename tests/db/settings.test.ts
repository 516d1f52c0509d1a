import { ForbiddenError, InvalidInputError } from '../../src/core/errors';
import { createHelpdesk } from '../../src/core/helpdesk';
import { defaultPolicy } from '../../src/config';
import { describeEachDatabase } from '../helpers/database';
import { ADMIN, discord } from '../helpers/people';

describeEachDatabase('settings admins change from chat', (ctx) => {
  const CHANNEL = '123456789012345678';
  const OTHER = '223456789012345678';

  beforeAll(async () => {
    await ctx().helpdesk.staff.bootstrapAdmins([ADMIN]);
    await ctx().helpdesk.staff.add(ADMIN, { person: discord('tina'), role: '1' });
  });

  test('until an admin sets it, the environment default holds; once set, the stored value wins, with who and when', async () => {
    const { settings } = ctx().helpdesk;
    expect(await settings.get('discord.support_channel', '999999999999999999')).toBe('999999999999999999');
    expect(await settings.get('discord.support_channel')).toBeUndefined();
    await settings.set(ADMIN, { key: 'discord.support_channel', value: ` ${CHANNEL} ` });
    expect(await settings.get('discord.support_channel', '999999999999999999')).toBe(CHANNEL);
    await settings.set(ADMIN, { key: 'discord.support_channel', value: OTHER });
    expect(await settings.get('discord.support_channel', '999999999999999999')).toBe(OTHER);
    const rows = await ctx().dataSource.query(
      `SELECT key, value, updated_at, p.is_admin FROM helpdesk_setting s JOIN person p ON p.id = s.updated_by_id`,
    );
    expect(rows).toEqual([
      { key: 'discord.support_channel', value: OTHER, updated_at: ctx().clock.now(), is_admin: true },
    ]);
  });

  test('only admins change settings; a supporter and a customer are refused and nothing changes', async () => {
    const { settings } = ctx().helpdesk;
    const before = await ctx().dataSource.query(`SELECT * FROM helpdesk_setting ORDER BY key`);
    await expect(
      settings.set(discord('tina'), { key: 'discord.support_channel', value: CHANNEL }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(settings.set(discord('carl'), { key: 'discord.support_channel', value: CHANNEL })).rejects.toThrow(
      'only a helpdesk admin',
    );
    expect(await ctx().dataSource.query(`SELECT * FROM helpdesk_setting ORDER BY key`)).toEqual(before);
  });

  test('a value of the wrong shape, or a setting that does not exist, is a clear input error', async () => {
    const { settings } = ctx().helpdesk;
    await expect(settings.set(ADMIN, { key: 'discord.support_channel', value: '#support' })).rejects.toThrow(
      'The support channel is a Discord channel, like #support',
    );
    await expect(
      settings.set(ADMIN, { key: 'no.such' as 'discord.support_channel', value: CHANNEL }),
    ).rejects.toBeInstanceOf(InvalidInputError);
  });

  test('another instance sees a change within a few seconds (each reads the store at most every 5 s)', async () => {
    const other = createHelpdesk({ dataSource: ctx().dataSource, clock: ctx().clock, policy: defaultPolicy });
    const seen = await other.settings.get('discord.support_channel');
    await ctx().helpdesk.settings.set(ADMIN, {
      key: 'discord.support_channel',
      value: seen === CHANNEL ? OTHER : CHANNEL,
    });
    ctx().clock.advance(5_000);
    expect(await other.settings.get('discord.support_channel')).toBe(seen === CHANNEL ? OTHER : CHANNEL);
  });
});
