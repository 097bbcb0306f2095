import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.js';

export type { Logger } from 'pino';

/** Fields that may hold a credential, wherever they appear in a logged object. */
export const REDACTED_PATHS = [
  'token',
  'discordToken',
  'authorization',
  'password',
  '*.token',
  '*.discordToken',
  '*.authorization',
  'config.discordToken',
  'headers.authorization',
  '*.headers.authorization',
  // Header names are case-insensitive on the wire, and pino's paths are not.
  'Authorization',
  '*.Authorization',
  'headers.Authorization',
  '*.headers.Authorization',
] as const;

export const REDACTED = '[redacted]';

/** Shorter strings are too likely to occur by chance to scrub everywhere. */
const MIN_SECRET_LENGTH = 8;

export interface LoggerOptions {
  readonly level: Config['logLevel'];
  /**
   * Strings that must never reach a log line (the bot token). Scrubbed from the serialised line
   * itself, so they stay out even when hidden in an error message or a library's debug text.
   */
  readonly secrets?: readonly (string | undefined)[];
  /** Where lines go; standard output when left out. */
  readonly destination?: DestinationStream;
  /** Human-readable lines; by default only when stdout is a terminal and pino-pretty is installed. */
  readonly pretty?: boolean;
}

/** Replaces every occurrence of each secret in a serialised log line. */
export function scrubSecrets(line: string, secrets: readonly string[]): string {
  let out = line;
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** pino-pretty is a development dependency: a production install may not have it. */
function prettyAvailable(): boolean {
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/**
 * The process's logger: JSON lines, credentials redacted by field and, as a safety net, every
 * known secret scrubbed from the finished line.
 */
export function createLogger(options: LoggerOptions): Logger {
  const secrets = (options.secrets ?? []).filter(
    (s): s is string => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH,
  );
  const pretty =
    options.destination === undefined &&
    (options.pretty ?? (process.stdout.isTTY === true && prettyAvailable()));
  const destination =
    options.destination ??
    (pretty
      ? pino.transport({ target: 'pino-pretty', options: { colorize: true } })
      : pino.destination(1));
  return pino(
    {
      level: options.level,
      base: { name: 'almanac' },
      redact: { paths: [...REDACTED_PATHS], censor: REDACTED },
      hooks: { streamWrite: (line) => scrubSecrets(line, secrets) },
    },
    destination,
  );
}
