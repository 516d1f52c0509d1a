import type { Option } from '../../simulator/discord/interactions';
import type { Cast } from '../cast';
import type { DiscordCharacter, SlackCharacter, Stage } from '../stage';

/** The admins (from HELPDESK_ADMINS) make the supporters staff, with the same command a real admin types. */
export async function staffScene(stage: Stage, cast: Cast): Promise<void> {
  const { discord, slack } = cast;
  stage.narrator.note(
    `On Discord: ${discord.admin.name} (admin), ${discord.tier1.name} (tier 1); customers ${[discord.raul, discord.noah, discord.emma, discord.oscar, discord.ida, discord.freja].map((c) => c.name).join(', ')}.`,
  );
  stage.narrator.note(
    `On Slack: ${slack.admin.name} (admin), ${slack.tim.name} (tier 1), ${slack.ahmed.name} (tier 2), ${slack.sofie.name} (tier 3); customers ${[slack.jannet, slack.karl, slack.maja, slack.viktor].map((c) => c.name).join(', ')}.`,
  );
  stage.narrator.note('The admins come from HELPDESK_ADMINS; they make the supporters staff.');
  await addOnDiscord(stage, cast.discord.admin, cast.discord.tier1, '1');
  for (const [who, tier] of [
    [cast.slack.tim, '1'],
    [cast.slack.ahmed, '2'],
    [cast.slack.sofie, '3'],
  ] as const)
    await addOnSlack(stage, cast.slack.admin, who, tier);
  await stage.settle();
}

async function addOnDiscord(stage: Stage, admin: DiscordCharacter, who: DiscordCharacter, tier: string) {
  const person: Option = { name: 'person', type: 6, value: who.user.id };
  const role: Option = { name: 'role', type: 3, value: tier };
  await stage.discordCommand(admin, `/helpdesk staff add @${who.name} ${tier}`, [
    { name: 'staff', type: 2, options: [{ name: 'add', type: 1, options: [person, role] }] },
  ]);
  await stage.pause(400);
}

async function addOnSlack(stage: Stage, admin: SlackCharacter, who: SlackCharacter, tier: string) {
  await stage.slackCommand(admin, '/helpdesk', `staff add <@${who.id}|${who.name}> ${tier}`);
  await stage.pause(400);
}
