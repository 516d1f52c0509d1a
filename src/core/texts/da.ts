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
  commands: {
    ticket: { _: 'Opret en supportsag', person: 'Personale: opret den på vegne af denne person' },
    note: { _: 'Personale: tilføj en intern note til sagen (kun personalet ser den)', text: 'Noten' },
    tickets: {
      _: 'Sager du kan se; personale: handl på dem efter nummer',
      list: { _: 'Dine sager (personale: dine, derefter køen)', scope: 'Personale: hvilke sager' },
      show: { _: 'Én sag', number: 'Sagens nummer' },
      search: { _: 'Søg i de sager, du kan se', words: 'Hvad du leder efter' },
      transcript: { _: 'Hele sagen som en fil', number: 'Sagens nummer' },
      assign: { _: 'Personale: tildel en sag til nogen', number: 'Sagens nummer', person: 'Hvem tager den' },
      escalate: {
        _: 'Personale: eskalér en sag til næste niveau',
        number: 'Sagens nummer',
        person: 'Hvem tager den (standard: den mindst belastede)',
      },
      priority: { _: 'Personale: skift en sags prioritet', number: 'Sagens nummer', priority: 'P1 kritisk … P4 lav' },
      link: {
        _: 'Personale: gør en sag til en del af en større hændelse',
        number: 'Sagens nummer',
        parent: 'Den større hændelses sagsnummer',
      },
      unlink: { _: 'Personale: tag en sag ud af dens større hændelse', number: 'Sagens nummer' },
    },
    kb: {
      _: 'Vidensbasen',
      search: { _: 'Søg i vidensbasen', words: 'Hvad du leder efter' },
      read: { _: 'Læs en artikel', id: 'Artiklens id' },
      new: { _: 'Personale: skriv en artikel' },
      edit: { _: 'Personale: redigér en artikel', id: 'Artiklens id' },
    },
    helpdesk: {
      _: 'Personale, fravær, sammenkædning af konti, opsætning, SLA, servicekatalog, tal, privatliv, hjælp',
      staff: {
        _: 'Administratorer: hvem er personale',
        add: {
          _: 'Administratorer: gør nogen til supporter på et niveau eller til administrator',
          person: 'Hvem',
          role: 'Niveau 1, 2, 3 eller admin',
        },
        remove: { _: 'Administratorer: nogen er ikke længere personale', person: 'Hvem' },
      },
      away: {
        _: 'Personale: stop eller genoptag nye sager',
        state: 'on: væk; off: tilbage',
        person: 'Administratorer: en anden',
      },
      link: {
        _: 'Personale: kæd dine Discord- og Slack-identiteter sammen',
        code: 'Koden, som /helpdesk link gav dig på Slack',
      },
      mark: {
        _: 'Administratorer: gør en artikel til SLA’en eller servicekataloget',
        kind: 'Hvilken særlig artikel',
        id: 'Artiklens id',
      },
      setup: {
        _: 'Administratorer: supportkanalen, hvor sagernes tråde oprettes',
        channel: 'Supportkanalen (standard: denne)',
      },
      sla: {
        _: 'Administratorer: SLA-politikken',
        show: { _: 'Administratorer: målene og åbningstiden' },
        set: {
          _: 'Administratorer: en prioritets mål for første svar og løsning',
          priority: 'Hvilken prioritet',
          first_response: 'fx 1h, 90m, 1d (standard: uændret)',
          resolution: 'fx 4h, 3d, 1d 4h (standard: uændret)',
        },
        hours: {
          _: 'Administratorer: åbningstid, eller off for døgnet rundt',
          hours: 'fx Mon-Fri 08:00-16:00 Europe/Copenhagen, eller off',
        },
        holiday: {
          _: 'Administratorer: en dag, hvor uret står stille',
          action: 'Tilføj eller fjern dagen',
          date: 'ÅÅÅÅ-MM-DD',
        },
      },
      catalog: {
        _: 'Administratorer: servicekataloget og dets oprettelsesguider',
        list: { _: 'Tjenesterne med deres id’er' },
        add: { _: 'Administratorer: tilføj en tjeneste (en formular)' },
        edit: { _: 'Administratorer: ret en tjeneste (en formular)', id: 'Tjenestens id (/helpdesk catalog list)' },
        remove: {
          _: 'Administratorer: tag en tjeneste ud af kataloget (dens sager beholder den)',
          id: 'Tjenestens id (/helpdesk catalog list)',
        },
      },
      stats: {
        _: 'Administratorer: oprettet, løst, svartider, SLA overholdt, bedømmelser',
        period: 'De sidste 7 eller 30 dage (standard 7d)',
      },
      redact: {
        _: 'Admins: erstat en kommentars eller sags tekst (en indsat adgangskode), også på Discord',
        message: 'En kommentar: dens beskedlink ("Kopiér beskedlink"), dens id eller et kommentar-id',
        ticket: 'Eller en sag, efter nummer',
        part: 'Med sag: dens titel, dens beskrivelse eller dens bedømmelses kommentar',
        replacement: 'Hvad der står i stedet (standard: [redacted by an admin])',
      },
      forget: {
        _: 'Administratorer: slet en persons data (spørger først)',
        person: 'Hvem',
        id: 'Eller deres id, for en der ikke er her mere: 123… eller slack:U…',
      },
      export: {
        _: 'Administratorer: alt, hvad der gemmes om en person, som en fil',
        person: 'Hvem',
        id: 'Eller deres id, for en der ikke er her mere: 123… eller slack:U…',
      },
      help: { _: 'Hvad du kan køre' },
      language: { _: 'Det sprog, helpdesken taler til dig', language: 'Hvilket sprog' },
    },
    choice: {
      mine: 'mine',
      queue: 'køen',
      all: 'alle',
      on: 'til',
      off: 'fra',
      add: 'tilføj',
      remove: 'fjern',
      admin: 'administrator',
      sla: 'SLA',
      catalog: 'servicekatalog',
      title: 'titel',
      description: 'beskrivelse',
      rating: 'bedømmelse',
    },
  },
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
  forms: {
    cancel: 'Annullér',
    send: 'Send',
    ticket: {
      title: 'Opret en sag',
      titleFor: 'Opret en sag for {{person}}',
      titleService: 'Opret en sag: {{service}}',
      next: 'Næste',
      open: 'Opret',
      fieldTitle: 'Titel',
      fieldDescription: 'Beskrivelse',
      type: 'Type',
      impact: 'Hvem er berørt?',
      urgency: 'Hvor meget hindrer det dit arbejde?',
      typeOption: {
        incident: 'Hændelse: noget er i stykker',
        request: 'Anmodning: jeg har brug for noget',
      },
      impactOption: {
        individual: 'Kun mig',
        team: 'Mit team',
        everyone: 'Alle',
      },
      urgencyOption: {
        can_work: 'Jeg kan arbejde',
        degraded: 'Nedsat',
        blocked: 'Blokeret',
      },
    },
    answers: {
      one: 'Dit svar på spørgsmålet',
      several: 'Dine svar på spørgsmålene',
    },
    rating: {
      title: 'Bedømmelse af #{{number}}',
      comment: 'Er der noget, du vil fortælle os?',
    },
  },
  // ---- answers: Private answers to commands and buttons
  answers: {
    somethingWrong: 'Noget gik galt hos os; prøv igen om et øjeblik.',
    cantDoThat: 'Det kan du ikke: {{reason}}',
    unassigned: 'ikke tildelt',
    none: 'ingen',
    list: {
      yours: 'Dine sager',
      mine: 'Tildelt dig',
      queue: 'Køen (ikke tildelt)',
      all: 'Alle åbne sager',
    },
    ticketLine: '{{type}} · {{status}} · {{priority}} · {{assignee}}',
    forCustomer: 'for {{customer}}',
    andMore: '… og {{count}} mere',
    due: 'frist {{time}}',
    search: {
      heading: 'Sager der matcher "{{words}}"',
      none: 'Ingen sager matcher "{{words}}".',
    },
    show: {
      facts: '{{type}} · {{status}} · {{priority}} · niveau {{tier}} · SLA: {{sla}}',
      people: 'Kunde: {{customer}} · Ansvarlig: {{assignee}}',
      customer: 'kunde',
      thread: 'Tråd: {{thread}}',
      messages: 'Beskeder',
      messageCount: '{{count}} (hele samtalen: /tickets transcript {{number}})',
    },
    transcript: {
      attached: 'Udskriften af #{{number}} er vedhæftet.',
      onItsWay: 'Udskriften af #{{number}} er på vej til din DM med appen.',
      comment: 'Udskriften af #{{number}}',
      failed: 'Udskriften kunne ikke uploades; prøv igen om et øjeblik.',
    },
    assigned: '#{{number}} er nu tildelt {{person}}.',
    escalated: '#{{number}} er eskaleret til niveau {{tier}}.',
    escalatedTo: '#{{number}} er eskaleret til niveau {{tier}} og tildelt {{person}}.',
    priorityChanged: '#{{number}} er nu {{priority}}.',
    linked: '#{{number}} er nu en del af den større hændelse #{{parent}}.',
    unlinked:
      '#{{number}} er ikke længere en del af en større hændelse: den behandles igen for sig, med sit eget SLA-ur.',
    kb: {
      heading: 'Artikler der matcher "{{words}}" (læs én med /kb read ID):',
      none: 'Ingen artikler matcher "{{words}}".',
      staffOnly: 'kun personale',
      archived: 'arkiveret',
      tags: 'tags: {{tags}}',
      article: 'artikel {{id}}',
      onlyStaffWrite: 'Det kan du ikke: kun personalet kan skrive artikler i vidensbasen.',
      isArchived: 'Artikel {{id}} er arkiveret; den kan ikke redigeres.',
      tooLongForForm:
        'Artikel {{id}} er {{length}} tegn lang; formularen her rummer {{max}}, så den kan ikke redigeres her uden at blive afkortet. Intet blev ændret.',
      tooLongAttached: 'Artikel {{id}} er {{length}} tegn, mere end en besked kan rumme: hele artiklen er vedhæftet.',
      cutShort: '… (artiklen er længere, end en besked kan vise)',
    },
    staff: {
      admin: '{{person}} er nu administrator.',
      supporter: '{{person}} er nu supporter på niveau {{tier}}.',
      removed: '{{person}} er ikke længere personale; deres åbne sager er givet videre til andre.',
    },
    away: {
      youOn: 'Du er væk: du får ikke tildelt nye sager, før du er tilbage.',
      youOff: 'Du er tilbage: du får igen tildelt nye sager.',
      personOn: '{{person}} er væk: de får ikke tildelt nye sager, før de er tilbage.',
      personOff: '{{person}} er tilbage: de får igen tildelt nye sager.',
    },
    link: {
      code: 'Din kode er {{code}}. Kør {{command}} på {{platform}} inden {{time}}.',
      asked: 'Din {{platform}}-identitet er bedt om at bekræfte: de to kædes sammen, når du trykker Bekræft dér.',
    },
    mark: {
      sla: 'Artikel {{id}} "{{title}}" er nu SLA-artiklen.',
      catalog: 'Artikel {{id}} "{{title}}" er nu servicekatalogets artikel.',
    },
    setup: {
      done: '{{channel}} er nu supportkanalen: nye sager får deres tråd dér.',
      inThread: 'Kør dette i selve supportkanalen, eller navngiv den: {{example}}.',
    },
    sla: {
      now: 'SLA’en lyder nu:',
      saved: 'Gemt. SLA’en lyder nu:',
      attached: '{{heading}} (vedhæftet)',
    },
    catalog: {
      onlyAdmins: 'Kun administratorer styrer servicekataloget; alle kan læse det i vidensbasen.',
      noService: 'Der er ingen tjeneste {{id}} i kataloget; /helpdesk catalog list viser deres id’er.',
      removed:
        '{{name}} (tjeneste {{id}}) er taget ud af kataloget; sager oprettet for den beholder den, og katalogartiklen viser den ikke længere.',
      attached: 'Kataloget har {{count}} tjenester: se filen.',
    },
    stats: {
      attached: 'Helpdeskens tal for de sidste {{period}} er vedhæftet.',
    },
    privacy: {
      exportAttached: 'Alt, hvad helpdesken gemmer om {{person}}, er vedhæftet.',
      exportOnItsWay: 'Alt, hvad helpdesken gemmer om {{person}}, er på vej til din DM med appen som en fil.',
      exportComment: 'Alt, hvad der gemmes om én person',
      exportFailed: 'Eksporten kunne ikke uploades; prøv igen om et øjeblik.',
      erase: 'Slet',
      cancel: 'Annullér',
    },
    noteAdded: 'Intern note tilføjet til #{{number}}. Kun personalet kan se den.',
    noteOutsideTicket: '{{command}} virker i en sags tråd.',
    personNeeded: 'angiv én person: {{options}}',
    redact: {
      oneThing:
        'Angiv én ting at fjerne: {{message}} (en kommentar), eller {{ticket}} med {{part}} titel, beskrivelse eller bedømmelse.',
      deleting:
        'Botten sletter beskeden, som den blev skrevet; mangler den Administrer beskeder dér, får personalekanalen besked om, hvilken besked der skal slettes i hånden.',
      onSlack: 'Den blev skrevet på Slack, hvor selve beskeden bliver, til nogen sletter den dér.',
    },
    unknownCommand: 'Ukendt {{command}}-kommando; /helpdesk help viser, hvad du kan køre.',
    usage: 'Prøv {{examples}}.',
  },
  // ---- discord: Said only on Discord
  discord: {
    setupPermissions: 'Kunder skal have Vis kanal dér, men ikke Send beskeder.',
  },
  // ---- slack: Said only on Slack (App Home, shortcuts)
  slack: {
    mentionNeeded: 'Angiv personen med en omtale, fx {{example}}.',
    mentionOrNone: 'Angiv personen med en omtale, fx {{example}}, eller udelad den.',
    redactUsage:
      'Prøv {{examples}}, med linket fra beskedens "Kopiér link" (helpdeskens kopi af den i sagens tråd kan også bruges).',
    redactOnDiscord: 'Den blev skrevet på Discord, hvor botten selv sletter beskeden.',
    redactInDm:
      'Slack lader ingen app slette en persons besked, og denne er i deres direkte beskeder med appen, hvor kun de kan: bed dem slette den ({{link}}).',
    redactInChannel:
      'Slack lader ingen app slette en persons besked: slet den selv (og eventuelle filer delt med den), eller bed en workspace-administrator: {{link}}',
    setupHere: 'denne kanal',
  },
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
