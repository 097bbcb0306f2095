import { DiscordAPIError, DiscordjsErrorCodes, HTTPError } from 'discord.js';
import { GatewayRefusedError } from './gatewayClose.js';
import { routeOf } from './restTracker.js';

/** Network error codes that mean the address could not be reached at all. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/** What to say when Discord answers the token with 401 Unauthorized. */
export const TOKEN_REFUSED =
  'Discord refused the bot token (401 Unauthorized): check DISCORD_TOKEN, and if the token was reset in the Developer Portal (Bot → Reset Token), put the new one in';

/** A start-up failure as one line for the operator, with the fields worth logging beside it. */
export interface LoginFailure {
  readonly message: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

/** The `code` of an error or of its `cause` (undici puts the socket's error there). */
function networkCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 3; depth++) {
    if ('code' in e && typeof e.code === 'string' && UNREACHABLE.has(e.code)) return e.code;
    e = e.cause;
  }
  return undefined;
}

/**
 * What went wrong when the bot could not log in, said in one line with what to do, never as a
 * stack trace: the token refused (over REST or by the gateway), intents not enabled, Discord (or
 * `DISCORD_API_URL`) unreachable, or an answer Discord gave. Anything else keeps its message.
 */
export function describeLoginFailure(error: unknown, apiUrl: string): LoginFailure {
  if (error instanceof GatewayRefusedError) {
    return { message: error.message, fields: { closeCode: error.closeCode } };
  }
  if (
    error instanceof Error &&
    'code' in error &&
    error.code === DiscordjsErrorCodes.TokenInvalid
  ) {
    return { message: TOKEN_REFUSED, fields: { status: 401 } };
  }
  const code = networkCode(error);
  if (code !== undefined) {
    return {
      message: `could not reach Discord at ${apiUrl} (${code}): check the network, and DISCORD_API_URL if it is set`,
      fields: { code },
    };
  }
  if (error instanceof DiscordAPIError || error instanceof HTTPError) {
    return {
      message: `could not log in to Discord: ${error.method.toUpperCase()} ${routeOf(error.url)} answered ${error.status} (${error.message})`,
      fields: { status: error.status },
    };
  }
  return {
    message: `could not log in to Discord: ${error instanceof Error ? error.message : String(error)}`,
    fields: {},
  };
}
