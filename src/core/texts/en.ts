/**
 * Every text a person reads, in English: the catalog every other language follows key for key.
 * i18next syntax: `{{name}}` is filled in; a key ending in `_one` / `_other` is one text whose
 * form follows `count`. Platform markup (mentions, links, bold) is added by the adapters around
 * these texts, never inside them. Sections belong to one area each, so work on one area touches
 * one section.
 */
export const en = {
  // ---- language: Each language's own name for itself
  language: {
    name: 'English',
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
    confirmOpen: 'Open a ticket with this message?',
    confirmOpenFor: 'Open a ticket for {{author}} with this message?',
    open: 'Open',
    cancel: 'Cancel',
    cancelled: 'No ticket was opened.',
    opened: 'Ticket #{{number}} is open.',
    notOpened: 'No ticket was opened: {{reason}}',
    notYourMessage:
      'You can only open a ticket from a message you wrote yourself. Support staff can open one for the person who wrote it.',
    alreadyTicket: 'That message is already ticket #{{number}}.',
    messageGone: 'That message is no longer there.',
    refusedTitle: 'No ticket',
    sourceReply: 'This message is now ticket #{{number}}.',
    untitled: 'Ticket from a message',
    opening: 'Opening the ticket…',
    fromMessage: 'Opened from this message: {{link}}',
  },
  // ---- savedReplies: Saved replies
  savedReplies: {
    title: 'Saved replies',
    notFound: 'There is no saved reply named "{{name}}".',
    nameTaken: 'A saved reply named "{{name}}" exists already.',
  },
  // ---- lookAlike: Major-incident proposals and look-alike alerts
  lookAlike: {},
};
