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
    type: {
      incident: 'Hændelse',
      request: 'Forespørgsel',
    },
    status: {
      open: 'åben',
      pending: 'afventer',
      resolved: 'løst',
    },
    priority: {
      P1: 'P1 kritisk',
      P2: 'P2 høj',
      P3: 'P3 normal',
      P4: 'P4 lav',
    },
  },
  // ---- ticket: What a ticket says to its customer (opened, pending, reminder, resolved, rating)
  ticket: {
    opened: 'Din sag #{{number}} "{{title}}" er oprettet. Support svarer her; skriv her, hvis du vil tilføje noget.',
    pending: 'Support venter på dit svar på #{{number}}. Skriv her for at fortsætte.',
    resolved_one:
      'Din sag #{{number}} er {{resolution}}. Er problemet ikke løst, så skriv her eller tryk {{reopen}} inden for {{count}} dag.',
    resolved_other:
      'Din sag #{{number}} er {{resolution}}. Er problemet ikke løst, så skriv her eller tryk {{reopen}} inden for {{count}} dage.',
    resolution: {
      resolved_by_staff: 'løst af support',
      solved_by_customer: 'markeret som løst af dig',
      closed_automatically: 'lukket automatisk efter at have ventet på dit svar',
      closed_with_major_incident: 'lukket sammen med en større hændelse',
    },
    reminder:
      'Påmindelse: support venter stadig på dit svar på #{{number}}. Uden svar lukkes den automatisk den {{closesOn}}. Skriv her for at holde den åben.',
    reopened: 'Sag #{{number}} er åben igen.',
    rated: 'Tak! Du gav #{{number}} {{score}}/5.',
    knownProblem:
      'Dette er et kendt problem, som også rammer andre{{major}}, og support arbejder på det. Vi giver besked her, når #{{number}} er løst.',
    knownProblemMajor: ' (større hændelse #{{parent}})',
    followUpOpened:
      '#{{old}} blev lukket for for længe siden til at kunne genåbnes, så din besked har oprettet en ny sag #{{number}}.',
  },
  // ---- notify: Notifications to staff (assigned, escalated, SLA, major incidents)
  notify: {
    closedByErasure:
      'Sag #{{number}} blev løst, fordi en administrator slettede kundens data: intet af det, kunden skrev, er gemt, og der er ingen tilbage at svare.',
    assignedToYou: 'Sag #{{number}} "{{title}}" er givet til dig.',
    escalatedToYou: 'Sag #{{number}} "{{title}}" er eskaleret til niveau {{tier}} og givet til dig.',
    customerAnswered: 'Kunden har svaret på sag #{{number}} "{{title}}".',
    waitingForSupporter:
      'Sag #{{number}} "{{title}}" venter: ingen supporter på niveau {{tier}} er ledig. Tag den, eller tilføj en supporter.',
    slaWarning: 'SLA-advarsel: fristen for {{target}} på sag #{{number}} "{{title}}" er {{dueAt}}.',
    dueTarget: {
      first_response: 'første svar',
      resolution: 'løsning',
    },
    slaBreached:
      'SLA overskredet: sag #{{number}} "{{title}}" ({{priority}}, niveau {{tier}}) nåede ikke sit mål for {{target}}.',
    missedTarget: {
      first_response: 'første svar',
      resolution: 'løsning',
    },
    majorDeclared:
      'Større hændelse #{{number}} "{{title}}" er erklæret; tilknyttet: {{numbers}}. Arbejd på den i #{{number}}; når den løses, lukkes de alle.',
    majorResolved: 'Større hændelse #{{number}} "{{title}}" er løst; dens sager blev lukket sammen med den.',
  },
  // ---- errors: The core's refusals and validation messages
  errors: {
    noTicket: 'Der er ingen sag #{{number}}, som du kan se.',

    refused: 'Det kan du ikke: {{reason}}.',
    because: {
      staffOnly: 'kun supportpersonalet kan gøre det',
      adminOnly: 'kun en helpdesk-administrator kan gøre det',
      ownOnly: 'du kan kun handle på dine egne sager',
      openOnBehalf: 'kun personalet kan oprette en sag for en anden',
      markSolved: 'kun sagens kunde markerer den som løst; personalet løser den',
      internalNotes: 'interne noter er kun for personalet',
      listAll: 'kun personalet kan se alle sager',
      staffArticle: 'den artikel er kun for personalet',
      writeArticles: 'kun personalet kan skrive artikler i vidensbasen',
      awayFlag: 'kun personalet kan melde sig væk',
      linkIdentities: 'kun personalet forbinder identiteter på tværs af platforme',
      rate: 'kun sagens kunde bedømmer den',
    },
  },
  // ---- card: The ticket card and its buttons
  card: {
    action: {
      claim: 'Tag',
      pending: 'Afventer',
      resolve: 'Løs',
      escalate: 'Eskalér',
      reassign: 'Giv videre',
      type: 'Type',
      priority: 'Prioritet',
      solved: 'Det er løst',
      reopen: 'Genåbn',
    },

    field: {
      type: 'Type',
      status: 'Status',
      priority: 'Prioritet',
      assignee: 'Ansvarlig',
      tier: 'Niveau',
      customer: 'Kunde',
      sla: 'SLA',
      rating: 'Bedømmelse',
    },
    resolvedAs: 'løst ({{resolution}})',
    unassigned: 'ikke tildelt (i køen)',
    target: {
      first_response: 'første svar',
      resolution: 'løsning',
    },
    sla: {
      met: 'overholdt',
      missed: 'ikke overholdt ({{targets}})',
      breached: 'overskredet: {{targets}}',
      paused: 'sat på pause, mens der ventes på kunden{{missed}}',
      firstResponseDue: 'første svar senest {{at}}{{missed}}',
      resolutionDue: 'løsning senest {{at}}{{missed}}',
      running: 'kører',
    },
  },
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

    linkConfirm:
      '{{name}} på {{platform}} brugte din kode til at knytte den identitet til dig. Bekræft kun, hvis det er dig: de to bliver én person med din rolle.',
    linkConfirmed: 'Forbundet: denne identitet og din {{platform}}-identitet er nu én person.',
    linkRefused:
      'Din anmodning om at forbinde blev afvist. Kør /helpdesk link på den anden platform for at få en ny kode.',
    linkCodeUnusable: 'Den kode kan ikke bruges. Kør /helpdesk link på den anden platform for at få en ny.',
    linkTooManyAttempts: 'For mange forsøg: højst {{perHour}} i timen. Prøv igen senere.',
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
