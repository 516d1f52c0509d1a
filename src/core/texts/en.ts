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
    skipToContent: 'Skip to content',
    signedInAs: 'Signed in as {{name}}',
    signOut: 'Sign out',
    nav: {
      label: 'Dashboard',
      myTickets: 'My tickets',
      queue: 'Queue',
      myWork: 'My work',
      search: 'Search',
      knowledge: 'Knowledge base',
      major: 'Major incidents',
      figures: 'Figures',
    },
  },
  // ---- figures: The dashboard's figures, charts and CSV export
  figures: {
    title: 'Figures',
    window: 'Last {{days}} days',
    windowNav: 'Window',
    period: '{{from}} to {{to}}, days counted in {{timeZone}}',
    export: 'Export all tickets (CSV)',
    summary: 'The window in short',
    opened: 'Opened',
    resolved: 'Resolved',
    backlog: 'Unresolved at the end of the day',
    day: 'Day',
    medianFirstResponse: 'Median first response',
    medianResolution: 'Median resolution',
    noValue: 'none',
    chartDescription: 'Every value is also in the table below the chart.',
    openedResolvedTitle: 'Opened and resolved a day',
    backlogTitle: 'Backlog a day',
    dailyTable: 'Opened, resolved and unresolved, day by day',
    slaTitle: 'SLA met by priority',
    slaExplained: 'Each target counts in the window in which it was met or missed.',
    priority: 'Priority',
    targets: 'Targets',
    targetsValue: 'first response {{firstResponse}}, resolution {{resolution}}',
    firstResponseMet: 'First response met',
    resolutionMet: 'Resolution met',
    firstResponse: 'First response',
    resolution: 'Resolution',
    slaColumn: '{{target}}: {{measure}}',
    met: 'met',
    missed: 'missed',
    share: 'share met',
    percent: '{{value}} %',
    ratingsTitle: 'Ratings',
    ratingsSummary_one: '{{count}} rating, average {{average}} of 5',
    ratingsSummary_other: '{{count}} ratings, average {{average}} of 5',
    noRatings: 'No ratings in this window.',
    score: 'Score',
    stars_one: '{{count}} star',
    stars_other: '{{count}} stars',
    ratingCount: 'Ratings',
    deflectionsTitle: 'Deflections by service',
    deflectionsExplained: 'Guides answered by an article without a ticket, beside guides that went on to open one.',
    service: 'Service',
    otherService: 'Something else',
    deflected: 'Answered by an article',
    guidedTickets: 'Went on to a ticket',
    shareDeflected: 'Share answered',
    noDeflections: 'No guides were decided in this window.',
    loadTitle: 'Load by supporter',
    supporter: 'Supporter',
    openAssigned: 'Open, assigned now',
    resolvedInWindow: 'Resolved in the window',
    noSupporters: 'No supporters yet.',
    majorTitle: 'Major incidents',
    majorSummary: 'Declared: {{declared}}. Tickets joined: {{joined}}.',
    ticket: 'Ticket',
    ticketTitle: 'Title',
    status: 'Status',
    joined: 'Joined tickets',
    declaredAt: 'Declared',
    noMajor: 'No major incidents in this window.',
    statuses: {
      open: 'Open',
      pending: 'Pending',
      resolved: 'Resolved',
    },
    durationMinutes: '{{minutes}} min',
    durationHours: '{{hours}} h {{minutes}} min',
    durationWholeHours: '{{hours}} h',
    durationDays: '{{days}} d {{hours}} h',
    durationWholeDays: '{{days}} d',
    csv: {
      number: 'Number',
      type: 'Type',
      status: 'Status',
      priority: 'Priority',
      tier: 'Tier',
      title: 'Title',
      customer: 'Customer',
      assignee: 'Assignee',
      platform: 'Platform',
      created: 'Created',
      firstResponse: 'First response',
      resolved: 'Resolved',
      slaBreaches: 'SLA breaches',
      rating: 'Rating',
    },
  },
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
