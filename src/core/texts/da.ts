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
    role: {
      customer: 'kunde',
      supporter: 'supporter',
      admin: 'administrator',
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
    heading: 'Det kan du bruge ({{role}}):',
    ticket: 'opret en sag',
    ticketOnBehalf: 'opret en sag på en andens vegne',
    ticketsList: 'dine sager (personale: dine, derefter køen)',
    ticketsListScope: 'dine, køen eller alle åbne sager',
    ticketsShow: 'én sag',
    ticketsSearch: 'søg i sager',
    ticketsTranscript: 'hele sagen som en fil',
    ticketsAssign: 'giv en sag til en anden',
    ticketsEscalate: 'til næste niveau',
    ticketsPriority: 'skift prioritet',
    ticketsLink: 'knyt til en større hændelse',
    ticketsUnlink: 'løsn fra dens større hændelse',
    note: 'en intern note i sagens tråd',
    noteShortcut: 'genvejen "Add internal note" på en besked i sagens tråd: en intern note',
    kbSearch: 'søg i vidensbasen',
    kbRead: 'læs en artikel',
    kbNew: 'skriv en artikel',
    kbEdit: 'ret en artikel',
    away: 'hold pause fra nye sager, eller tag dem igen',
    awayOther: 'en andens tilgængelighed',
    link: 'forbind din Discord- og din Slack-identitet',
    staffAdd: 'gør en person til personale',
    staffRemove: 'ikke længere personale',
    mark: 'SLA- eller servicekatalog-artiklen',
    setup: 'supportkanalen, hvor sagernes tråde oprettes (standard: her)',
    slaShow: 'SLA-målene og åbningstiderne',
    slaSet: 'en prioritets mål (f.eks. 1h, 4h, 1d)',
    slaHours: 'åbningstider, f.eks. Mon-Fri 08:00-16:00 Europe/Copenhagen',
    slaHoliday: 'en dag hvor SLA-uret står stille',
    catalogList: "servicekataloget med id'er",
    catalogAdd: 'tilføj en service og dens oprettelsesguide',
    catalogEdit: 'ret en service',
    catalogRemove: 'tag en service ud af kataloget',
    stats: 'oprettede, løste, svartider, overholdt SLA, bedømmelser',
    redactComment: 'slet en kommentars tekst (en indsat adgangskode)',
    redactTicket: 'slet en sags titel, beskrivelse eller bedømmelseskommentar',
    forget: 'slet en persons data (spørger først; eller et id for en, der er væk)',
    export: 'alt, hvad der er gemt om en person, som en fil',
    language: 'det sprog, helpdesken taler til dig (da: dansk, en: English)',
    help: 'denne liste',
  },
  // ---- commands: Slash commands' descriptions, options and choices (Discord localizations)
  commands: {},
  // ---- people: /helpdesk language, staff and people answers
  people: {
    languageSet: 'Fra nu af taler helpdesken dansk til dig.',
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
    confirmOpen: 'Vil du oprette en sag med denne besked?',
  },
  // ---- savedReplies: Saved replies
  savedReplies: {
    title: 'Gemte svar',
  },
  // ---- lookAlike: Major-incident proposals and look-alike alerts
  lookAlike: {},
};
