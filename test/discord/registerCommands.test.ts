import type { APIApplicationCommand, RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../src/discord/commands/index.js';
import { describeSync, diffCommands } from '../../src/discord/registerCommands.js';

/** What Discord returns for a definition: ids, versions and defaults filled in. */
function asRegistered(
  definition: RESTPostAPIApplicationCommandsJSONBody,
  guildId?: string,
): APIApplicationCommand {
  const { contexts, integration_types, ...rest } = definition;
  return {
    ...rest,
    id: '700000000000000001',
    application_id: '100000000000000001',
    version: '700000000000000002',
    type: definition.type ?? 1,
    description: 'description' in definition ? definition.description : '',
    default_member_permissions: definition.default_member_permissions ?? null,
    nsfw: false,
    // Discord leaves contexts out of server commands.
    ...(guildId
      ? { guild_id: guildId, contexts: null }
      : { contexts: contexts ?? null, integration_types: integration_types ?? [0] }),
  } as APIApplicationCommand;
}

describe('comparing the command list with what Discord has', () => {
  const local = commandDefinitions();

  it('finds nothing to change when Discord has the same definitions, globally or in a server', () => {
    for (const remote of [
      local.map((d) => asRegistered(d)),
      local.map((d) => asRegistered(d, '200000000000000001')),
    ]) {
      const changes = diffCommands(local, remote);
      expect(changes).toMatchObject({ added: [], changed: [], removed: [] });
      expect(changes.unchanged).toHaveLength(local.length);
    }
  });

  it('names commands added, changed and removed', () => {
    const remote = local
      .filter((d) => d.name !== 'help')
      .map((d) => asRegistered(d))
      .map((c) => (c.name === 'ask' ? { ...c, description: 'An older description' } : c));
    remote.push(asRegistered({ name: 'old', description: 'Gone', type: 1 }));
    expect(diffCommands(local, remote)).toMatchObject({
      added: ['help'],
      changed: ['ask'],
      removed: ['old'],
    });
  });

  it('prints what changed', () => {
    const text = describeSync({
      scope: 'global',
      registered: true,
      changes: { added: ['help'], changed: ['ask'], removed: ['old'], unchanged: ['fact'] },
    });
    expect(text).toBe(
      'Registered 3 commands globally:\n  added: help\n  changed: ask\n  removed: old\n  unchanged: fact',
    );
  });
});
