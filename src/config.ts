import { z } from 'zod';
import { DEFAULT_DATABASE_PATH } from './store/types.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const emptyToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const snowflake = (name: string) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\d{17,20}$/, `${name} must be a Discord id: 17 to 20 digits`)
      .optional(),
  );

const booleanFlag = (name: string, fallback = false) =>
  z.preprocess(
    emptyToUndefined,
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], {
        error: `${name} must be true or false`,
      })
      .optional()
      .transform((v) => (v === undefined ? fallback : v === 'true' || v === '1' || v === 'yes')),
  );

const positiveInt = (name: string, fallback: number, max: number) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: `${name} must be a whole number` })
      .int(`${name} must be a whole number`)
      .min(1, `${name} must be at least 1`)
      .max(max, `${name} must be at most ${max}`)
      .default(fallback),
  );

/** The environment variables Almanac reads, each with its rule and default. */
export const configSchema = z.object({
  DISCORD_TOKEN: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(
        /^[\w.-]{20,200}$/,
        'DISCORD_TOKEN does not look like a bot token (letters, digits, dots)',
      )
      .optional(),
  ),
  DISCORD_CLIENT_ID: snowflake('DISCORD_CLIENT_ID'),
  DISCORD_GUILD_ID: snowflake('DISCORD_GUILD_ID'),
  DISCORD_API_URL: z.preprocess(
    emptyToUndefined,
    z
      .url({
        protocol: /^https?$/,
        error: 'DISCORD_API_URL must be an http:// or https:// address',
      })
      .default('https://discord.com/api')
      .transform((url) => url.replace(/\/+$/, '')),
  ),
  KNOWLEDGE_DIR: z.preprocess(emptyToUndefined, z.string().default('./knowledge')),
  DATABASE_PATH: z.preprocess(emptyToUndefined, z.string().default(DEFAULT_DATABASE_PATH)),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z
      .enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
      .default('info'),
  ),
  SYNC_COMMANDS_ON_START: booleanFlag('SYNC_COMMANDS_ON_START'),
  PREFIX_MODE: booleanFlag('PREFIX_MODE'),
  COOLDOWN_QUESTIONS: positiveInt('COOLDOWN_QUESTIONS', 4, 1000),
  COOLDOWN_SECONDS: positiveInt('COOLDOWN_SECONDS', 10, 3600),
  RECORD_MISSES: booleanFlag('RECORD_MISSES', true),
  RECORD_ASKERS: booleanFlag('RECORD_ASKERS'),
  MISSES_RETENTION_DAYS: positiveInt('MISSES_RETENTION_DAYS', 90, 3650),
});

export interface Config {
  readonly discordToken: string | undefined;
  readonly discordClientId: string | undefined;
  readonly discordGuildId: string | undefined;
  readonly discordApiUrl: string;
  readonly knowledgeDir: string;
  /** The SQLite file for trivia games and scores; its folder is created on first run. */
  readonly databasePath: string;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly syncCommandsOnStart: boolean;
  readonly prefixMode: boolean;
  readonly cooldown: { readonly questions: number; readonly seconds: number };
  /** What is kept of the questions members ask, for the curator's inbox and statistics. */
  readonly questionLog: QuestionLogConfig;
}

/** The question log's settings (`RECORD_MISSES`, `RECORD_ASKERS`, `MISSES_RETENTION_DAYS`). */
export interface QuestionLogConfig {
  /** Record questions at all; `false` records nothing about them. */
  readonly record: boolean;
  /** Keep who asked (and the channel of a direct message, which names them too). */
  readonly askers: boolean;
  /** Questions older than this many days are deleted by the daily prune. */
  readonly retentionDays: number;
}

export type ConfigResult =
  | { readonly ok: true; readonly config: Config }
  | { readonly ok: false; readonly errors: readonly string[] };

/**
 * Parses the configuration once, from an environment map (never `process.env` directly, so
 * tests pass their own). Every problem comes back at once, naming the variable and why; the
 * value itself is never echoed, so a mistyped token cannot leak into a log.
 */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? 'configuration');
        return issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`;
      }),
    };
  }
  const e = parsed.data;
  return {
    ok: true,
    config: Object.freeze({
      discordToken: e.DISCORD_TOKEN,
      discordClientId: e.DISCORD_CLIENT_ID,
      discordGuildId: e.DISCORD_GUILD_ID,
      discordApiUrl: e.DISCORD_API_URL,
      knowledgeDir: e.KNOWLEDGE_DIR,
      databasePath: e.DATABASE_PATH,
      logLevel: e.LOG_LEVEL,
      syncCommandsOnStart: e.SYNC_COMMANDS_ON_START,
      prefixMode: e.PREFIX_MODE,
      cooldown: Object.freeze({ questions: e.COOLDOWN_QUESTIONS, seconds: e.COOLDOWN_SECONDS }),
      questionLog: Object.freeze({
        record: e.RECORD_MISSES,
        askers: e.RECORD_ASKERS,
        retentionDays: e.MISSES_RETENTION_DAYS,
      }),
    }),
  };
}
