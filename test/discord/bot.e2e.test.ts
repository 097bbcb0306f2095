import {
  ApplicationCommandType,
  ButtonStyle,
  GatewayIntentBits,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import type { AskResult, Engine } from '../../src/engine/types.js';
import { COMMANDS, commandDefinitions } from '../../src/discord/commands/index.js';
import { syncCommands } from '../../src/discord/registerCommands.js';
import { TEXT } from '../../src/discord/render/text.js';
import type { Pack } from '../../src/knowledge/schema.js';
import { DEFAULT_IDS } from '../support/discord/standIn.js';
import {
  BOT,
  CHANNEL,
  LEARNER,
  TOKEN,
  callbackData,
  click,
  createdMessageId,
  identifiedIntents,
  customIds,
  isRecord,
  loadAll,
  mention,
  messageBody,
  messageWrites,
  originalMessageId,
  replyTo,
  slash,
  startHarness,
  type Harness,
} from './harness.js';
import { english } from '../../src/knowledge/languages.js';

type Answered = Extract<AskResult, { status: 'answered' }>;

/** The first of these questions the engine answers outright (results shift as it is tuned). */
function answerable(
  engine: Engine,
  questions: readonly string[],
): { question: string; result: Answered } {
  for (const question of questions) {
    const result = engine.ask(question);
    if (result.status === 'answered') return { question, result };
  }
  throw new Error(`the engine answers none of: ${questions.join(' | ')}`);
}

const EPHEMERAL = MessageFlags.Ephemeral;

describe('Almanac on Discord, through the real discord.js client and the stand-in', () => {
  let packs: Pack[];
  let engine: Engine;
  let h: Harness;

  /**
   * A question the engine answers with a fact that has follow-ups: a natural one when the engine
   * answers it, else the fact's own wording, which is always answered.
   */
  const known = () =>
    answerable(engine, [
      'who did bhutto meet in moscow',
      'when did bhutto go to moscow',
      engine.fact('leaders-met')?.fact.question ?? '',
    ]);

  beforeAll(async () => {
    packs = await loadAll(['knowledge', 'test/fixtures/discord']);
    engine = createEngine(packs, { language: english });
    h = await startHarness({ packs, random: () => 0 });
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('registers every command of the one list to the development server on start', () => {
    const registered = h.standIn.commands(DEFAULT_IDS.guild).map((c) => c.name);
    expect(registered.sort()).toEqual(COMMANDS.map((c) => c.data.name).sort());
  });

  it('on the next start, finds the registered definitions unchanged and sends nothing', async () => {
    const since = h.standIn.mark();
    const result = await syncCommands({
      rest: h.bot.client.rest,
      applicationId: h.bot.client.application.id,
      guildId: DEFAULT_IDS.guild,
      commands: commandDefinitions(),
    });
    expect(result).toMatchObject({
      registered: false,
      changes: { added: [], changed: [], removed: [] },
    });
    expect(h.standIn.findRequests((r) => r.method === 'PUT', since)).toEqual([]);
  });

  it('connects with the fewest intents: Guilds, GuildMessages and DirectMessages', () => {
    expect(identifiedIntents(h)).toBe(
      GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages,
    );
  });

  it('logs who it is and how many servers, packs and facts it serves', () => {
    const line = h.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l['msg'] === 'logged in to Discord');
    expect(line).toMatchObject({
      user: 'Almanac',
      guilds: 1,
      packs: packs.length,
      facts: engine.size,
    });
  });

  describe('when mentioned', () => {
    it('replies to the question with the answer, its source and follow-up buttons', async () => {
      const { question, result } = known();
      const sent = await mention(h, question);
      const body = messageBody(sent.reply);
      expect(body.message_reference?.message_id).toBe(sent.question.id);
      const embed = body.embeds?.[0];
      expect(embed?.title).toBe(result.fact.question);
      expect(embed?.description).toBe(result.fact.answer);
      expect(embed?.fields?.[0]?.name).toBe(TEXT.sourceField);
      expect(embed?.fields?.[0]?.value).toContain('(<https://');
      expect(embed?.footer?.text).toContain(result.pack.title);
      expect(embed?.footer?.text).toMatch(/\d+%/);
      expect(customIds(body)).toEqual(
        expect.arrayContaining(result.followUps.map((f) => `ask:fact:${f.factId}`)),
      );
      // "Not what I asked", tied to the recorded question (`ask:other:<question>,<fact>,…`).
      expect(customIds(body)).toContainEqual(
        expect.stringMatching(new RegExp(`^ask:other:[0-9a-z]+,${result.fact.id}(,|$)`)),
      );
    });

    it('answers a reply to one of its answers in the context of that answer', async () => {
      const first = await mention(h, 'How far is Mars from the Sun?');
      expect(messageBody(first.reply).embeds?.[0]?.title).toBe('How far is Mars from the Sun?');
      const followUp = 'and how many moons does it have?';
      // On its own the follow-up could be about either planet; only the context decides it.
      expect(engine.ask(followUp).status).toBe('ambiguous');

      const since = h.standIn.mark();
      const reply = h.standIn.sendMessage({
        content: followUp,
        referencedMessage: createdMessageId(first.reply),
      });
      const answer = await h.standIn.waitForRequest(replyTo(reply.id), { since });
      expect(messageBody(answer).embeds?.[0]?.title).toBe('How many moons does Mars have?');
    });

    it('answers in a thread and in a direct message', async () => {
      const { question, result } = known();
      const inThread = await mention(h, question, { channelId: DEFAULT_IDS.thread });
      expect(inThread.reply.path).toBe(`/channels/${DEFAULT_IDS.thread}/messages`);
      expect(messageBody(inThread.reply).embeds?.[0]?.title).toBe(result.fact.question);

      const since = h.standIn.mark();
      const dm = h.standIn.sendMessage({ content: question, guildId: null });
      const inDm = await h.standIn.waitForRequest(replyTo(dm.id), { since });
      expect(inDm.path).toBe(`/channels/${dm.channel_id}/messages`);
      expect(messageBody(inDm).embeds?.[0]?.title).toBe(result.fact.question);
    });

    it('counts a mention of its managed role as a mention', async () => {
      const since = h.standIn.mark();
      const message = h.standIn.sendMessage({
        content: `<@&${DEFAULT_IDS.botRole}> when did bhutto go to moscow`,
      });
      const reply = await h.standIn.waitForRequest(replyTo(message.id), { since });
      // Without the Message Content intent the stand-in withholds the text of role mentions,
      // as Discord may: the bot says how to reach it instead of staying silent.
      expect(messageBody(reply).content).toBe(TEXT.unreadable);
    });

    it('still answers a question deleted before the reply, without the reference', async () => {
      const { question, result } = known();
      const since = h.standIn.mark();
      const message = h.standIn.sendMessage({
        content: `<@${BOT}> ${question}`,
        mentionsBot: true,
      });
      // Deleted on Discord's side before the bot has even received it.
      h.standIn.state.messages.delete(message.id);
      const reply = await h.standIn.waitForRequest(replyTo(message.id), { since });
      expect(reply.status).toBe(200);
      expect(messageBody(reply).embeds?.[0]?.title).toBe(result.fact.question);
      expect(isRecord(reply.response) && reply.response['message_reference']).toBeFalsy();
    });

    it('ignores other bots, and answers the next human', async () => {
      const since = h.standIn.mark();
      const fromBot = h.standIn.sendMessage({
        content: `<@${BOT}> who did bhutto meet in moscow`,
        mentionsBot: true,
        authorId: '600000000000000001',
        authorBot: true,
      });
      const human = await mention(h, 'who did bhutto meet in moscow');
      expect(human.reply.index).toBeGreaterThanOrEqual(since);
      expect(h.standIn.findRequests(replyTo(fromBot.id), since)).toEqual([]);
    });

    it('echoes a question with @everyone, a role and a masked link without pinging anyone', async () => {
      const text = `@everyone <@&${DEFAULT_IDS.moderatorRole}> [free nitro](https://example.com) 🎉 recipe for pizza?`;
      const { reply } = await mention(h, text);
      const body = messageBody(reply);
      expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
      const description = body.embeds?.[0]?.description ?? '';
      expect(description).toContain('@everyone');
      expect(description).toContain('🎉');
      expect(description).toContain('\\[free nitro](https://example.com)');
    });
  });

  describe('/ask', () => {
    it('answers with an embed citing the source', async () => {
      const { question, result } = known();
      const { response } = await slash(h, 'ask', { question });
      const data = callbackData(response);
      expect(data.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect((data.flags ?? 0) & EPHEMERAL).toBe(0);
      expect(data.embeds?.[0]?.title).toBe(result.fact.question);
      expect(data.embeds?.[0]?.fields?.[0]?.value).toContain(result.pack.sources[0]?.url ?? '');
    });

    it('answers privately when asked to', async () => {
      const { question } = known();
      const { response } = await slash(h, 'ask', { question, private: true });
      expect((callbackData(response).flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    });

    it('suggests at most 25 questions as you type, best first, even when misspelt', async () => {
      const partial = 'when did bhuto go';
      const expected = engine.autocomplete(partial)[0];
      const sent = h.standIn.sendInteraction({
        type: InteractionType.ApplicationCommandAutocomplete,
        name: 'ask',
        options: { question: partial },
        focused: 'question',
      });
      const response = await h.standIn.waitForInteractionResponse(sent.id);
      const body = isRecord(response.body) ? response.body : {};
      expect(body['type']).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
      const choices =
        isRecord(body['data']) && Array.isArray(body['data']['choices'])
          ? body['data']['choices']
          : [];
      expect(choices.length).toBeGreaterThan(0);
      expect(choices.length).toBeLessThanOrEqual(25);
      expect(choices[0]).toEqual({ name: expected?.question, value: `fact:${expected?.factId}` });
    });

    it('suggests the key questions when the field is empty, and topics for the topic option', async () => {
      const empty = h.standIn.sendInteraction({
        type: InteractionType.ApplicationCommandAutocomplete,
        name: 'ask',
        options: { question: '' },
        focused: 'question',
      });
      const topics = h.standIn.sendInteraction({
        type: InteractionType.ApplicationCommandAutocomplete,
        name: 'ask',
        options: { question: 'moons', topic: 'plan' },
        focused: 'topic',
      });
      const choicesOf = async (id: string) => {
        const response = await h.standIn.waitForInteractionResponse(id);
        const data =
          isRecord(response.body) && isRecord(response.body['data']) ? response.body['data'] : {};
        return Array.isArray(data['choices']) ? data['choices'] : [];
      };
      const keyQuestions = engine.autocomplete('').map((c) => `fact:${c.factId}`);
      expect((await choicesOf(empty.id)).map((c: { value: string }) => c.value)).toEqual(
        keyQuestions,
      );
      expect(await choicesOf(topics.id)).toContainEqual({
        name: expect.stringContaining('Planets'),
        value: 'planets-fixture',
      });
    });

    it('answers exactly the fact that was picked from the suggestions', async () => {
      const { response } = await slash(h, 'ask', { question: 'fact:visit-dates' });
      const data = callbackData(response);
      expect(data.embeds?.[0]?.title).toBe(engine.fact('visit-dates')?.fact.question);
      expect(data.embeds?.[0]?.footer?.text).toContain(TEXT.chosenFact);
    });

    it('answers a follow-up button click with the related fact, in a new reply', async () => {
      const { question, result } = known();
      const asked = await slash(h, 'ask', { question });
      const followUp = result.followUps[0];
      if (!followUp) throw new Error('the answered fact has no follow-ups');
      const clicked = await click(
        h,
        `ask:fact:${followUp.factId}`,
        originalMessageId(h, asked.id),
        DEFAULT_IDS.secondHumanUser,
      );
      const data = callbackData(clicked.response);
      expect(data.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(data.embeds?.[0]?.title).toBe(followUp.question);
      expect(data.embeds?.[0]?.fields?.[0]?.name).toBe(TEXT.sourceField);
    });

    it('shows the other candidates privately to whoever clicks "Not what I asked"', async () => {
      const { question, result } = known();
      const asked = await slash(h, 'ask', { question });
      const more = customIds(callbackData(asked.response)).find((id) =>
        id.startsWith('ask:other:'),
      );
      if (!more) throw new Error('no "Not what I asked" button');
      const clicked = await click(h, more, originalMessageId(h, asked.id));
      const data = callbackData(clicked.response);
      expect((data.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
      expect(data.embeds?.[0]?.title).toBe(TEXT.alternativesTitle);
      const offered = customIds(data);
      expect(offered.length).toBeGreaterThan(0);
      expect(offered.some((id) => id.endsWith(`,${result.fact.id}`))).toBe(false);
    });

    it('asks "did you mean" with a button per candidate and states no answer', async () => {
      const question = 'how many moons does it have?';
      const result = engine.ask(question);
      if (result.status !== 'ambiguous')
        throw new Error('the fixture question should be ambiguous');
      const asked = await slash(h, 'ask', { question });
      const data = callbackData(asked.response);
      expect(data.embeds?.[0]?.title).toBe(TEXT.didYouMeanTitle);
      // Each candidate's button is tied to the recorded question, so the pick is recorded too.
      const buttons = customIds(data);
      expect(buttons).toEqual(
        result.candidates.map((c) =>
          expect.stringMatching(new RegExp(`^ask:pick:[0-9a-z]+,${c.factId}$`)),
        ),
      );
      const description = data.embeds?.[0]?.description ?? '';
      for (const candidate of result.candidates) {
        expect(description).not.toContain(engine.fact(candidate.factId)?.fact.answer);
      }
      const picked = result.candidates[1] ?? result.candidates[0];
      const button = buttons.find((id) => id.endsWith(`,${picked?.factId}`)) ?? '';
      const clicked = await click(h, button, originalMessageId(h, asked.id));
      expect(callbackData(clicked.response).embeds?.[0]?.title).toBe(picked?.question);
    });

    it('declines privately what the packs do not cover, suggesting what they do', async () => {
      const question = 'what is the boiling point of tungsten';
      const result = engine.ask(question);
      if (result.status !== 'no-match') throw new Error('the question should be declined');
      const { response } = await slash(h, 'ask', { question });
      const data = callbackData(response);
      expect((data.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
      expect(data.embeds?.[0]?.title).toBe(TEXT.declinedTitle);
      expect(data.embeds?.[0]?.description).toContain('/topics');
      expect(customIds(data)).toEqual(
        result.suggestions
          .slice(0, 3)
          .map((s) => expect.stringMatching(new RegExp(`^ask:pick:[0-9a-z]+,${s.factId}$`))),
      );
      expect(data.embeds?.[0]?.fields ?? []).toEqual([]);
    });

    it('declines a mention in public, with no answer stated', async () => {
      const { reply } = await mention(h, 'what is the boiling point of tungsten');
      const body = messageBody(reply);
      expect(body.embeds?.[0]?.title).toBe(TEXT.declinedTitle);
      expect(body.embeds?.[0]?.fields ?? []).toEqual([]);
    });

    it('gives a kind hint for an empty mention', async () => {
      const since = h.standIn.mark();
      const message = h.standIn.sendMessage({ content: `<@${BOT}>`, mentionsBot: true });
      const reply = await h.standIn.waitForRequest(replyTo(message.id), { since });
      expect(messageBody(reply).embeds?.[0]?.title).toBe(TEXT.emptyTitle);
    });

    it('still answers exactly once when the interaction callback is rate limited', async () => {
      h.standIn.rateLimitNext({
        method: 'POST',
        pathPattern: /^\/interactions\/\d+\/[^/]+\/callback$/,
        retryAfterSeconds: 0.2,
      });
      const { question, result } = known();
      const asked = await slash(h, 'ask', { question });
      expect(callbackData(asked.response).embeds?.[0]?.title).toBe(result.fact.question);
      // Any second answer would be queued behind this one on the same route.
      await slash(h, 'topics');
      // Injected faults match no route, so the callbacks are found by path.
      const callbacks = h.standIn.findRequests((r) =>
        r.path.startsWith(`/interactions/${asked.id}/`),
      );
      expect(callbacks.map((r) => r.status)).toEqual([429, 204]);
    });
  });

  describe('the other commands', () => {
    it('/topics lists each pack with its fact count, and the tags', async () => {
      const { response } = await slash(h, 'topics');
      const fields = callbackData(response).embeds?.[0]?.fields ?? [];
      for (const pack of packs) {
        expect(
          fields.some(
            (f) => f.name.includes(pack.title) && f.name.includes(`${pack.facts.length} facts`),
          ),
        ).toBe(true);
      }
      expect(
        fields.some(
          (f) =>
            f.name === TEXT.topicsTags && f.value.includes(`\`${[...engine.tags().keys()][0]}\``),
        ),
      ).toBe(true);
    });

    it('/fact gives a fact from the topic, picked with the injected randomness', async () => {
      const { response } = await slash(h, 'fact', { topic: 'planets-fixture' });
      expect(callbackData(response).embeds?.[0]?.title).toBe('How far is Mars from the Sun?');
    });

    it('/fact refuses a topic that does not exist, privately', async () => {
      const { response } = await slash(h, 'fact', { topic: 'astrology' });
      const data = callbackData(response);
      expect((data.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
      expect(data.content).toContain('/topics');
    });

    it('/source gives the full citation of a fact', async () => {
      const { response } = await slash(h, 'source', { fact: 'fact:visit-dates' });
      const embed = callbackData(response).embeds?.[0];
      const fact = engine.fact('visit-dates')?.fact;
      expect(embed?.fields).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: TEXT.sourcePublisher, value: 'Wikipedia' }),
          expect.objectContaining({ name: TEXT.sourceSection, value: fact?.source.section }),
          expect.objectContaining({
            name: TEXT.sourceParagraph,
            value: String(fact?.source.paragraph),
          }),
        ]),
      );
    });

    it('/help lists the commands, privately', async () => {
      const { response } = await slash(h, 'help');
      const data = callbackData(response);
      expect((data.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
      expect(data.embeds?.[0]?.fields?.[0]?.value).toContain('`/ask`');
    });

    it('"Ask Almanac" on a message asks that message\'s text', async () => {
      const { question, result } = known();
      const target = h.standIn.sendMessage({
        content: question,
        authorId: DEFAULT_IDS.secondHumanUser,
      });
      const sent = h.standIn.sendInteraction({
        type: InteractionType.ApplicationCommand,
        name: 'Ask Almanac',
        commandType: ApplicationCommandType.Message,
        targetMessage: target.id,
      });
      const response = await h.standIn.waitForInteractionResponse(sent.id);
      expect(callbackData(response).embeds?.[0]?.title).toBe(result.fact.question);
    });
  });

  describe('when things go wrong', () => {
    it('reconnects after the gateway connection drops and answers the next question', async () => {
      const mark = h.standIn.gatewayMark();
      h.standIn.dropConnections();
      await h.standIn.waitForSessionStart({ since: mark, timeoutMs: 15_000 });
      const { question, result } = known();
      const { reply } = await mention(h, question);
      expect(messageBody(reply).embeds?.[0]?.title).toBe(result.fact.question);
    });

    it('answers a failed mention with a generic message, logs who and where, and keeps going', async () => {
      h.standIn.failNext({
        method: 'POST',
        pathPattern: /^\/channels\/\d+\/messages$/,
        status: 400,
        code: 50035,
        message: 'Invalid Form Body',
      });
      const since = h.standIn.mark();
      const message = h.standIn.sendMessage({
        content: `<@${BOT}> who did bhutto meet in moscow`,
        mentionsBot: true,
      });
      const generic = await h.standIn.waitForRequest(
        (r) => replyTo(message.id)(r) && r.status === 200,
        { since },
      );
      expect(messageBody(generic).content).toBe(TEXT.genericError);
      const logged = h.logs
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((l) => l['msg'] === 'message handler failed' && l['messageId'] === message.id);
      expect(logged).toMatchObject({
        level: 50,
        userId: LEARNER,
        guildId: DEFAULT_IDS.guild,
        channelId: CHANNEL,
      });
      const { reply } = await mention(h, 'who did bhutto meet in moscow');
      expect(messageBody(reply).embeds).toHaveLength(1);
    });

    it('answers a failed command with a generic private message and no internals', async () => {
      h.standIn.failNext({
        method: 'POST',
        pathPattern: /^\/interactions\/\d+\/[^/]+\/callback$/,
        status: 400,
        code: 50035,
        message: 'Invalid Form Body',
      });
      const { id, response } = await slash(h, 'topics');
      const data = callbackData(response);
      expect(data.content).toBe(TEXT.genericError);
      expect((data.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
      const logged = h.logs
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((l) => l['msg'] === 'interaction handler failed' && l['command'] === 'topics');
      expect(logged).toMatchObject({ level: 50, userId: LEARNER, guildId: DEFAULT_IDS.guild });
      expect(id).toBeTruthy();
    });
  });

  describe('across the whole session', () => {
    it('every message it created or edited set allowed_mentions to mention nobody', () => {
      const writes = messageWrites(h.standIn.requests);
      expect(writes.length).toBeGreaterThan(20);
      for (const { request, allowedMentions } of writes) {
        expect({ index: request.index, allowedMentions }).toEqual({
          index: request.index,
          allowedMentions: expect.objectContaining({ parse: [] }),
        });
        expect(isRecord(allowedMentions) && allowedMentions['replied_user'] === true).toBe(false);
      }
    });

    it('never put the token in a log line or a message', () => {
      expect(h.logs.length).toBeGreaterThan(10);
      expect(h.logs.join('\n')).not.toContain(TOKEN);
      for (const { request } of messageWrites(h.standIn.requests)) {
        expect(JSON.stringify(request.body)).not.toContain(TOKEN);
      }
    });

    it('never used a button style other than primary and secondary', () => {
      for (const { request } of messageWrites(h.standIn.requests)) {
        const body =
          isRecord(request.body) && isRecord(request.body['data'])
            ? request.body['data']
            : request.body;
        const styles =
          isRecord(body) && Array.isArray(body['components'])
            ? (JSON.stringify(body['components']).match(/"style":\d/g) ?? [])
            : [];
        for (const style of styles) {
          expect([`"style":${ButtonStyle.Primary}`, `"style":${ButtonStyle.Secondary}`]).toContain(
            style,
          );
        }
      }
    });
  });
});
