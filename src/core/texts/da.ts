import type { Catalog } from './catalog';

/** Every text a person reads, in Danish, key for key as `en.ts`. */
export const da: Catalog = {
  language: {
    name: 'Dansk',
  },
  common: {
    ticketNumber: '#{{number}}',
  },
  dashboard: {
    title: 'Helpdesk',
  },
  waysIn: {
    confirmOpen: 'Vil du oprette en sag med denne besked?',
  },
  savedReplies: {
    title: 'Gemte svar',
  },
};
