import { fitText } from '../../core/rules/fit';
import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInActionRow,
  type APISelectMenuOption,
  type ChatInputCommandInteraction,
  type ButtonInteraction,
} from 'discord.js';
import type { TicketType } from '../../core/model';
import { guideMessagesIn, optionsPage, serviceOptions, SOMETHING_ELSE, type Service } from '../../core/rules/catalog';
import { textsFor, type Language } from '../../core/texts';
import type { Draft } from '../../core/services/guides';
import { interactionActor } from './actor';
import { afterAnswering } from './ack-first-interactions';
import { errorText, readerLanguage } from './answer';
import type { DiscordContext } from './context';

/**
 * The Discord side of the creation guide (PRODUCT.md "Creation guides"): its custom ids and the
 * messages its steps show. Custom ids are `guide:<action>:<args>` (a draft id is a 36-character
 * uuid, well inside Discord's 100).
 */
export const guideId = (action: string, ...args: Array<string | number>) => ['guide', action, ...args].join(':');

export function parseGuideCustomId(customId: string): { action: string; args: string[] } | null {
  const [scope, action, ...args] = customId.split(':');
  return scope === 'guide' && action ? { action, args } : null;
}

/** A select holds 25 options: past that, each page holds this many services, "Back", "More services…" and "Something else". */
export const SERVICES_PER_PAGE = 22;
const SELECT_MAX = 25;
const pageValue = (page: number) => `page:${page}`;
export const parsePageValue = (value: string): number | null =>
  /^page:(\d+)$/.test(value) ? Number(value.slice(5)) : null;

type Reply = { content: string; components: Array<APIActionRowComponent<APIComponentInActionRow>> };
const row = (...components: APIComponentInActionRow[]): APIActionRowComponent<APIComponentInActionRow> => ({
  type: ComponentType.ActionRow,
  components,
});
const button = (
  label: string,
  customId: string,
  style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success = ButtonStyle.Secondary,
): APIButtonComponent => ({
  type: ComponentType.Button,
  style,
  label: label.slice(0, 80),
  custom_id: customId,
});

/**
 * `/ticket`'s first step: which service (one page of them). "Something else" is on every page, so
 * a customer who finds nothing need not page to the end; paging is by entries in the select itself
 * (a pick answers at once, with no database call).
 */
export function servicePicker(
  services: Service[],
  page: number,
  language: Language,
  customId = guideId('service'),
): Reply {
  const say = textsFor(language);
  const pickService = guideMessagesIn(language).pickService;
  const all = serviceOptions(services, language);
  const services_ = all.filter((o) => o.value !== SOMETHING_ELSE);
  const somethingElse = all.filter((o) => o.value === SOMETHING_ELSE);
  const paged = all.length > SELECT_MAX;
  const shown = optionsPage(services_, paged ? page : 0, paged ? SERVICES_PER_PAGE : SELECT_MAX);
  const options: APISelectMenuOption[] = [
    ...(shown.page > 0
      ? [
          {
            value: pageValue(shown.page - 1),
            label: say('forms.guide.back'),
            description: say('forms.guide.page', { page: shown.page, pages: shown.pages }),
          },
        ]
      : []),
    ...shown.options,
    ...(shown.page < shown.pages - 1
      ? [
          {
            value: pageValue(shown.page + 1),
            label: say('forms.guide.more'),
            description: say('forms.guide.page', { page: shown.page + 2, pages: shown.pages }),
          },
        ]
      : []),
    ...somethingElse,
  ].map((o) => ({
    value: o.value,
    label: fitText(o.label, 100),
    ...(o.description ? { description: fitText(o.description, 100) } : {}),
  }));
  return {
    content:
      shown.pages > 1
        ? say('forms.guide.pickServicePage', { question: pickService, page: shown.page + 1, pages: shown.pages })
        : pickService,
    components: [
      row({
        type: ComponentType.StringSelect,
        custom_id: customId,
        placeholder: say('forms.guide.chooseService'),
        options,
      }),
    ],
  };
}

export const pickerReply = (services: Service[], language: Language) => ({
  ...servicePicker(services, 0, language),
  flags: MessageFlags.Ephemeral as const,
});

/** A guide's two ways on: the form, as an incident or as a request (the type the form then need not ask). */
export function guideButtons(serviceId: number, language: Language): Reply['components'] {
  const say = textsFor(language);
  const form = (type: TicketType) => guideId('form', serviceId, type);
  return [
    row(
      button(say('forms.guide.reportProblem'), form('incident'), ButtonStyle.Primary),
      button(say('forms.guide.askFor'), form('request'), ButtonStyle.Primary),
    ),
  ];
}

/** The guide form's custom id: the service (0: something else) and the type (empty: the form asks). */
export const guideFormId = (serviceId: number | null, type: TicketType | null) =>
  `guide-form:${serviceId ?? 0}:${type ?? ''}`;

/** The articles offered before the ticket is opened, each with its "This solved it", and "Open the ticket". */
export function suggestions(draft: Pick<Draft, 'id' | 'title' | 'suggested'>, language: Language): Reply {
  const say = textsFor(language);
  const guideMessages = guideMessagesIn(language);
  const several = draft.suggested.length > 1;
  const content =
    draft.suggested.length === 0
      ? say('forms.guide.keptForm', { title: draft.title })
      : [
          guideMessages.suggestIntro(draft.suggested.length),
          ...draft.suggested.map(
            (a) =>
              `**${a.title}**${a.snippet ? `\n${a.snippet}` : ''}\n${say('forms.guide.readIt', { command: `\`/kb read ${a.id}\`` })}`,
          ),
        ].join('\n\n');
  const solved = draft.suggested.map((a) =>
    button(
      several ? say('forms.guide.articleSolvedIt', { id: a.id }) : guideMessages.solvedIt,
      guideId('solved', draft.id, a.id),
      ButtonStyle.Success,
    ),
  );
  return {
    content,
    components: [row(...solved, button(guideMessages.openTicket, guideId('open', draft.id), ButtonStyle.Primary))],
  };
}

/**
 * After `/ticket`'s first answer: a form the customer submitted and walked away from (in the last
 * day) is offered again, privately. Best effort: the select already answered.
 */
export async function offerWaitingForm(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await afterAnswering(interaction, ctx);
  try {
    const draft = await ctx.helpdesk.guides.waiting(interactionActor(interaction));
    if (!draft) return;
    const guideMessages = guideMessagesIn(await readerLanguage(interaction, ctx));
    await interaction.followUp({
      content: guideMessages.waiting(draft),
      components: [
        row(
          button(guideMessages.openWaiting, guideId('open', draft.id), ButtonStyle.Primary),
          button(guideMessages.showWaiting, guideId('show', draft.id)),
        ),
      ],
      flags: MessageFlags.Ephemeral,
    });
  } catch (error) {
    ctx.logger.warn({ err: error }, 'could not offer a waiting ticket form');
  }
}

/**
 * A button on a guide message that decides or shows a draft: the message itself becomes the answer
 * (its buttons go, so it is not pressed twice); a refusal (pressed before, someone else's form, an
 * expired one) is a private answer and leaves the message as it was.
 */
export async function settleDraft(
  interaction: ButtonInteraction,
  ctx: DiscordContext,
  work: (language: Language) => Promise<string | Reply>,
): Promise<void> {
  await interaction.deferUpdate();
  await afterAnswering(interaction, ctx);
  const language = await readerLanguage(interaction, ctx);
  let answer: string | Reply;
  try {
    answer = await work(language);
    ctx.wakeDispatcher();
  } catch (error) {
    await interaction.followUp({ content: errorText(error, ctx, textsFor(language)), flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.editReply(typeof answer === 'string' ? { content: answer, components: [] } : answer);
}
