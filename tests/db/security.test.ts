import { MINUTE } from '../../src/core/clock';
import { describeEachDatabase } from '../helpers/database';

describeEachDatabase('security: what the store remembers', (ctx) => {
  test('a request key is seen once within the replay memory, however many ask at once; forgotten after it', async () => {
    const { replays } = ctx().helpdesk;
    const firsts = await Promise.all(Array.from({ length: 4 }, () => replays.firstSight('V1:h:v0=abc')));
    expect(firsts.filter(Boolean)).toHaveLength(1);
    expect(await replays.firstSight('V1:h:v0=abc')).toBe(false);
    expect(await replays.firstSight('V1:h:v0=def')).toBe(true);
    ctx().clock.advance(11 * MINUTE);
    expect(await replays.firstSight('V1:h:v0=abc')).toBe(true);
  });
});
