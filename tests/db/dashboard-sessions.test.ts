import { describeEachDatabase } from '../helpers/database';
import { discord, slack, staffUp } from '../helpers/people';

/**
 * The dashboard's session read, which every page starts with: who the cookie belongs to as they are
 * now (role, language, the identity to act as), or nobody when the session or the person is gone.
 */
describeEachDatabase('dashboard sessions read on every request', (ctx) => {
  /** A session for `who`, as a sign-in link redeemed would start it; the cookie's value. */
  async function sessionOf(who: ReturnType<typeof discord>): Promise<string> {
    const { url } = await ctx().helpdesk.dashboard.signInLink(who);
    const outcome = await ctx().helpdesk.dashboard.redeem(new URL(url).searchParams.get('token')!);
    if (!('sessionId' in outcome)) throw new Error(`refused: ${outcome.refused}`);
    return outcome.sessionId;
  }
  const personOf = async (who: ReturnType<typeof discord>) =>
    (
      await ctx().dataSource.query(`SELECT person_id FROM identity WHERE platform = $1 AND platform_user_id = $2`, [
        who.platform,
        who.userId,
      ])
    )[0].person_id as number;

  test('a live session gives the person as they are now, and their role changes at once', async () => {
    const { helpdesk } = ctx();
    const tina = discord('session-tina');
    await staffUp(helpdesk, { 'session-tina': '1' });
    const session = await sessionOf(tina);
    const viewer = (await helpdesk.dashboard.viewer(session))!;
    expect(viewer).toMatchObject({
      role: 'supporter',
      language: 'en',
      actor: { platform: 'discord', userId: tina.userId },
    });
    expect(viewer.person.displayName).toBe(tina.displayName);
    expect(viewer.csrfToken).toMatch(/^[0-9a-f]{64}$/);

    await ctx().dataSource.query(`UPDATE person SET tier = NULL, language = 'da' WHERE id = $1`, [viewer.person.id]);
    expect(await helpdesk.dashboard.viewer(session)).toMatchObject({ role: 'customer', language: 'da' });
  });

  test('a person joined into another is that other, acting through the identity on the platform they signed in from', async () => {
    const { helpdesk, dataSource } = ctx();
    const onDiscord = discord('session-dora');
    const onSlack = slack('USESSIONDORA');
    const session = await sessionOf(onSlack);
    await helpdesk.dashboard.signInLink(onDiscord); // Dora on Discord is known too
    const [from, into] = [await personOf(onSlack), await personOf(onDiscord)];
    // What /helpdesk link does: the identities move to the person kept, the other points at it.
    await dataSource.query(`UPDATE identity SET person_id = $2 WHERE person_id = $1`, [from, into]);
    await dataSource.query(`UPDATE person SET merged_into_id = $2 WHERE id = $1`, [from, into]);
    const viewer = (await helpdesk.dashboard.viewer(session))!;
    expect(viewer.person.id).toBe(into);
    expect(viewer.actor).toEqual({ platform: 'slack', userId: onSlack.userId });
  });

  test('no one behind an unknown, expired, ended or forgotten session', async () => {
    const { helpdesk, dataSource, clock } = ctx();
    expect(await helpdesk.dashboard.viewer('no-such-session')).toBeNull();

    const ended = await sessionOf(discord('session-ed'));
    await helpdesk.dashboard.signOut(ended);
    expect(await helpdesk.dashboard.viewer(ended)).toBeNull();

    const forgotten = await sessionOf(discord('session-fay'));
    await dataSource.query(`UPDATE person SET erased_at = now() WHERE id = $1`, [
      await personOf(discord('session-fay')),
    ]);
    expect(await helpdesk.dashboard.viewer(forgotten)).toBeNull();

    const late = await sessionOf(discord('session-lou'));
    expect(await helpdesk.dashboard.viewer(late)).not.toBeNull();
    clock.advance(helpdesk.ctx.policy.dashboardSessionHours * 3_600_000 + 1000);
    expect(await helpdesk.dashboard.viewer(late)).toBeNull();
  });
});
