import { GatewayIntentBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IDS } from '../support/discord/standIn.js';
import {
  identifiedIntents,
  loadAll,
  messageBody,
  replyTo,
  startHarness,
  type Harness,
} from './harness.js';

describe('prefix mode (PREFIX_MODE=true), through the real discord.js client and the stand-in', () => {
  let h: Harness;

  beforeAll(async () => {
    const packs = await loadAll(['test/fixtures/discord']);
    h = await startHarness({ packs, env: { PREFIX_MODE: 'true' } });
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('asks for the Message Content intent', () => {
    expect(identifiedIntents(h)).toBe(
      GatewayIntentBits.Guilds |
        GatewayIntentBits.GuildMessages |
        GatewayIntentBits.DirectMessages |
        GatewayIntentBits.MessageContent,
    );
  });

  it('answers "!ask" without a mention, and ignores other chatter', async () => {
    const since = h.standIn.mark();
    const chatter = h.standIn.sendMessage({ content: 'how far is mars from the sun, anyone?' });
    const asked = h.standIn.sendMessage({ content: '!ask How far is Mars from the Sun?' });
    const reply = await h.standIn.waitForRequest(replyTo(asked.id), { since });
    expect(messageBody(reply).embeds?.[0]?.title).toBe('How far is Mars from the Sun?');
    expect(reply.path).toBe(`/channels/${DEFAULT_IDS.textChannel}/messages`);
    expect(h.standIn.findRequests(replyTo(chatter.id), since)).toEqual([]);
  });
});
