/**
 * The codes of the failures a user can cause and be told about. Stable strings: tests and logs
 * refer to them, so renaming one is a breaking change.
 */
export const USER_ERROR_CODES = [
  'cooldown',
  'missing-permission',
  'unknown-topic',
  'unknown-fact',
  'unknown-command',
  'unknown-component',
  'guild-only',
] as const;

export type UserErrorCode = (typeof USER_ERROR_CODES)[number];

/**
 * An expected failure: the user asked for something that cannot be done, and `message` (plain
 * text, safe to show) says why. Never wraps another error's message.
 */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';

  constructor(
    readonly code: UserErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A bug: something that should not happen whatever the input. Logged with its context and
 * answered with a generic message; its text is for the logs only.
 */
export class InternalError extends Error {
  override readonly name = 'InternalError';
}
