import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  PermissionFlagsBits,
} from 'discord.js';
import { describe, expect, it } from 'vitest';
import { COMMANDS, commandDefinitions, findCommand } from '../../src/discord/commands/index.js';
import { DISCORD_LIMITS } from '../../src/discord/limits.js';

describe('the command list', () => {
  it('names each command once per kind', () => {
    const keys = COMMANDS.map((c) => `${c.kind}:${c.data.name}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps every name and description within Discord limits', () => {
    for (const definition of commandDefinitions()) {
      expect(definition.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.commandName);
      if ('description' in definition && definition.description !== undefined) {
        expect(definition.description.length).toBeLessThanOrEqual(
          DISCORD_LIMITS.commandDescription,
        );
      }
      expect(JSON.stringify(definition).length).toBeLessThan(8000);
    }
  });

  it('caps the /ask question at 500 characters and suggests questions as you type', () => {
    const ask = findCommand('slash', 'ask');
    const options = ask?.kind === 'slash' ? (ask.data.options ?? []) : [];
    const question = options.find((o) => o.name === 'question');
    expect(question).toMatchObject({
      type: ApplicationCommandOptionType.String,
      required: true,
      autocomplete: true,
      max_length: 500,
    });
  });

  it('offers /almanac only in servers and only to members who can manage them', () => {
    const almanac = findCommand('slash', 'almanac');
    expect(almanac?.data.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
    expect(almanac?.data.contexts).toEqual([0]);
    expect(almanac?.requires).toEqual({
      permission: { flag: PermissionFlagsBits.ManageGuild, name: 'Manage Server' },
      guildOnly: true,
    });
  });

  it('offers /trivia in servers only, to start, stop and skip a game and see scores', () => {
    const trivia = findCommand('slash', 'trivia');
    expect(trivia?.data.contexts).toEqual([0]);
    expect(trivia?.requires).toEqual({ guildOnly: true });
    const options = trivia?.kind === 'slash' ? (trivia.data.options ?? []) : [];
    expect(options.map((o) => o.name)).toEqual(['start', 'stop', 'skip', 'leaderboard', 'stats']);
    const start = options.find((o) => o.name === 'start');
    expect(start && 'options' in start ? start.options?.map((o) => o.name) : []).toEqual([
      'topic',
      'questions',
      'mode',
      'seconds',
      'thread',
    ]);
  });

  it('has an "Ask Almanac" message context menu', () => {
    expect(findCommand('message', 'Ask Almanac')?.data.type).toBe(ApplicationCommandType.Message);
  });
});
