import type { DiscordCharacter, SlackCharacter, Stage } from './stage';

/**
 * The people of the demo. The seed's second scenario names its own (CustomerJannet, LevelOneTim,
 * LevelTwoAhmed); the rest are made up. A person is known by a platform identity: the staff of
 * each platform are separate people here, as they are until someone runs `/helpdesk link`.
 */
export interface Cast {
  discord: {
    admin: DiscordCharacter;
    tier1: DiscordCharacter;
    raul: DiscordCharacter;
    noah: DiscordCharacter;
    emma: DiscordCharacter;
    oscar: DiscordCharacter;
    ida: DiscordCharacter;
    freja: DiscordCharacter;
  };
  slack: {
    admin: SlackCharacter;
    tim: SlackCharacter;
    ahmed: SlackCharacter;
    sofie: SlackCharacter;
    jannet: SlackCharacter;
    karl: SlackCharacter;
    maja: SlackCharacter;
    viktor: SlackCharacter;
  };
}

export function castOn(stage: Stage): Cast {
  return {
    discord: {
      admin: stage.discordPerson('Mette', true),
      tier1: stage.discordPerson('Lise', true),
      raul: stage.discordPerson('Raul'),
      noah: stage.discordPerson('Noah'),
      emma: stage.discordPerson('Emma'),
      oscar: stage.discordPerson('Oscar'),
      ida: stage.discordPerson('Ida'),
      freja: stage.discordPerson('Freja'),
    },
    slack: {
      admin: stage.slackPerson('Mads', true),
      tim: stage.slackPerson('Tim', true),
      ahmed: stage.slackPerson('Ahmed', true),
      sofie: stage.slackPerson('Sofie', true),
      jannet: stage.slackPerson('Jannet'),
      karl: stage.slackPerson('Karl'),
      maja: stage.slackPerson('Maja'),
      viktor: stage.slackPerson('Viktor'),
    },
  };
}

/** The admins the helpdesk starts with (HELPDESK_ADMINS): one on each platform. */
export function adminsSetting(cast: Cast): string {
  return `discord:${cast.discord.admin.user.id},slack:${cast.slack.admin.id}`;
}
