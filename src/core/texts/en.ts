/**
 * Every text a person reads, in English: the catalog every other language follows key for key.
 * i18next syntax: `{{name}}` is filled in; a key ending in `_one` / `_other` is one text whose
 * form follows `count`. Platform markup (mentions, links, bold) is added by the adapters around
 * these texts, never inside them. Sections belong to one area each, so work on one area touches
 * one section.
 */
export const en = {
  language: {
    name: 'English',
  },
  common: {
    ticketNumber: '#{{number}}',
  },
  dashboard: {
    title: 'Helpdesk',
  },
  waysIn: {
    confirmOpen: 'Open a ticket with this message?',
  },
  savedReplies: {
    title: 'Saved replies',
  },
};
