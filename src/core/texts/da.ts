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
    confirmOpen: 'Vil du oprette en sag med denne besked?',
  },
  // ---- savedReplies: Saved replies
  savedReplies: {
    title: 'Gemte svar',
  },
  // ---- lookAlike: Major-incident proposals and look-alike alerts
  lookAlike: {},
};
