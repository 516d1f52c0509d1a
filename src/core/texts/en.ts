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
    signIn: {
      link: 'Your sign-in link for the helpdesk dashboard (use it once, within {{minutes}} minutes; do not share it): {{url}}',
      homeButton: 'Open the dashboard',
      refusedTitle: 'This sign-in link cannot be used',
      unknown: 'This link is not a sign-in link of this helpdesk.',
      used: 'This link has been used already. A sign-in link works once.',
      expired: 'This link has expired. A sign-in link works for 10 minutes.',
      again: 'Ask for a new one with /helpdesk dashboard in Discord or Slack.',
      needed:
        'Sign in to the dashboard with /helpdesk dashboard in Discord or Slack: the bot answers with a link for you.',
      neededTitle: 'Sign in',
      signedOut: 'You have signed out.',
    },
    errors: {
      forbiddenTitle: 'Not allowed',
      notFoundTitle: 'Not found',
      badForm: 'This form has expired or did not come from the dashboard. Reload the page and try again.',
      badFormTitle: 'Form refused',
      back: 'Back to the start',
    },
    queue: {
      refreshNote: 'This page refreshes itself every {{seconds}} seconds.',
      filters: 'Filters',
      apply: 'Show',
      any: 'Any',
      unresolved: 'Not resolved',
      all: 'All',
      unassigned: 'Unassigned',
      empty: 'No tickets here.',
      shown_one: '{{count}} ticket shown',
      shown_other: '{{count}} tickets shown',
    },
    fields: {
      number: 'Number',
      title: 'Title',
      status: 'Status',
      priority: 'Priority',
      type: 'Type',
      tier: 'Tier',
      assignee: 'Assignee',
      customer: 'Customer',
      platform: 'Platform',
      opened: 'Opened',
      due: 'SLA due',
      impact: 'Impact',
      urgency: 'Urgency',
      resolution: 'Ended',
      description: 'Description',
      nobody: 'Nobody',
      none: '—',
    },
    status: { open: 'Open', pending: 'Pending', resolved: 'Resolved' },
    type: { incident: 'Incident', request: 'Request' },
    platform: { discord: 'Discord', slack: 'Slack' },
    tierLabel: 'Tier {{tier}}',
    resolution: {
      resolved_by_staff: 'Resolved by staff',
      solved_by_customer: 'Solved by the customer',
      closed_automatically: 'Closed automatically',
      closed_with_major_incident: 'Closed with a major incident',
    },
    ticket: {
      heading: '#{{number}} {{title}}',
      card: 'Ticket',
      conversation: 'Conversation',
      internalNote: 'Internal note',
      edited: 'edited',
      deleted: 'deleted',
      redacted: 'redacted',
      noComments: 'Nothing has been said yet.',
      attachments: 'Files',
      notKept: '{{name}} (not kept: over the size limit)',
      history: 'History',
      rating: 'Rating',
      ratingValue: '{{score}} of 5',
      noRating: 'Not rated',
      parent: 'Part of major incident',
      joined: 'Joined tickets',
      followUpOf: 'Follow-up to',
      actions: 'Actions',
      reply: 'Reply to the customer',
      replyButton: 'Send reply',
      note: 'Internal note (staff only)',
      noteButton: 'Add note',
      claim: 'Claim',
      pending: 'Set pending',
      resolve: 'Resolve',
      escalate: 'Escalate to the next tier',
      reassign: 'Reassign to',
      reassignButton: 'Reassign',
      changePriority: 'Priority',
      changeType: 'Type',
      change: 'Change',
      done: 'Done.',
      replied: 'Your reply is saved and on its way to the chat.',
      helpdesk: 'the helpdesk',
      system: 'helpdesk',
    },
    events: {
      opened: 'opened the ticket',
      assigned: 'assigned it to {{assignee}}',
      waiting: 'it waits for a supporter',
      commented: 'commented',
      noted: 'wrote an internal note',
      status_changed: 'changed the status: {{from}} → {{to}}',
      type_changed: 'changed the type: {{from}} → {{to}}',
      priority_changed: 'changed the priority: {{from}} → {{to}}',
      escalated: 'escalated it: tier {{from}} → tier {{to}}',
      follow_up_opened: 'opened follow-up #{{number}}',
      reminded: 'reminded the customer',
      comment_edited: 'edited a message',
      comment_deleted: 'deleted a message',
      comment_redacted: 'redacted a message',
      ticket_redacted: 'redacted the ticket',
      ticket_erased: 'erased a person from the ticket',
      sla_warning: 'SLA warning',
      sla_breached: 'SLA breached',
      rated: 'rated it',
      major_proposed: 'proposed a major incident',
      major_declared: 'declared a major incident',
      linked: 'linked it to a major incident',
      unlinked: 'unlinked it from a major incident',
      other: '{{kind}}',
    },
    customer: {
      empty: 'You have no tickets yet. Open one with /ticket in Discord or Slack.',
    },
    search: {
      label: 'Words or a ticket number',
      button: 'Search',
      none: 'Nothing found.',
      tickets: 'Tickets',
      articles: 'Articles',
    },
    kb: {
      empty: 'No articles yet.',
      search: 'Search the knowledge base',
      newArticle: 'New article',
      edit: 'Edit',
      save: 'Save',
      titleField: 'Title',
      body: 'Text',
      tags: 'Tags (separated by commas)',
      visibility: 'Who may read it',
      public: 'Everyone (customers too)',
      staff: 'Staff only',
      revisions: 'Revisions',
      revision: 'Revision {{number}} by {{who}}',
      updated: 'Updated',
      archived: 'Archived',
    },
    major: {
      empty: 'No major incidents.',
      joined_one: '{{count}} joined ticket',
      joined_other: '{{count}} joined tickets',
    },
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
