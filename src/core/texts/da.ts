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
  figures: {
    title: 'Nøgletal',
    window: 'Seneste {{days}} dage',
    windowNav: 'Periode',
    period: '{{from}} til {{to}}, dage regnet i {{timeZone}}',
    export: 'Eksportér alle sager (CSV)',
    summary: 'Perioden kort fortalt',
    opened: 'Oprettet',
    resolved: 'Løst',
    backlog: 'Uløste ved dagens slutning',
    day: 'Dag',
    medianFirstResponse: 'Median for første svar',
    medianResolution: 'Median for løsning',
    noValue: 'ingen',
    chartDescription: 'Alle værdier står også i tabellen under diagrammet.',
    openedResolvedTitle: 'Oprettet og løst pr. dag',
    backlogTitle: 'Uløste sager pr. dag',
    dailyTable: 'Oprettet, løst og uløst, dag for dag',
    slaTitle: 'SLA overholdt pr. prioritet',
    slaExplained: 'Hvert mål tæller i den periode, hvor det blev nået eller overskredet.',
    priority: 'Prioritet',
    targets: 'Mål',
    targetsValue: 'første svar {{firstResponse}}, løsning {{resolution}}',
    firstResponseMet: 'Første svar overholdt',
    resolutionMet: 'Løsning overholdt',
    firstResponse: 'Første svar',
    resolution: 'Løsning',
    slaColumn: '{{target}}: {{measure}}',
    met: 'overholdt',
    missed: 'overskredet',
    share: 'andel overholdt',
    percent: '{{value}} %',
    ratingsTitle: 'Bedømmelser',
    ratingsSummary_one: '{{count}} bedømmelse, gennemsnit {{average}} af 5',
    ratingsSummary_other: '{{count}} bedømmelser, gennemsnit {{average}} af 5',
    noRatings: 'Ingen bedømmelser i perioden.',
    score: 'Karakter',
    stars_one: '{{count}} stjerne',
    stars_other: '{{count}} stjerner',
    ratingCount: 'Bedømmelser',
    deflectionsTitle: 'Løst uden sag, pr. service',
    deflectionsExplained: 'Guider besvaret af en artikel uden en sag, ved siden af guider der endte med en sag.',
    service: 'Service',
    otherService: 'Noget andet',
    deflected: 'Besvaret af en artikel',
    guidedTickets: 'Endte med en sag',
    shareDeflected: 'Andel besvaret',
    noDeflections: 'Ingen guider blev afsluttet i perioden.',
    loadTitle: 'Belastning pr. supporter',
    supporter: 'Supporter',
    openAssigned: 'Åbne, tildelt nu',
    resolvedInWindow: 'Løst i perioden',
    noSupporters: 'Ingen supportere endnu.',
    majorTitle: 'Større hændelser',
    majorSummary: 'Erklæret: {{declared}}. Tilknyttede sager: {{joined}}.',
    ticket: 'Sag',
    ticketTitle: 'Titel',
    status: 'Status',
    joined: 'Tilknyttede sager',
    declaredAt: 'Erklæret',
    noMajor: 'Ingen større hændelser i perioden.',
    statuses: {
      open: 'Åben',
      pending: 'Afventer',
      resolved: 'Løst',
    },
    durationMinutes: '{{minutes}} min',
    durationHours: '{{hours}} t {{minutes}} min',
    durationWholeHours: '{{hours}} t',
    durationDays: '{{days}} d {{hours}} t',
    durationWholeDays: '{{days}} d',
    csv: {
      number: 'Nummer',
      type: 'Type',
      status: 'Status',
      priority: 'Prioritet',
      tier: 'Niveau',
      title: 'Titel',
      customer: 'Kunde',
      assignee: 'Tildelt',
      platform: 'Platform',
      created: 'Oprettet',
      firstResponse: 'Første svar',
      resolved: 'Løst',
      slaBreaches: 'SLA-overskridelser',
      rating: 'Bedømmelse',
    },
  },
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
