import { isIP } from 'node:net';
import { DEFAULT_KNOWLEDGE_DIR } from './knowledge/folder.js';
import { DEFAULT_DATABASE_PATH } from './store/types.js';
import * as z from './zod.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Where the health and metrics server listens when `HEALTH_HOST` is not set: this machine only. */
export const DEFAULT_HEALTH_HOST = '127.0.0.1';

/** The most shards `SHARD_COUNT` may ask for: far past any study group's bot, still a guard. */
export const MAX_SHARDS = 1024;

/** A host name: dot-separated labels of letters, digits and inner hyphens (RFC 1123). */
const HOST_NAME = /^[\da-z](?:[\da-z-]{0,61}[\da-z])?(?:\.[\da-z](?:[\da-z-]{0,61}[\da-z])?)*$/i;

/** What `server.listen` takes as a host: an IP address or a host name, no scheme, port or path. */
const isListenHost = (host: string): boolean => isIP(host) !== 0 || HOST_NAME.test(host);

const SHARDS_SET_BY_MANAGER =
  'SHARDS is set by npm run start:sharded for each shard it starts: a shard id, or a list such as [0,1]';

const emptyToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** A variable whose blank value counts as unset: `schema` reads what is left. */
const unlessBlank = <T extends z.core.$ZodType>(schema: T) =>
  z.pipe(z.transform(emptyToUndefined), schema);

const snowflake = (name: string) =>
  unlessBlank(
    z.optional(
      z.string().check(z.regex(/^\d{17,20}$/, `${name} must be a Discord id: 17 to 20 digits`)),
    ),
  );

const booleanFlag = (name: string, fallback = false) =>
  unlessBlank(
    z.pipe(
      z.optional(
        z.enum(['true', 'false', '1', '0', 'yes', 'no'], {
          error: `${name} must be true or false`,
        }),
      ),
      z.transform((v) => (v === undefined ? fallback : v === 'true' || v === '1' || v === 'yes')),
    ),
  );

/**
 * A whole number from 1 to `max`, its messages naming `name`; `says` replaces them where the
 * number is a thing of its own ("must be a port number", "a port from 1 to 65535").
 */
const wholeNumber = (
  name: string,
  max: number,
  says: { readonly kind?: string; readonly range?: string } = {},
) =>
  z.coerce
    .number({ error: says.kind ?? `${name} must be a whole number` })
    .check(
      z.int(`${name} must be a whole number`),
      z.minimum(1, says.range ?? `${name} must be at least 1`),
      z.maximum(max, says.range ?? `${name} must be at most ${max}`),
    );

const positiveInt = (name: string, fallback: number, max: number) =>
  unlessBlank(z._default(wholeNumber(name, max), fallback));

/** The environment variables Almanac reads, each with its rule and default. */
export const configSchema = z.object({
  DISCORD_TOKEN: unlessBlank(
    z.optional(
      z
        .string()
        .check(
          z.regex(
            /^[\w.-]{20,200}$/,
            'DISCORD_TOKEN does not look like a bot token (letters, digits, dots)',
          ),
        ),
    ),
  ),
  DISCORD_CLIENT_ID: snowflake('DISCORD_CLIENT_ID'),
  DISCORD_GUILD_ID: snowflake('DISCORD_GUILD_ID'),
  DISCORD_API_URL: unlessBlank(
    z.pipe(
      z._default(
        z.url({
          protocol: /^https?$/,
          error: 'DISCORD_API_URL must be an http:// or https:// address',
        }),
        'https://discord.com/api',
      ),
      z.transform((url) => url.replace(/\/+$/, '')),
    ),
  ),
  KNOWLEDGE_DIR: unlessBlank(z._default(z.string(), DEFAULT_KNOWLEDGE_DIR)),
  DATABASE_PATH: unlessBlank(z._default(z.string(), DEFAULT_DATABASE_PATH)),
  LOG_LEVEL: unlessBlank(
    z._default(
      z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }),
      'info',
    ),
  ),
  SYNC_COMMANDS_ON_START: booleanFlag('SYNC_COMMANDS_ON_START'),
  PREFIX_MODE: booleanFlag('PREFIX_MODE'),
  COOLDOWN_QUESTIONS: positiveInt('COOLDOWN_QUESTIONS', 4, 1000),
  COOLDOWN_SECONDS: positiveInt('COOLDOWN_SECONDS', 10, 3600),
  RECORD_MISSES: booleanFlag('RECORD_MISSES', true),
  RECORD_ASKERS: booleanFlag('RECORD_ASKERS'),
  MISSES_RETENTION_DAYS: positiveInt('MISSES_RETENTION_DAYS', 90, 3650),
  HEALTH_PORT: unlessBlank(
    z.optional(
      wholeNumber('HEALTH_PORT', 65_535, {
        kind: 'HEALTH_PORT must be a port number',
        range: 'HEALTH_PORT must be a port from 1 to 65535',
      }),
    ),
  ),
  HEALTH_HOST: unlessBlank(
    z._default(
      z
        .string()
        .check(
          z.refine(
            isListenHost,
            'HEALTH_HOST must be an IP address or a host name to listen on, such as 127.0.0.1 or 0.0.0.0',
          ),
        ),
      DEFAULT_HEALTH_HOST,
    ),
  ),
  SHARD_COUNT: unlessBlank(z.optional(wholeNumber('SHARD_COUNT', MAX_SHARDS))),
  SHARDS: unlessBlank(
    z.optional(
      z.pipe(
        z.string().check(z.regex(/^(?:\d{1,5}|\[\d{1,5}(?:,\d{1,5})*\])$/, SHARDS_SET_BY_MANAGER)),
        z.transform((raw) => raw.replace(/[[\]]/g, '').split(',').map(Number)),
      ),
    ),
  ),
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
  /** The health and metrics server (`HEALTH_PORT`, `HEALTH_HOST`). */
  readonly health: HealthConfig;
  /** How the bot is split into shards (`SHARD_COUNT`, and `SHARDS` in a shard's process). */
  readonly sharding: ShardingConfig;
}

/** Where `/healthz` and `/metrics` are served. */
export interface HealthConfig {
  /** The port, or `undefined` for no server (the default). */
  readonly port: number | undefined;
  /** The address to listen on; `127.0.0.1` by default, so only this machine can ask. */
  readonly host: string;
}

/** The shards of the bot, and which of them this process runs. */
export interface ShardingConfig {
  /**
   * `SHARD_COUNT`: how many shards the bot has in all; `undefined` lets `npm run start:sharded`
   * ask Discord, and a plain `npm start` run one.
   */
  readonly count: number | undefined;
  /**
   * The shard ids this process runs, when `npm run start:sharded` started it (it sets `SHARDS`
   * and `SHARD_COUNT`); `undefined` for a process that is the whole bot.
   */
  readonly ids: readonly number[] | undefined;
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

/** How every command says the environment's configuration problems: a heading, one per line. */
export function describeConfigProblems(errors: readonly string[]): string {
  return `Configuration problem:\n${errors.map((e) => `  ${e}`).join('\n')}`;
}

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
  const shardProblems = checkShards(e.SHARDS, e.SHARD_COUNT);
  if (shardProblems.length > 0) return { ok: false, errors: shardProblems };
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
      health: Object.freeze({ port: e.HEALTH_PORT, host: e.HEALTH_HOST }),
      sharding: Object.freeze({
        count: e.SHARD_COUNT,
        ids: e.SHARDS === undefined ? undefined : Object.freeze([...new Set(e.SHARDS)]),
      }),
    }),
  };
}

/** `SHARDS` only makes sense with `SHARD_COUNT`, and names shards below it. */
function checkShards(ids: readonly number[] | undefined, count: number | undefined): string[] {
  if (ids === undefined) return [];
  if (count === undefined) return [`SHARDS needs SHARD_COUNT: ${SHARDS_SET_BY_MANAGER}`];
  const outside = ids.filter((id) => id >= count);
  return outside.length === 0
    ? []
    : [`SHARDS names shard ${outside.join(', ')}, but SHARD_COUNT is ${count} (ids run from 0)`];
}
