import type { Catalog } from './catalog';

/** Every text a person reads, in Danish, key for key as `en.ts`. */
export const da: Catalog = {
  // ---- language: Each language's own name for itself
  language: {
    name: 'Dansk',
  },
  // ---- common: Said everywhere: numbers, labels of types, priorities, statuses
  common: {
    ticketNumber: '#{{number}}',
  },
  // ---- ticket: What a ticket says to its customer (opened, pending, reminder, resolved, rating)
  ticket: {},
  // ---- notify: Notifications to staff (assigned, escalated, SLA, major incidents)
  notify: {},
  // ---- errors: The core's refusals and validation messages
  errors: {},
  // ---- card: The ticket card and its buttons
  card: {},
  // ---- articles: Articles the helpdesk writes (SLA, service catalog)
  articles: {},
  // ---- help: /helpdesk help: the command catalogue, one entry per command
  help: {},
  // ---- commands: Slash commands' descriptions, options and choices (Discord localizations)
  commands: {},
  // ---- people: /helpdesk language, staff and people answers
  people: {},
  // ---- forms: Forms: titles, labels, placeholders, options, inline errors
  forms: {},
  // ---- answers: Private answers to commands and buttons
  answers: {},
  // ---- discord: Said only on Discord
  discord: {},
  // ---- slack: Said only on Slack (App Home, shortcuts)
  slack: {},
  // ---- dashboard: The web dashboard: pages, actions, sign-in
  dashboard: {
    title: 'Helpdesk',
  },
  // ---- figures: The dashboard's figures, charts and CSV export
  figures: {},
  // ---- waysIn: Tickets from a DM, a message command, a reaction
  waysIn: {
    confirmOpen: 'Vil du oprette en sag med denne besked?',
    confirmOpenFor: 'Vil du oprette en sag for {{author}} med denne besked?',
    open: 'Opret',
    cancel: 'Annuller',
    cancelled: 'Der blev ikke oprettet nogen sag.',
    opened: 'Sag #{{number}} er oprettet.',
    notOpened: 'Der blev ikke oprettet nogen sag: {{reason}}',
    notYourMessage:
      'Du kan kun oprette en sag ud fra en besked, du selv har skrevet. Supportere kan oprette en for den, der skrev beskeden.',
    alreadyTicket: 'Den besked er allerede sag #{{number}}.',
    messageGone: 'Den besked findes ikke længere.',
    refusedTitle: 'Ingen sag',
    sourceReply: 'Denne besked er nu sag #{{number}}.',
    untitled: 'Sag fra en besked',
    opening: 'Opretter sagen …',
    fromMessage: 'Oprettet ud fra denne besked: {{link}}',
  },
  // ---- savedReplies: Saved replies
  savedReplies: {
    title: 'Gemte svar',
    notFound: 'Der er intet gemt svar med navnet "{{name}}".',
    nameTaken: 'Der findes allerede et gemt svar med navnet "{{name}}".',
  },
  // ---- lookAlike: Major-incident proposals and look-alike alerts
  lookAlike: {},
};
