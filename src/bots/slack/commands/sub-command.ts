import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { ActorRef } from '../../../core/services/people';
import { textsFor, type Language } from '../../../core/texts';
import type { Translate } from '../../reader';
import { readableError, slackActor, type SlackContext } from '../context';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
/** What `ack` takes: nothing (the answer follows elsewhere, e.g. a form) or a private answer. */
export type AckAnswer = Parameters<CommandArgs['ack']>[0];

/** One run of a sub-command: who, the words after the sub-command's own, and ways to answer. */
export interface SubCommandCall {
  ctx: SlackContext;
  actor: ActorRef;
  command: CommandArgs['command'];
  client: CommandArgs['client'];
  /** The words after the sub-command's name (`/tickets show 6` → `['6']`). */
  args: string[];
  /** Every word after the slash command (`/tickets show 6` → `['show', '6']`). */
  words: string[];
  /** A private answer: the request's acknowledgement, so at most once. */
  answer(text: string): Promise<void>;
  /** Acknowledges the request as the sub-command wants it (nothing, or an answer with blocks). */
  ack(answer?: AckAnswer): Promise<void>;
  /** Whether the request has been acknowledged yet. */
  acked(): boolean;
  /** The texts in the language of the person who ran it. */
  tr: Translate;
  /** That language, for the core's rules that write in it (labels, the SLA line). */
  language: Language;
  /** Their time zone as their Slack profile gives it (asked once an hour at most); UTC when Slack does not say. */
  timeZone(): Promise<string | undefined>;
}

export type SubCommand = (call: SubCommandCall) => Promise<void>;

/**
 * A slash command's sub-commands by name: one word (`show`) or two (`staff add`), the longer
 * name winning. `''` is what runs with no words at all, `'*'` what runs for words that name none.
 */
export type SubCommandTable = Record<string, SubCommand>;

/** The sub-command `words` name in `table`, and the words after its name. */
export function findSubCommand(
  table: SubCommandTable,
  words: string[],
): { run: SubCommand; args: string[] } | undefined {
  if (words.length === 0) return table[''] ? { run: table[''], args: [] } : undefined;
  const two = words.slice(0, 2).join(' ');
  if (words.length >= 2 && table[two]) return { run: table[two], args: words.slice(2) };
  if (table[words[0]]) return { run: table[words[0]], args: words.slice(1) };
  return table['*'] ? { run: table['*'], args: words } : undefined;
}

/**
 * Registers `/name` answering through `table`. A refusal from the core becomes the private answer
 * (or, when the request was acknowledged already, a private message where the command ran).
 */
export function registerSubCommands(app: App, ctx: SlackContext, name: string, table: SubCommandTable): void {
  app.command(name, async ({ ack, command, client }) => {
    let acked = false;
    const acknowledge = async (answer?: AckAnswer) => {
      acked = true;
      await ack(answer);
    };
    const words = (command.text ?? '').trim().split(/\s+/).filter(Boolean);
    const found = findSubCommand(table, words);
    if (!found) throw new Error(`${name}: the table names no sub-command for "${words.join(' ')}"`);
    const actor = slackActor(command.user_id, command.user_name);
    const language = await ctx.helpdesk.languages.of(actor).catch(() => ctx.settings.HELPDESK_LANGUAGE);
    const tr = textsFor(language);
    const call: SubCommandCall = {
      ctx,
      actor,
      tr,
      language,
      timeZone: () => ctx.timeZones.of(command.user_id),
      command,
      client,
      args: found.args,
      words,
      answer: (text) => acknowledge({ response_type: 'ephemeral', text }),
      ack: acknowledge,
      acked: () => acked,
    };
    try {
      await found.run(call);
    } catch (error) {
      const text = readableError(error, ctx.logger, tr);
      if (!acked) await acknowledge({ response_type: 'ephemeral', text });
      else
        await client.chat
          .postEphemeral({ channel: command.channel_id, user: command.user_id, text })
          .catch(() => undefined);
    }
  });
}
