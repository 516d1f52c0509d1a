/**
 * The bot scopes each thing the adapter does needs, from Slack's method and event reference: the
 * manifests ask for exactly the union of what the code uses (tests/unit/slack-manifest.test.ts
 * reads the Web API calls from the adapter's source and holds the manifests to this table).
 */
export const SCOPES_BY_METHOD: Record<string, string[]> = {
  'auth.test': [],
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.delete': ['chat:write'],
  // Read where the helpdesk talks: the support channel (public or private) and people's DMs with the app.
  'conversations.history': ['channels:history', 'groups:history', 'im:history'],
  'conversations.replies': ['channels:history', 'groups:history', 'im:history'],
  'conversations.open': ['im:write'],
  'files.getUploadURLExternal': ['files:write'],
  'files.completeUploadExternal': ['files:write'],
  // A message reacted to with the ticket emoji, read in whatever channel the app is in.
  'reactions.get': ['reactions:read'],
  // A staff member's picture, for their replies posted under their name (chat:write.customize).
  'users.info': ['users:read'],
  'views.open': [],
  'views.publish': [],
  'views.update': [],
};

/** Events the adapter subscribes to, by their manifest name, and the scope each needs. */
export const SCOPES_BY_EVENT: Record<string, string[]> = {
  app_home_opened: [],
  'message.channels': ['channels:history'],
  'message.groups': ['groups:history'],
  'message.im': ['im:history'],
  reaction_added: ['reactions:read'],
};

/** Slash commands and shortcuts need `commands`; a message's files are downloaded from `url_private` with `files:read`. */
export const SCOPES_FOR_FEATURES = {
  commandsAndShortcuts: ['commands'],
  fileDownloads: ['files:read'],
  /** Staff replies reach the customer under the staff member's name and picture (`username`, `icon_url`). */
  postAsStaff: ['chat:write.customize'],
};
