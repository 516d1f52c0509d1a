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
  commands: {
    ticket: { _: 'Open a support ticket', person: 'Staff: open it on behalf of this person' },
    note: { _: 'Staff: add an internal note to this ticket (only staff see it)', text: 'The note' },
    tickets: {
      _: 'Tickets you may see; staff: act on them by number',
      list: { _: 'Your tickets (staff: yours, then the queue)', scope: 'Staff: which tickets' },
      show: { _: 'One ticket', number: 'The ticket number' },
      search: { _: 'Search the tickets you may see', words: 'What to look for' },
      transcript: { _: 'The whole ticket as a file', number: 'The ticket number' },
      assign: { _: 'Staff: assign a ticket to someone', number: 'The ticket number', person: 'Who takes it' },
      escalate: {
        _: 'Staff: escalate a ticket to the next tier',
        number: 'The ticket number',
        person: 'Who takes it (default: the least loaded)',
      },
      priority: {
        _: "Staff: change a ticket's priority",
        number: 'The ticket number',
        priority: 'P1 critical … P4 low',
      },
      link: {
        _: 'Staff: make a ticket part of a major incident',
        number: 'The ticket number',
        parent: "The major incident's ticket number",
      },
      unlink: { _: 'Staff: take a ticket out of its major incident', number: 'The ticket number' },
    },
    kb: {
      _: 'The knowledge base',
      search: { _: 'Search the knowledge base', words: 'What to look for' },
      read: { _: 'Read an article', id: 'The article id' },
      new: { _: 'Staff: write an article' },
      edit: { _: 'Staff: edit an article', id: 'The article id' },
    },
    helpdesk: {
      _: 'Staff, availability, linking accounts, setup, SLA, service catalog, figures, privacy, help',
      staff: {
        _: 'Admins: who is staff',
        add: {
          _: 'Admins: make someone a supporter of a tier, or an admin',
          person: 'Who',
          role: 'Tier 1, 2, 3 or admin',
        },
        remove: { _: 'Admins: someone is no longer staff', person: 'Who' },
      },
      away: {
        _: 'Staff: stop or resume taking new tickets',
        state: 'on: away; off: back',
        person: 'Admins: someone else',
      },
      link: { _: 'Staff: join your Discord and Slack identities', code: 'The code /helpdesk link gave you on Slack' },
      mark: {
        _: 'Admins: make an article the SLA or the service catalog',
        kind: 'Which special article',
        id: 'The article id',
      },
      setup: {
        _: 'Admins: the support channel, where ticket threads are made',
        channel: 'The support channel (default: this one)',
      },
      sla: {
        _: 'Admins: the SLA policy',
        show: { _: 'Admins: the targets and business hours' },
        set: {
          _: "Admins: a priority's first-response and resolution targets",
          priority: 'Which priority',
          first_response: 'e.g. 1h, 90m, 1d (default: unchanged)',
          resolution: 'e.g. 4h, 3d, 1d 4h (default: unchanged)',
        },
        hours: {
          _: 'Admins: business hours, or off for around the clock',
          hours: 'e.g. Mon-Fri 08:00-16:00 Europe/Copenhagen, or off',
        },
        holiday: { _: 'Admins: a day the clock stands still', action: 'Add or remove the day', date: 'YYYY-MM-DD' },
      },
      catalog: {
        _: 'Admins: the service catalog and its creation guides',
        list: { _: 'The services, with their ids' },
        add: { _: 'Admins: add a service (a form)' },
        edit: { _: 'Admins: change a service (a form)', id: 'The service id (/helpdesk catalog list)' },
        remove: {
          _: 'Admins: take a service out of the catalog (its tickets keep it)',
          id: 'The service id (/helpdesk catalog list)',
        },
      },
      stats: {
        _: 'Admins: opened, resolved, response times, SLA met, ratings',
        period: 'The last 7 or 30 days (default 7d)',
      },
      redact: {
        _: "Admins: replace a comment's or a ticket's text (a pasted password) and take it off Discord",
        message: 'A comment: its message link ("Copy Message Link"), its id, or a comment id',
        ticket: 'Or a ticket, by number',
        part: "With ticket: its title, its description, or its rating's comment",
        replacement: 'What it says instead (default: [redacted by an admin])',
      },
      forget: {
        _: "Admins: erase a person's data (asks first)",
        person: 'Who',
        id: 'Or their id, for someone no longer here: 123… or slack:U…',
      },
      export: {
        _: 'Admins: everything kept about a person, as a file',
        person: 'Who',
        id: 'Or their id, for someone no longer here: 123… or slack:U…',
      },
      help: { _: 'What you can run' },
      language: { _: 'The language the helpdesk speaks to you', language: 'Which language' },
    },
    /** A choice's name, by its value (values are what the command receives, in every language). */
    choice: {
      mine: 'mine',
      queue: 'queue',
      all: 'all',
      on: 'on',
      off: 'off',
      add: 'add',
      remove: 'remove',
      admin: 'admin',
      sla: 'SLA',
      catalog: 'service catalog',
      title: 'title',
      description: 'description',
      rating: 'rating',
    },
  },
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
  forms: {
    cancel: 'Cancel',
    send: 'Send',
    ticket: {
      title: 'Open a ticket',
      titleFor: 'Open a ticket for {{person}}',
      titleService: 'Open a ticket: {{service}}',
      next: 'Next',
      open: 'Open',
      fieldTitle: 'Title',
      fieldDescription: 'Description',
      type: 'Type',
      impact: 'Who is affected?',
      urgency: 'How badly does it stop your work?',
      typeOption: {
        incident: 'Incident: something is broken',
        request: 'Request: I need something',
      },
      impactOption: {
        individual: 'Just me',
        team: 'My team',
        everyone: 'Everyone',
      },
      urgencyOption: {
        can_work: 'I can work',
        degraded: 'Degraded',
        blocked: 'Blocked',
      },
    },
    answers: {
      one: 'Your answer to the question',
      several: 'Your answers to the questions',
    },
    rating: {
      title: 'Rating of #{{number}}',
      comment: 'Anything you want to tell us?',
    },
  },
  // ---- answers: Private answers to commands and buttons
  answers: {
    somethingWrong: 'Something went wrong on our side; please try again in a moment.',
    cantDoThat: "You can't do that: {{reason}}",
    unassigned: 'unassigned',
    none: 'none',
    list: {
      yours: 'Your tickets',
      mine: 'Assigned to you',
      queue: 'The queue (unassigned)',
      all: 'All open tickets',
    },
    ticketLine: '{{type}} · {{status}} · {{priority}} · {{assignee}}',
    forCustomer: 'for {{customer}}',
    andMore: '… and {{count}} more',
    due: 'due {{time}}',
    search: {
      heading: 'Tickets matching "{{words}}"',
      none: 'No tickets match "{{words}}".',
    },
    show: {
      facts: '{{type}} · {{status}} · {{priority}} · tier {{tier}} · SLA: {{sla}}',
      people: 'Customer: {{customer}} · Assignee: {{assignee}}',
      customer: 'customer',
      thread: 'Thread: {{thread}}',
      messages: 'Messages',
      messageCount: '{{count}} (the whole conversation: /tickets transcript {{number}})',
    },
    transcript: {
      attached: 'The transcript of #{{number}} is attached.',
      onItsWay: 'The transcript of #{{number}} is on its way to your DM with the app.',
      comment: 'The transcript of #{{number}}',
      failed: 'The transcript could not be uploaded; please try again in a moment.',
    },
    assigned: '#{{number}} is now assigned to {{person}}.',
    escalated: '#{{number}} is escalated to tier {{tier}}.',
    escalatedTo: '#{{number}} is escalated to tier {{tier}} and assigned to {{person}}.',
    priorityChanged: '#{{number}} is now {{priority}}.',
    linked: '#{{number}} is now part of major incident #{{parent}}.',
    unlinked:
      '#{{number}} is no longer part of a major incident: it is handled on its own again, with its own SLA clock.',
    kb: {
      heading: 'Articles matching "{{words}}" (read one with /kb read ID):',
      none: 'No articles match "{{words}}".',
      staffOnly: 'staff only',
      archived: 'archived',
      tags: 'tags: {{tags}}',
      article: 'article {{id}}',
      onlyStaffWrite: "You can't do that: only staff can write knowledge-base articles.",
      isArchived: "Article {{id}} is archived; it can't be edited.",
      tooLongForForm:
        "Article {{id}} is {{length}} characters long; the form here holds {{max}}, so it can't be edited here without cutting it. Nothing was changed.",
      tooLongAttached:
        'Article {{id}} is {{length}} characters, more than a message holds: the whole article is attached.',
      cutShort: '… (the article is longer than a message can show)',
    },
    staff: {
      admin: '{{person}} is now an admin.',
      supporter: '{{person}} is now a tier-{{tier}} supporter.',
      removed: '{{person}} is no longer staff; their open tickets were handed to others.',
    },
    away: {
      youOn: 'You are away: no new tickets are assigned to you until you are back.',
      youOff: 'You are back: new tickets are assigned to you again.',
      personOn: '{{person}} is away: no new tickets are assigned to them until they are back.',
      personOff: '{{person}} is back: new tickets are assigned to them again.',
    },
    link: {
      code: 'Your link code is {{code}}. Run {{command}} on {{platform}} before {{time}}.',
      asked: 'Asked your {{platform}} identity to confirm: the two are joined once you press Confirm there.',
    },
    mark: {
      sla: 'Article {{id}} "{{title}}" is now the SLA article.',
      catalog: 'Article {{id}} "{{title}}" is now the service catalog article.',
    },
    setup: {
      done: '{{channel}} is now the support channel: new tickets get their thread there.',
      inThread: 'Run this in the support channel itself, or name it: {{example}}.',
    },
    sla: {
      now: 'The SLA now reads:',
      saved: 'Saved. The SLA now reads:',
      attached: '{{heading}} (attached)',
    },
    catalog: {
      onlyAdmins: 'Only admins manage the service catalog; everyone can read it in the knowledge base.',
      noService: 'There is no service {{id}} in the catalog; /helpdesk catalog list shows their ids.',
      removed:
        '{{name}} (service {{id}}) is out of the catalog; tickets opened for it keep it, and the catalog article no longer lists it.',
      attached: 'The catalog has {{count}} services: see the file.',
    },
    stats: {
      attached: 'Helpdesk figures for the last {{period}} are attached.',
    },
    privacy: {
      exportAttached: 'Everything the helpdesk keeps about {{person}} is attached.',
      exportOnItsWay:
        'Everything the helpdesk keeps about {{person}} is on its way to your DM with the app, as a file.',
      exportComment: 'Everything kept about one person',
      exportFailed: 'The export could not be uploaded; please try again in a moment.',
      erase: 'Erase',
      cancel: 'Cancel',
    },
    noteAdded: 'Internal note added to #{{number}}. Only staff can see it.',
    noteOutsideTicket: "{{command}} works in a ticket's thread.",
    personNeeded: 'name one person: {{options}}',
    redact: {
      oneThing:
        'Name one thing to redact: {{message}} (a comment), or {{ticket}} with {{part}} title, description or rating.',
      deleting:
        'The bot is deleting the message as it was written; if it lacks Manage Messages there, the staff channel is told which message to delete by hand.',
      onSlack: 'It was written on Slack, where the message itself stays until someone deletes it there.',
    },
    unknownCommand: 'Unknown {{command}} command; /helpdesk help lists what you can run.',
    usage: 'Try {{examples}}.',
  },
  // ---- discord: Said only on Discord
  discord: {
    setupPermissions: 'Customers need View Channel there, and not Send Messages.',
  },
  // ---- slack: Said only on Slack (App Home, shortcuts)
  slack: {
    mentionNeeded: 'Name the person with a mention, like {{example}}.',
    mentionOrNone: 'Name the person with a mention, like {{example}}, or leave it out.',
    redactUsage:
      "Try {{examples}}, with the link from the message's \"Copy link\" (the helpdesk's copy of it in the ticket's thread will do).",
    redactOnDiscord: 'It was written on Discord, where the bot deletes the message itself.',
    redactInDm:
      "Slack lets no app delete a person's message, and this one is in their direct messages with the app, where only they can: please ask them to delete it ({{link}}).",
    redactInChannel:
      "Slack lets no app delete a person's message: please delete it (and any file shared with it) yourself, or ask a workspace admin: {{link}}",
    setupHere: 'this channel',
  },
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
