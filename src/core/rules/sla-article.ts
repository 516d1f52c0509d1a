import { PRIORITIES } from '../model';
import { DEFAULT_LANGUAGE, textsFor, type Language } from '../texts';
import { formatHours, type BusinessCalendar } from './business-hours';
import { priorityLabel } from './messages';
import { PRIORITY_MATRIX } from './priority';
import { WARN_AT, type SlaSetup } from './sla';

type Say = ReturnType<typeof textsFor>;

/** A target's length in a language's units: `1d 4h`, `1 d 4 t`. */
function duration(say: Say, minutes: number): string {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const parts = [
    d && say('articles.sla.days', { count: d }),
    h && say('articles.sla.hours', { count: h }),
    m && say('articles.sla.minutes', { count: m }),
  ].filter(Boolean);
  return parts.join(' ') || say('articles.sla.minutes', { count: 0 });
}

/** The business hours in a language: `Mon-Fri 08:00-16:00 (Europe/Copenhagen); not on 2026-12-24`. */
function calendarText(say: Say, calendar: BusinessCalendar | null): string {
  if (!calendar) return say('articles.sla.allDay');
  const hours = formatHours(calendar.hours, say('articles.sla.weekdays').split(','), say('articles.sla.and'));
  const holidays =
    calendar.holidays.length > 0 ? `; ${say('articles.sla.notOn', { days: calendar.holidays.join(', ') })}` : '';
  return `${hours} (${calendar.timeZone})${holidays}`;
}

/**
 * The SLA article customers read, written from the policy itself: the helpdesk regenerates it on
 * every change, so what it promises and what its clocks measure are the same figures. One text
 * per language the helpdesk speaks.
 */
export function slaArticle(setup: SlaSetup, language: Language = DEFAULT_LANGUAGE): { title: string; body: string } {
  const say = textsFor(language);
  const targets = PRIORITIES.map((p) => {
    const t = setup.policy[p];
    return say('articles.sla.target', {
      priority: priorityLabel(language, p),
      firstResponse: duration(say, t.firstResponseMinutes),
      resolution: duration(say, t.resolutionMinutes),
    });
  });
  const matrix = (Object.keys(PRIORITY_MATRIX) as Array<keyof typeof PRIORITY_MATRIX>).reverse().map((impact) => {
    const cells = (Object.keys(PRIORITY_MATRIX[impact]) as Array<keyof (typeof PRIORITY_MATRIX)[typeof impact]>).map(
      (urgency) => `${say(`forms.ticket.urgencyOption.${urgency}`)}: ${PRIORITY_MATRIX[impact][urgency]}`,
    );
    return `- ${say(`forms.ticket.impactOption.${impact}`)} — ${cells.join(', ')}`;
  });
  const calendar = calendarText(say, setup.calendar);
  const body = [
    say('articles.sla.intro'),
    '',
    say('articles.sla.targets'),
    ...targets,
    '',
    setup.calendar ? say('articles.sla.businessHours', { calendar }) : say('articles.sla.aroundTheClock', { calendar }),
    say('articles.sla.clock'),
    say('articles.sla.firstResponse'),
    '',
    say('articles.sla.matrix'),
    ...matrix,
    say('articles.sla.changePriority'),
    '',
    say('articles.sla.reminded', { percent: Math.round(WARN_AT * 100) }),
    '',
    say('articles.sla.generated'),
  ];
  return { title: say('articles.sla.title'), body: body.join('\n') };
}
