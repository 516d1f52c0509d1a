import type { App } from '@slack/bolt';
import { InvalidInputError } from '../../../core/errors';
import { catalogListText, linesOf, type Service } from '../../../core/rules/catalog';
import { formView, textInput } from '../blocks';
import { textsFor } from '../../../core/texts';
import type { Translate } from '../../reader';
import { languageOfUser, problemText, readableError, slackActor, type SlackContext } from '../context';
import { closingView } from '../guide-views';

export const CATALOG_FORM = 'catalog_form';

const text = (t: string) => ({ type: 'plain_text' as const, text: t });
/** Covered and the owning tier in one choice: a service the helpdesk does not cover has no tier that owns it. */
const coverageOptions = (tr: Translate) => [
  ...[1, 2, 3].map((tier) => ({ value: `tier:${tier}`, text: text(tr('forms.service.coveredTier', { tier })) })),
  { value: 'none', text: text(tr('forms.service.notCovered')) },
];
const BLOCK_OF_FIELD: Record<string, string> = {
  name: 'name',
  description: 'description',
  covered: 'coverage',
  owningTier: 'coverage',
  checks: 'checks',
  questions: 'questions',
};

/** `/helpdesk catalog add` and `edit ID` (prefilled): a service and its creation guide, checks and questions one per line. */
export function catalogFormView(tr: Translate, service?: Service) {
  const options = coverageOptions(tr);
  const coverage = options.find(
    (c) => c.value === (!service ? 'tier:1' : service.covered ? `tier:${service.owningTier}` : 'none'),
  )!;
  return formView(
    tr,
    CATALOG_FORM,
    service ? { serviceId: service.id } : {},
    service ? tr('forms.service.titleEdit', { id: service.id }) : tr('forms.service.titleNew'),
    service ? tr('forms.service.save') : tr('forms.service.add'),
    [
      textInput('name', tr('forms.service.name'), { max: 80, initial: service?.name }),
      textInput('description', tr('forms.service.description'), {
        optional: true,
        multiline: true,
        max: 1000,
        initial: service?.description,
      }),
      {
        type: 'input' as const,
        block_id: 'coverage',
        label: text(tr('forms.service.lookAfter')),
        element: { type: 'static_select' as const, action_id: 'value', options, initial_option: coverage },
      },
      textInput('checks', tr('forms.service.checks'), {
        optional: true,
        multiline: true,
        hint: tr('forms.service.checksExample'),
        initial: service?.checks.join('\n'),
      }),
      textInput('questions', tr('forms.service.questionsMax'), {
        optional: true,
        multiline: true,
        hint: tr('forms.service.questionsInto'),
        initial: service?.questions.join('\n'),
      }),
    ],
  );
}

/**
 * The catalog form submitted: added or edited through the core (which checks that the person is
 * an admin, and rewrites the catalog article); a bad field comes back inline, and the saved
 * service is shown as `/helpdesk catalog list` shows it, with its id.
 */
export function registerCatalogForm(app: App, ctx: SlackContext): void {
  app.view(CATALOG_FORM, async ({ ack, view, body }) => {
    const values = view.state.values;
    const { serviceId } = JSON.parse(view.private_metadata || '{}') as { serviceId?: number };
    const coverage = values.coverage?.value?.selected_option?.value ?? 'tier:1';
    const input = {
      name: values.name?.value?.value ?? '',
      description: values.description?.value?.value ?? '',
      covered: coverage !== 'none',
      // "Not covered" leaves the owning tier as it was.
      ...(coverage.startsWith('tier:') ? { owningTier: Number(coverage.slice(5)) } : {}),
      checks: linesOf(values.checks?.value?.value),
      questions: linesOf(values.questions?.value?.value),
    };
    const actor = slackActor(body.user.id, body.user.name);
    const language = await languageOfUser(ctx, body.user.id);
    const tr = textsFor(language);
    try {
      const saved = serviceId
        ? await ctx.helpdesk.catalog.edit(actor, { id: serviceId, ...input })
        : await ctx.helpdesk.catalog.add(actor, input);
      await ack({
        response_action: 'update',
        view: closingView(language, `${tr('forms.service.savedList')}\n${catalogListText([saved], language)}`),
      });
    } catch (error) {
      const errors: Record<string, string> = {};
      if (error instanceof InvalidInputError)
        for (const p of error.problems) errors[BLOCK_OF_FIELD[p.field.split('.')[0]] ?? 'name'] ??= problemText(p, tr);
      else errors.name = readableError(error, ctx.logger, tr);
      await ack({ response_action: 'errors', errors });
    }
  });
}
