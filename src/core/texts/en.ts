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
    role: {
      customer: 'customer',
      supporter: 'supporter',
      admin: 'admin',
    },
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
  help: {
    heading: 'What you can run ({{role}}):',
    ticket: 'open a ticket',
    ticketOnBehalf: 'open a ticket on their behalf',
    ticketsList: 'your tickets (staff: yours, then the queue)',
    ticketsListScope: 'yours, the queue, or every open ticket',
    ticketsShow: 'one ticket',
    ticketsSearch: 'search tickets',
    ticketsTranscript: 'the whole ticket as a file',
    ticketsAssign: 'reassign a ticket',
    ticketsEscalate: 'to the next tier',
    ticketsPriority: 'change the priority',
    ticketsLink: 'into a major incident',
    ticketsUnlink: 'out of its major incident',
    note: "an internal note, in a ticket's thread",
    noteShortcut: 'the "Add internal note" shortcut on a message in a ticket\'s thread: an internal note',
    kbSearch: 'search the knowledge base',
    kbRead: 'read an article',
    kbNew: 'write an article',
    kbEdit: 'edit an article',
    away: 'stop or resume taking new tickets',
    awayOther: "someone else's availability",
    link: 'join your Discord and Slack identities',
    staffAdd: 'make someone staff',
    staffRemove: 'no longer staff',
    mark: 'the SLA or service-catalog article',
    setup: 'the support channel, where ticket threads go (default: here)',
    slaShow: 'the SLA targets and business hours',
    slaSet: "a priority's targets (e.g. 1h, 4h, 1d)",
    slaHours: 'business hours, e.g. Mon-Fri 08:00-16:00 Europe/Copenhagen',
    slaHoliday: 'a day the SLA clock stands still',
    catalogList: 'the service catalog, with ids',
    catalogAdd: 'add a service and its creation guide',
    catalogEdit: 'change a service',
    catalogRemove: 'take a service out of the catalog',
    stats: 'opened, resolved, response times, SLA met, ratings',
    redactComment: "erase a comment's text (a pasted password)",
    redactTicket: "erase a ticket's title, description or rating comment",
    forget: "erase a person's data (asks first; or an id for someone gone)",
    export: 'everything kept about a person, as a file',
    language: 'the language the helpdesk speaks to you (da: dansk, en: English)',
    help: 'this list',
  },
  // ---- commands: Slash commands' descriptions, options and choices (Discord localizations)
  commands: {},
  // ---- people: /helpdesk language, staff and people answers
  people: {
    languageSet: 'From now on the helpdesk speaks English to you.',
  },
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
  },
  // ---- savedReplies: Saved replies
  savedReplies: {
    title: 'Saved replies',
  },
  // ---- lookAlike: Major-incident proposals and look-alike alerts
  lookAlike: {},
};
