import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { INVITE_PERMISSIONS, inviteUrl } from '../../src/discord/invite.js';

describe('the invite link', () => {
  it('asks for View Channels, Send Messages (also in threads), Embed Links, Read Message History, Add Reactions and Create Public Threads only', () => {
    expect(INVITE_PERMISSIONS.toArray().sort()).toEqual(
      [
        'AddReactions',
        'CreatePublicThreads',
        'EmbedLinks',
        'ReadMessageHistory',
        'SendMessages',
        'SendMessagesInThreads',
        'ViewChannel',
      ].sort(),
    );
    expect(INVITE_PERMISSIONS.bitfield).toBe(309237730368n);
  });

  it('asks for the bot and applications.commands scopes', () => {
    const url = new URL(inviteUrl('100000000000000001'));
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    expect(url.searchParams.get('permissions')).toBe('309237730368');
  });

  it('is the link docs/DISCORD.md gives', async () => {
    const docs = await readFile('docs/DISCORD.md', 'utf8');
    expect(docs).toContain(
      `scope=bot+applications.commands&permissions=${INVITE_PERMISSIONS.bitfield.toString()}`,
    );
  });
});
