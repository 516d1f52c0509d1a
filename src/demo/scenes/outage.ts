import { STAFF_CHANNEL_ID } from '../../simulator/discord/fake-discord';
import type { StoredMessage } from '../../simulator/slack/web-api';
import type { Cast } from '../cast';
import { SLACK_SUPPORT_CHANNEL, type DiscordCharacter, type SlackCharacter, type Stage } from '../stage';

interface Report {
  who: DiscordCharacter | SlackCharacter;
  title: string;
  description: string;
}

interface Opened {
  number: number;
  who: DiscordCharacter | SlackCharacter;
}

/**
 * The VPN stops working: five customers report it in their own words, on both platforms. What the
 * helpdesk makes of it (a proposal to staff, an incident declared by itself, or nothing) is read
 * from what the platforms received, and the demo goes on from there: it never assumes a proposal.
 */
export async function outageScene(stage: Stage, cast: Cast): Promise<void> {
  const { noah, emma } = cast.discord;
  const { karl, maja, viktor } = cast.slack;
  stage.narrator.note('The VPN goes down. Five customers report it, each in their own words, on Discord and Slack.');
  const reports: Report[] = [
    {
      who: noah,
      title: 'VPN keeps disconnecting',
      description: 'I cannot stay connected to the VPN from home, it drops every minute.',
    },
    {
      who: karl,
      title: 'Cannot connect to the VPN',
      description: 'The VPN client says "connection failed" since 9 this morning.',
    },
    {
      who: emma,
      title: 'Is the VPN down?',
      description: 'Working from home and the VPN will not connect, so I cannot reach the file server.',
    },
    { who: maja, title: 'VPN not working', description: 'VPN login times out every time I try to connect.' },
    { who: viktor, title: 'VPN virker ikke', description: 'Kan ikke forbinde til VPN hjemmefra, den timer ud.' },
  ];

  const opened: Opened[] = [];
  let proposedAt: number | undefined;
  for (const [i, report] of reports.entries()) {
    const fields = { ...report, type: 'incident' as const, impact: 'team', urgency: 'blocked' };
    const number =
      report.who.platform === 'discord'
        ? (await stage.discordTicket(report.who, fields)).number
        : (await stage.slackTicket(report.who, fields)).number;
    opened.push({ number, who: report.who });
    await stage.settle();
    if (proposedAt === undefined && proposals(stage).length > 0) {
      proposedAt = i + 1;
      stage.narrator.note(
        `Staff were shown a possible major incident after report ${proposedAt} of ${reports.length}.`,
      );
    }
    await stage.pause();
  }

  let parent = declaredInChat(stage);
  if (parent) {
    stage.narrator.note(`The helpdesk declared major incident #${parent} by itself: no one had to press anything.`);
  } else if (proposedAt !== undefined) {
    parent = await declareFromProposal(stage, cast);
  } else {
    stage.narrator.note(
      'No proposal came for these five reports: the look-alike detection did not group them. ' +
        '`/tickets link N PARENT` joins tickets to a major incident already declared, and none is, so the five stay separate tickets here.',
    );
    return;
  }
  await stage.settle();
  await stage.pause();

  const left = await notJoined(stage, opened, parent);
  if (left.length > 0) {
    stage.narrator.note(
      `${left.map((o) => `#${o.number}`).join(', ')} did not join #${parent}: a supporter links them by hand with /tickets link.`,
    );
    for (const ticket of left) await linkByHand(stage, cast, ticket.number, parent, ticket.who.platform);
  }
  await stage.pause();

  stage.narrator.note(
    `The VPN is fixed. Major incident #${parent} has no thread or card in chat yet (the web dashboard will show it): ` +
      `the demo asks the helpdesk core to resolve it as ${cast.discord.tier1.name}, the same call a Resolve button makes.`,
  );
  const lise = cast.discord.tier1;
  await stage.app.helpdesk.tickets.resolve(
    { platform: 'discord', userId: lise.user.id, displayName: lise.name },
    { ticketNumber: parent },
  );
  await stage.settle();
  await stage.pause();
}

type Proposal =
  | { platform: 'discord'; message: any; button: { label: string } }
  | { platform: 'slack'; message: StoredMessage; button: { action_id: string; label: string } };

/**
 * Proposals the platforms received that still offer to declare (Discord's #staff, Slack's
 * #support), found by their "Declare…" button rather than its id: the proposal's form is being
 * reworked, and a proposal missed here would be told as none.
 */
function proposals(stage: Stage): Proposal[] {
  const declaring = (label: unknown) => /declare/i.test(String(label ?? ''));
  const onDiscord = stage.discord.messagesIn(STAFF_CHANNEL_ID).flatMap((message): Proposal[] => {
    const button = (message.components ?? [])
      .flatMap((row: any) => row.components ?? [])
      .find((c: any) => declaring(c.label));
    return button ? [{ platform: 'discord', message, button: { label: button.label } }] : [];
  });
  const onSlack = stage.slack.messages
    .filter((m) => m.channel === SLACK_SUPPORT_CHANNEL && !m.thread_ts)
    .flatMap((message): Proposal[] => {
      const button = ((message.blocks ?? []) as any[])
        .flatMap((b) => [...(b?.elements ?? []), ...(b?.accessory ? [b.accessory] : [])])
        .find((e: any) => e?.type === 'button' && declaring(e.text?.text));
      return button
        ? [{ platform: 'slack', message, button: { action_id: button.action_id, label: button.text.text } }]
        : [];
    });
  return [...onDiscord, ...onSlack];
}

/** The first proposal still offering to declare is declared by that platform's tier-1 supporter. */
async function declareFromProposal(stage: Stage, cast: Cast): Promise<number> {
  const [proposal] = proposals(stage);
  if (proposal.platform === 'discord') {
    await stage.discordPress(cast.discord.tier1, proposal.message, proposal.button.label);
  } else {
    await stage.slackPress(cast.slack.tim, proposal.message, proposal.button.action_id, proposal.button.label);
  }
  await stage.settle();
  return stage.until('the staff told which major incident was declared', () => declaredInChat(stage));
}

/** The major incident the staff channels were told of (Discord's #staff, Slack's #support). */
function declaredInChat(stage: Stage): number | undefined {
  const said = [
    ...stage.discord.messagesIn(STAFF_CHANNEL_ID).map((m) => String(m.content ?? '')),
    ...stage.slack.messages.filter((m) => m.channel === SLACK_SUPPORT_CHANNEL).map((m) => m.text ?? ''),
  ];
  for (const text of said) {
    const m = /major incident #(\d+)\b[^\n]*declared|declared as major incident #(\d+)/i.exec(text);
    if (m) return Number(m[1] ?? m[2]);
  }
  return undefined;
}

async function notJoined(stage: Stage, opened: Opened[], parent: number): Promise<Opened[]> {
  const rows: Array<{ number: number }> = await stage.app.database.dataSource.query(
    `SELECT c.number FROM ticket c JOIN ticket p ON p.id = c.major_incident_id WHERE p.number = $1`,
    [parent],
  );
  const joined = new Set(rows.map((r) => Number(r.number)));
  return opened.filter((o) => !joined.has(o.number));
}

async function linkByHand(stage: Stage, cast: Cast, number: number, parent: number, platform: 'discord' | 'slack') {
  if (platform === 'discord') {
    await stage.discordCommand(cast.discord.tier1, `/tickets link ${number} ${parent}`, [
      {
        name: 'link',
        type: 1,
        options: [
          { name: 'number', type: 4, value: number },
          { name: 'parent', type: 4, value: parent },
        ],
      },
    ]);
  } else {
    await stage.slackCommand(cast.slack.tim, '/tickets', `link ${number} ${parent}`);
  }
  await stage.settle();
  await stage.pause(600);
}
