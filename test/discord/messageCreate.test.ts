import { describe, expect, it } from 'vitest';
import {
  classifyMessage,
  stripSelfMentions,
  type IncomingMessage,
  type MessageRules,
} from '../../src/discord/messageCreate.js';

const BOT = '100000000000000001';
const ROLE = '500000000000000001';
const RULES: MessageRules = { botId: BOT, botRoleId: ROLE, prefixMode: false };

function message(overrides: Partial<IncomingMessage>): IncomingMessage {
  return {
    content: '',
    fromBot: false,
    inGuild: true,
    mentionsBot: false,
    repliesToBot: false,
    ...overrides,
  };
}

describe('which messages are questions', () => {
  it('takes a mention in a server as a question, without the mention', () => {
    expect(
      classifyMessage(
        message({ content: `<@${BOT}> when did bhutto go to moscow`, mentionsBot: true }),
        RULES,
      ),
    ).toEqual({ kind: 'question', question: 'when did bhutto go to moscow', followsUp: false });
  });

  it('strips the nickname form and a mention at the end as well', () => {
    expect(stripSelfMentions(`when did he go <@!${BOT}>`, BOT)).toBe('when did he go');
  });

  it('takes a mention of its managed role as a mention', () => {
    expect(
      classifyMessage(
        message({ content: `<@&${ROLE}> who did bhutto meet`, mentionsBot: true }),
        RULES,
      ),
    ).toEqual({ kind: 'question', question: 'who did bhutto meet', followsUp: false });
  });

  it('leaves mentions of other users and roles for the engine to handle', () => {
    expect(stripSelfMentions(`<@${BOT}> ask <@42424242424242424> and <@&999>`, BOT, ROLE)).toBe(
      'ask <@42424242424242424> and <@&999>',
    );
  });

  it('takes a reply to one of its answers as a follow-up', () => {
    expect(
      classifyMessage(
        message({ content: 'and who did he meet there?', repliesToBot: true }),
        RULES,
      ),
    ).toEqual({
      kind: 'question',
      question: 'and who did he meet there?',
      followsUp: true,
    });
  });

  it('takes every direct message as a question', () => {
    expect(
      classifyMessage(message({ content: 'when did bhutto go to moscow', inGuild: false }), RULES),
    ).toMatchObject({
      kind: 'question',
      question: 'when did bhutto go to moscow',
    });
  });

  it('ignores server chatter that does not address it', () => {
    expect(classifyMessage(message({ content: 'just chatting' }), RULES)).toEqual({
      kind: 'ignore',
    });
  });

  it('ignores bots, itself included, even when they mention it', () => {
    expect(
      classifyMessage(
        message({ content: `<@${BOT}> hi`, mentionsBot: true, fromBot: true }),
        RULES,
      ),
    ).toEqual({
      kind: 'ignore',
    });
  });

  it('knows when Discord withheld the text of a message addressed to it', () => {
    expect(classifyMessage(message({ content: '', mentionsBot: true }), RULES)).toEqual({
      kind: 'unreadable',
    });
  });

  it('reads !ask questions only in prefix mode', () => {
    const text = message({ content: '!ask when did bhutto go to moscow' });
    expect(classifyMessage(text, RULES)).toEqual({ kind: 'ignore' });
    expect(classifyMessage(text, { ...RULES, prefixMode: true })).toEqual({
      kind: 'question',
      question: 'when did bhutto go to moscow',
      followsUp: false,
    });
    expect(
      classifyMessage(message({ content: '!asking for a friend' }), { ...RULES, prefixMode: true }),
    ).toEqual({
      kind: 'ignore',
    });
  });
});
