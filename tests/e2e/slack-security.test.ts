import { buttonIn, buttonPress, runCommand } from '../fakes/slack/interactions';
import { startStaffedSlackHarness, TINA, type SlackHarness } from '../fakes/slack/harness';
import type { ActorRef } from '../../src/core/services/people';

/** The helpdesk's promises about who may do what, kept on Slack end to end (the real Bolt against the fake). */
let h: SlackHarness;

beforeAll(async () => {
  h = await startStaffedSlackHarness();
});
afterAll(async () => {
  await h?.close();
});

const MALLORY = { id: 'UMALLORY', name: 'mallory' };
const onDiscord = (id: string, name: string): ActorRef => ({ platform: 'discord', userId: id, displayName: name });
const press = async (user: { id: string; name: string }, message: any, actionId: string) => {
  const res = await h.signer.interaction(
    buttonPress(user, buttonIn(message.blocks, actionId), message.channel, message),
  );
  expect(res.status).toBe(200);
  await h.slack.settled();
};

describe('Slack: link codes', () => {
  test('a code redeemed on Discord joins nothing until its Slack owner presses Confirm in a private prompt naming the redeemer', async () => {
    const given = await runCommand(h, TINA, '/helpdesk', 'link');
    const code = /\*([A-Z0-9]{8})\*/.exec(given.text!)![1];
    expect(await h.helpdesk.staff.link(onDiscord('tina-d', 'Tina D'), { code })).toEqual({
      awaitingConfirmation: 'slack',
    });
    await h.deliver();
    const prompt = h.api.messages.filter((m) => m.channel === `D${TINA.id}`).at(-1)!;
    expect(prompt.text).toContain('Tina D on Discord used your link code');
    expect((await h.helpdesk.staff.whoAmI(onDiscord('tina-d', 'Tina D'))).role).toBe('customer');

    await press(TINA, prompt, 'link_confirm');
    expect((await h.helpdesk.staff.whoAmI(onDiscord('tina-d', 'Tina D'))).role).toBe('supporter');
    const answered = h.api.messages.find((m) => m.ts === prompt.ts)!;
    expect(answered.text).toContain('Linked');
    expect(answered.blocks).toEqual([]);
  });

  test("a Slack /helpdesk link refuses a wrong-platform code in the words it uses for an unknown one; someone else's press is refused", async () => {
    const { code } = (await h.helpdesk.staff.link({ platform: 'slack', userId: 'UADMIN' }, {})) as { code: string };
    const here = await runCommand(h, MALLORY, '/helpdesk', `link ${code}`);
    const unknown = await runCommand(h, MALLORY, '/helpdesk', 'link NOSUCH99');
    expect(here.text).toBe(unknown.text);
    await h.helpdesk.staff.link(onDiscord('mallory-d', 'Mallory'), { code });
    await h.deliver();
    const prompt = h.api.messages.filter((m) => m.channel === 'DUADMIN').at(-1)!;
    await press(MALLORY, prompt, 'link_confirm');
    expect((await h.helpdesk.staff.whoAmI(onDiscord('mallory-d', 'Mallory'))).role).toBe('customer');
    await press({ id: 'UADMIN', name: 'admin' }, prompt, 'link_refuse');
    expect((await h.helpdesk.staff.whoAmI(onDiscord('mallory-d', 'Mallory'))).role).toBe('customer');
    expect(h.api.messages.find((m) => m.ts === prompt.ts)!.text).toContain('Refused');
  });
});
