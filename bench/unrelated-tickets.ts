/**
 * The tickets of the chat benchmarks: 200 customers at once, each with a problem of their own.
 * Alike reports would make the helpdesk declare a major incident and join them to it (a card
 * redraw and a notice each), work a bare bot never does; so every report here is unrelated to
 * the others, in made-up words no two share, while the look-alike search still runs for each.
 */
const SYLLABLES = ['ka', 'lo', 'mi', 'ru', 'te', 'vo', 'zi', 'pa', 'ne', 'fu', 'so', 'di', 'gha', 'bre', 'xo', 'yul'];

/**
 * A word made for `n` alone: four syllables from the 16 bits of n scrambled by an odd multiplier
 * (a bijection modulo 2^16), so distinct numbers give distinct words and neighbours share little.
 */
function word(n: number): string {
  const bits = (n * 40503) & 0xffff;
  return [12, 8, 4, 0].map((shift) => SYLLABLES[(bits >> shift) & 0xf]).join('');
}

/** Ticket `i`'s form: title and description in words of its own, an incident with impact and urgency. */
export function unrelatedTicket(i: number): {
  title: string;
  description: string;
  type: 'incident';
  impact: 'team';
  urgency: 'degraded';
} {
  const own = (k: number) => word(i * 8 + k);
  return {
    title: `${own(0)} ${own(1)} ${own(2)}`,
    description: `${own(3)} ${own(4)} ${own(5)} ${own(6)} ${own(7)}.`,
    type: 'incident',
    impact: 'team',
    urgency: 'degraded',
  };
}
