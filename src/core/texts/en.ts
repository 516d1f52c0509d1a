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
    type: {
      incident: 'Incident',
      request: 'Request',
    },
    status: {
      open: 'open',
      pending: 'pending',
      resolved: 'resolved',
    },
    priority: {
      P1: 'P1 critical',
      P2: 'P2 high',
      P3: 'P3 normal',
      P4: 'P4 low',
    },
  },
  // ---- ticket: What a ticket says to its customer (opened, pending, reminder, resolved, rating)
  ticket: {
    opened: 'Your ticket #{{number}} "{{title}}" is open. Support will answer here; reply here to add anything.',
    pending: 'Support is waiting for your answer on #{{number}}. Reply here to continue.',
    resolved_one:
      'Your ticket #{{number}} was {{resolution}}. If it is not fixed, reply here or press {{reopen}} within {{count}} day.',
    resolved_other:
      'Your ticket #{{number}} was {{resolution}}. If it is not fixed, reply here or press {{reopen}} within {{count}} days.',
    resolution: {
      resolved_by_staff: 'resolved by support',
      solved_by_customer: 'marked solved by you',
      closed_automatically: 'closed automatically after waiting for your answer',
      closed_with_major_incident: 'closed together with a major incident',
    },
    reminder:
      'Reminder: support is still waiting for your answer on #{{number}}. Without a reply it closes automatically on {{closesOn}}. Reply here to keep it open.',
    reopened: 'Ticket #{{number}} is open again.',
    rated: 'Thank you! You rated #{{number}} {{score}}/5.',
    knownProblem:
      'This is a known problem that affects others too{{major}}, and support is working on it. We will tell you here when #{{number}} is fixed.',
    knownProblemMajor: ' (major incident #{{parent}})',
    followUpOpened: '#{{old}} was closed too long ago to reopen, so your message opened a new ticket #{{number}}.',
  },
  // ---- notify: Notifications to staff (assigned, escalated, SLA, major incidents)
  notify: {
    closedByErasure:
      "Ticket #{{number}} was resolved because an admin erased its customer's data: nothing they wrote is kept, and there is no one left to answer.",
    assignedToYou: 'Ticket #{{number}} "{{title}}" was assigned to you.',
    escalatedToYou: 'Ticket #{{number}} "{{title}}" was escalated to tier {{tier}} and assigned to you.',
    customerAnswered: 'The customer answered on ticket #{{number}} "{{title}}".',
    waitingForSupporter:
      'Ticket #{{number}} "{{title}}" is waiting: no tier-{{tier}} supporter is available. Claim it or add a supporter.',
    slaWarning: 'SLA warning: ticket #{{number}} "{{title}}" is due for its {{target}} at {{dueAt}}.',
    dueTarget: {
      first_response: 'first response',
      resolution: 'resolution',
    },
    slaBreached:
      'SLA breached: ticket #{{number}} "{{title}}" ({{priority}}, tier {{tier}}) missed its {{target}} target.',
    missedTarget: {
      first_response: 'first-response',
      resolution: 'resolution',
    },
    majorDeclared:
      'Major incident #{{number}} "{{title}}" declared; joined: {{numbers}}. Work on it in #{{number}}; resolving it closes them all.',
    majorResolved: 'Major incident #{{number}} "{{title}}" is resolved; its tickets were closed with it.',
  },
  // ---- errors: The core's refusals and validation messages
  errors: {
    noTicket: 'There is no ticket #{{number}} that you can see.',

    refused: "You can't do that: {{reason}}.",
    because: {
      staffOnly: 'only support staff can do that',
      adminOnly: 'only a helpdesk admin can do that',
      ownOnly: 'you can only act on your own tickets',
      openOnBehalf: 'only staff can open a ticket for someone else',
      markSolved: "only the ticket's customer marks it solved; staff resolve it",
      internalNotes: 'internal notes are for staff only',
      listAll: 'only staff can see every ticket',
      staffArticle: 'that article is for staff only',
      writeArticles: 'only staff can write knowledge-base articles',
      awayFlag: 'only staff have an away flag',
      linkIdentities: 'only staff link identities across platforms',
      rate: "only the ticket's customer rates it",
    },
  },
  // ---- card: The ticket card and its buttons
  card: {
    action: {
      claim: 'Claim',
      pending: 'Pending',
      resolve: 'Resolve',
      escalate: 'Escalate',
      reassign: 'Reassign',
      type: 'Type',
      priority: 'Priority',
      solved: "It's solved",
      reopen: 'Reopen',
    },

    field: {
      type: 'Type',
      status: 'Status',
      priority: 'Priority',
      assignee: 'Assignee',
      tier: 'Tier',
      customer: 'Customer',
      sla: 'SLA',
      rating: 'Rating',
    },
    resolvedAs: 'resolved ({{resolution}})',
    unassigned: 'unassigned (in the queue)',
    target: {
      first_response: 'first response',
      resolution: 'resolution',
    },
    sla: {
      met: 'met',
      missed: 'missed ({{targets}})',
      breached: 'breached: {{targets}}',
      paused: 'paused while waiting for the customer{{missed}}',
      firstResponseDue: 'first response due {{at}}{{missed}}',
      resolutionDue: 'resolution due {{at}}{{missed}}',
      running: 'running',
    },
  },
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

    linkConfirm:
      '{{name}} on {{platform}} used your link code to join that identity to you. Only confirm if that is you: the two become one person, with your role.',
    linkConfirmed: 'Linked: this identity and your {{platform}} one are now one person.',
    linkRefused: 'Your link request was refused. Run /helpdesk link on the other platform for a new code.',
    linkCodeUnusable: 'That link code cannot be used. Run /helpdesk link on the other platform for a new one.',
    linkTooManyAttempts: 'Too many link attempts: at most {{perHour}} an hour. Try again later.',
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
