import { discordPlace, placeOf, slackPlace, storedDiscordPlace, storedSlackPlace } from '../../src/core/location';

describe("a ticket's place on its platform", () => {
  it('reads Discord flags and member lists as a boolean and a list', () => {
    const place = discordPlace({
      discordThreadId: 'T1',
      discordThreadArchived: 'true',
      discordThreadMembers: 'u1,u2',
      discordInteractionToken: '',
    });
    expect(place).toEqual({
      platform: 'discord',
      threadId: 'T1',
      threadArchived: true,
      threadMembers: ['u1', 'u2'],
      cardMessageId: undefined,
      cardDrawn: undefined,
      staffThreadId: undefined,
      queueMessageId: undefined,
      interactionToken: undefined,
      applicationId: undefined,
    });
    expect(discordPlace({}).threadArchived).toBe(false);
    expect(discordPlace({}).threadMembers).toEqual([]);
  });

  it('stores what it reads in the shape the location column has always had', () => {
    const stored = storedDiscordPlace({ threadArchived: false, threadMembers: ['a', 'b'], interactionToken: null });
    expect(stored).toEqual({
      discordThreadArchived: 'false',
      discordThreadMembers: 'a,b',
      discordInteractionToken: '',
    });
    const back = discordPlace({ discordThreadId: 'T', ...storedDiscordPlace({ threadArchived: true }) });
    expect(back.threadArchived).toBe(true);
    expect(storedSlackPlace({ cardTs: '1.2', channel: 'C1' })).toEqual({ slackCardTs: '1.2', slackChannel: 'C1' });
  });

  it('is the platform the ticket was opened on', () => {
    const location = { slackChannel: 'C1', slackCardTs: '1.2', discordThreadId: 'T' };
    const place = placeOf({ platform: 'slack', location });
    expect(place.platform).toBe('slack');
    if (place.platform === 'slack') expect([place.channel, place.cardTs]).toEqual(['C1', '1.2']);
    expect(slackPlace({}).dmChannel).toBeUndefined();
    expect(placeOf({ platform: 'discord', location: null }).platform).toBe('discord');
  });
});
