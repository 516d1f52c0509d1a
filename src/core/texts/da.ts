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
    skipToContent: 'Gå til indholdet',
    signedInAs: 'Logget ind som {{name}}',
    signOut: 'Log ud',
    nav: {
      label: 'Oversigt',
      myTickets: 'Mine sager',
      queue: 'Kø',
      myWork: 'Mit arbejde',
      search: 'Søg',
      knowledge: 'Vidensbase',
      major: 'Større hændelser',
      figures: 'Nøgletal',
    },
  },
  // ---- figures: The dashboard's figures, charts and CSV export
  figures: {},
  // ---- waysIn: Tickets from a DM, a message command, a reaction
  waysIn: {
    confirmOpen: 'Vil du oprette en sag med denne besked?',
  },
  // ---- savedReplies: Saved replies
  savedReplies: {
    title: 'Gemte svar',
  },
  // ---- lookAlike: Major-incident proposals and look-alike alerts
  lookAlike: {},
};
