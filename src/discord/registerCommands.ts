import {
  Routes,
  type APIApplicationCommand,
  type REST,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';

/** What registering would change, by command name, each list sorted. */
export interface CommandChanges {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
  readonly unchanged: readonly string[];
}

export interface SyncResult {
  /** `global`, or the id of the server the commands were registered to. */
  readonly scope: string;
  readonly changes: CommandChanges;
  /** False when Discord already had exactly these definitions, so nothing was sent. */
  readonly registered: boolean;
}

/** Fields Discord adds to what it returns, which a definition never holds. */
const SERVER_FIELDS = new Set([
  'id',
  'application_id',
  'guild_id',
  'version',
  'default_permission',
  'dm_permission',
  'handler',
]);
/** Sets, not sequences: their order means nothing. */
const UNORDERED = new Set(['contexts', 'integration_types', 'channel_types']);

/**
 * A definition reduced to what it means: server-only fields and unset values (null, false,
 * empty) dropped, since Discord fills defaults, and keys sorted.
 */
function canonical(value: unknown, key = ''): unknown {
  if (value === null || value === undefined || value === false || value === '') return undefined;
  if (Array.isArray(value)) {
    const items = value.map((v: unknown) => canonical(v)).filter((v) => v !== undefined);
    if (items.length === 0) return undefined;
    return UNORDERED.has(key) ? items.sort() : items;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([k]) => !SERVER_FIELDS.has(k))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]: [string, unknown]) => [k, canonical(v, k)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value;
}

const keyOf = (c: { readonly name: string; readonly type?: number | undefined }) =>
  `${c.type ?? 1}:${c.name}`;

/**
 * Compares local definitions with what Discord returned. Discord leaves out `contexts` and
 * `integration_types` where it does not apply them (server commands), so a field missing on
 * its side is not counted as a change.
 */
export function diffCommands(
  local: readonly RESTPostAPIApplicationCommandsJSONBody[],
  remote: readonly APIApplicationCommand[],
): CommandChanges {
  const remoteByKey = new Map(remote.map((c) => [keyOf(c), c]));
  const localKeys = new Set(local.map(keyOf));
  const added: string[] = [];
  const changed: string[] = [];
  const unchanged: string[] = [];
  for (const definition of local) {
    const theirs = remoteByKey.get(keyOf(definition));
    if (!theirs) {
      added.push(definition.name);
      continue;
    }
    const ours: Record<string, unknown> = { ...definition };
    if (theirs.contexts === undefined || theirs.contexts === null) delete ours.contexts;
    if (theirs.integration_types === undefined) delete ours.integration_types;
    const same = JSON.stringify(canonical(ours)) === JSON.stringify(canonical(theirs));
    (same ? unchanged : changed).push(definition.name);
  }
  const removed = remote.filter((c) => !localKeys.has(keyOf(c))).map((c) => c.name);
  return {
    added: added.sort(),
    changed: changed.sort(),
    removed: removed.sort(),
    unchanged: unchanged.sort(),
  };
}

export function hasChanges(changes: CommandChanges): boolean {
  return changes.added.length + changes.changed.length + changes.removed.length > 0;
}

export interface SyncOptions {
  readonly rest: REST;
  readonly applicationId: string;
  /** Register to this server (instant; for development); globally when undefined. */
  readonly guildId?: string | undefined;
  readonly commands: readonly RESTPostAPIApplicationCommandsJSONBody[];
}

/**
 * Registers the commands where they differ from what Discord has (`GET`, compare, then one
 * bulk `PUT`, which counts only new commands toward Discord's daily limit).
 */
export async function syncCommands(options: SyncOptions): Promise<SyncResult> {
  const route =
    options.guildId === undefined
      ? Routes.applicationCommands(options.applicationId)
      : Routes.applicationGuildCommands(options.applicationId, options.guildId);
  // The REST client returns unknown JSON; this route's response is a command list.
  const remote = (await options.rest.get(route)) as APIApplicationCommand[];
  const changes = diffCommands(options.commands, remote);
  const scope = options.guildId ?? 'global';
  if (!hasChanges(changes)) return { scope, changes, registered: false };
  await options.rest.put(route, { body: options.commands });
  return { scope, changes, registered: true };
}

/** One line per kind of change, for people reading a terminal or a log. */
export function describeSync(result: SyncResult): string {
  const where = result.scope === 'global' ? 'globally' : `to server ${result.scope}`;
  const { added, changed, removed, unchanged } = result.changes;
  if (!result.registered)
    return `Commands ${where} are up to date (${unchanged.length} unchanged).`;
  const list = (label: string, names: readonly string[]) =>
    names.length > 0 ? [`  ${label}: ${names.join(', ')}`] : [];
  return [
    `Registered ${added.length + changed.length + unchanged.length} commands ${where}:`,
    ...list('added', added),
    ...list('changed', changed),
    ...list('removed', removed),
    ...list('unchanged', unchanged),
  ].join('\n');
}
