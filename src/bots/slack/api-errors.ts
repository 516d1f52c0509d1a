/**
 * The `error` strings Slack's Web API answers with (`{ ok: false, error }`) that the adapter acts on,
 * named so a check reads as what it means. Slack documents them per method (api.slack.com/methods).
 */
export const SlackApiError = {
  AccountInactive: 'account_inactive',
  CannotDmBot: 'cannot_dm_bot',
  CantDeleteMessage: 'cant_delete_message',
  CantUpdateMessage: 'cant_update_message',
  ChannelNotFound: 'channel_not_found',
  InvalidAuth: 'invalid_auth',
  InvalidBlocks: 'invalid_blocks',
  IsArchived: 'is_archived',
  MessageNotFound: 'message_not_found',
  MissingScope: 'missing_scope',
  MsgTooLong: 'msg_too_long',
  NoPermission: 'no_permission',
  NotAllowedTokenType: 'not_allowed_token_type',
  NotAuthed: 'not_authed',
  NotInChannel: 'not_in_channel',
  Ratelimited: 'ratelimited',
  TeamDisabled: 'team_disabled',
  ThreadNotFound: 'thread_not_found',
  TokenExpired: 'token_expired',
  TokenRevoked: 'token_revoked',
  UserDisabled: 'user_disabled',
  UserNotFound: 'user_not_found',
  UserRemovedFromTeam: 'user_removed_from_team',
} as const;

export type SlackApiError = (typeof SlackApiError)[keyof typeof SlackApiError];
