import { InteractionResponseType, InteractionType, MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEXT } from '../../src/discord/render/text.js';
import { TRIVIA_TEXT } from '../../src/discord/render/triviaText.js';
import type { Pack } from '../../src/knowledge/schema.js';
import { DEFAULT_IDS, type RecordedRequest } from '../support/discord/standIn.js';
import { manualClock, type ManualClock } from '../support/manualClock.js';
import {
  CALLBACK_ROUTE,
  LEARNER,
  MESSAGE_ROUTE,
  mention,
  TUTOR,
  callbackData,
  createdMessageId,
  customIds,
  isRecord,
  loadAll,
  messageBody,
  messageWrites,
  startHarness,
  type Harness,
  type SentMessage,
} from './harness.js';

/** A third player, whose display name tries to mention the learner and ping everyone here. */
const THIRD = '400000000000000003';
const THIRD_NAME = '<@400000000000000001> *@here*';
/** That name as the game shows it: Markdown escaped, mentions broken. */
const THIRD_SHOWN = '<@\u200b400000000000000001> \\*@\u200bhere\\*';

const GENERAL = DEFAULT_IDS.textChannel;
const SECOND = DEFAULT_IDS.secondTextChannel;
const THREAD = DEFAULT_IDS.thread;

const EDIT_CHANNEL_MESSAGE = '/channels/:channelId/messages/:messageId';
const EDIT_ORIGINAL = '/webhooks/:applicationId/:token/messages/:messageId';
const CREATE_THREAD = '/channels/:channelId/threads';

const T0 = Date.UTC(2026, 0, 1, 18);

type Options = Readonly<Record<string, string | number | boolean>>;

describe('trivia on Discord, through the real discord.js client and the stand-in', () => {
  let h: Harness;
  let clock: ManualClock;
  let packs: Pack[];

  /** The right answer of a pack item, found by its prompt. */
  const answerOf = (prompt: string): string => {
    for (const pack of packs) {
      for (const fact of pack.facts) {
        const item = fact.trivia.find((t) => t.prompt.replace(/\s+/g, ' ') === prompt);
        if (item) return item.answer;
      }
    }
    throw new Error(`no pack item asks "${prompt}"`);
  };

  /** The prompt a question message shows (its first bold line). */
  const promptOf = (message: SentMessage): string => {
    const found = /^\*\*(.+?)\*\*/.exec(message.embeds?.[0]?.description ?? '');
    if (!found?.[1]) throw new Error('the question shows no prompt');
    return found[1];
  };

  /** The custom id of the button whose label names the right answer. */
  const rightButton = (message: SentMessage): string => {
    const answer = answerOf(promptOf(message));
    const button = (message.components ?? [])
      .flatMap((row) => row.components)
      .find((b) => b.label?.replace(/^[A-D]\. /, '') === answer);
    if (!button?.custom_id) throw new Error(`no button says "${answer}"`);
    return button.custom_id;
  };

  const wrongButton = (message: SentMessage): string => {
    const right = rightButton(message);
    const wrong = customIds(message).find((id) => id !== right);
    if (!wrong) throw new Error('the question has one button');
    return wrong;
  };

  /** A player runs `/trivia <sub>` in a channel; resolves with the interaction and its callback. */
  async function trivia(
    sub: string,
    options: Options = {},
    who: { userId?: string; channelId?: string } = {},
  ) {
    const sent = h.standIn.sendInteraction({
      type: InteractionType.ApplicationCommand,
      name: 'trivia',
      subcommand: sub,
      options,
      userId: who.userId ?? LEARNER,
      channelId: who.channelId ?? GENERAL,
    });
    const response = await h.standIn.waitForInteractionResponse(sent.id);
    return { ...sent, response };
  }

  /** The edit of an interaction's deferred reply: what the player was told. */
  async function toldTo(token: string, since: number): Promise<SentMessage> {
    const edit = await h.standIn.waitForRequest(
      (r) => r.method === 'PATCH' && r.route === EDIT_ORIGINAL && r.path.includes(token),
      { since },
    );
    return messageBody(edit);
  }

  /** A player clicks a button; resolves with the private note the click got. */
  async function clickAs(userId: string, customId: string, messageId: string) {
    const since = h.standIn.mark();
    const sent = h.standIn.sendInteraction({
      type: InteractionType.MessageComponent,
      customId,
      message: messageId,
      userId,
    });
    const response = await h.standIn.waitForInteractionResponse(sent.id);
    const first = response.body;
    // An answer is acknowledged privately at once (deferred, ephemeral), then told what counted.
    if (
      isRecord(first) &&
      first['type'] === InteractionResponseType.DeferredChannelMessageWithSource
    ) {
      return { response, note: await toldTo(sent.token, since) };
    }
    return { response, note: callbackData(response) };
  }

  /** The next message the bot posts in a channel whose first embed title matches. */
  function posted(channelId: string, title: RegExp, since: number): Promise<RecordedRequest> {
    return h.standIn.waitForRequest(
      (r) =>
        r.method === 'POST' &&
        r.route === MESSAGE_ROUTE &&
        r.path === `/channels/${channelId}/messages` &&
        r.status < 300 &&
        title.test(messageBody(r).embeds?.[0]?.title ?? ''),
      { since },
    );
  }

  /** The next edit of a message: a question's reveal. */
  function edited(messageId: string, since: number): Promise<RecordedRequest> {
    return h.standIn.waitForRequest(
      (r) =>
        r.method === 'PATCH' &&
        r.route === EDIT_CHANNEL_MESSAGE &&
        r.path.endsWith(`/messages/${messageId}`),
      { since },
    );
  }

  beforeAll(async () => {
    packs = await loadAll(['knowledge']);
    clock = manualClock(T0);
    h = await startHarness({
      packs,
      clock,
      random: () => 0.42,
      standIn: {
        users: [{ id: THIRD, username: 'third', globalName: THIRD_NAME }],
      },
    });
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('plays a choice game of three questions with several players, revealing each in place and ending with standings and a recap', async () => {
    const since = h.standIn.mark();
    const start = await trivia('start', { questions: 3, seconds: 20 });
    // The command is answered by the rules message itself.
    expect(start.response.body).toMatchObject({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
    });
    const rules = await toldTo(start.token, since);
    expect(rules.embeds?.[0]?.title).toBe(TRIVIA_TEXT.rulesTitle(3, null));
    expect(rules.embeds?.[0]?.description).toContain(TRIVIA_TEXT.rulesHowChoice);
    expect(rules.embeds?.[0]?.description).toContain('20 seconds per question');

    // Question 1: two players answer, the starter last; then it is revealed at once.
    const q1Post = await posted(GENERAL, /^Question 1 of 3$/, since);
    const q1 = messageBody(q1Post);
    const q1Id = createdMessageId(q1Post);
    expect(customIds(q1)).toHaveLength(4);
    expect(q1.embeds?.[0]?.description).toMatch(/Closes <t:\d+:R>/);

    const tutorFirst = await clickAs(TUTOR, wrongButton(q1), q1Id);
    expect(tutorFirst.response.body).toMatchObject({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral },
    });
    expect(tutorFirst.note.content).toMatch(/^Got it: your answer to question 1 is \*\*[A-D]\. /);
    const tutorAgain = await clickAs(TUTOR, rightButton(q1), q1Id);
    expect(tutorAgain.note.content).toMatch(/^You have already answered question 1/);
    await clickAs(THIRD, rightButton(q1), q1Id);
    const beforeReveal = h.standIn.mark();
    await clickAs(LEARNER, rightButton(q1), q1Id);
    const reveal1 = messageBody(await edited(q1Id, beforeReveal));
    const embed1 = reveal1.embeds?.[0];
    expect(embed1?.description).toContain(`**Answer:** ${answerOf(promptOf(q1))}`);
    expect(embed1?.footer?.text).toBe(
      'Everyone answered · fact ' + embed1?.footer?.text.split('fact ')[1],
    );
    const who = embed1?.fields?.find((f) => f.name === TRIVIA_TEXT.whoGotIt)?.value ?? '';
    expect(who).toContain('Learner +2');
    expect(who).toContain(`${THIRD_SHOWN} +2`);
    expect(embed1?.fields?.find((f) => f.name === TRIVIA_TEXT.otherAnswers)?.value).toMatch(
      /^Tutor: /,
    );
    expect(embed1?.fields?.find((f) => f.name === TRIVIA_TEXT.source)?.value).toMatch(
      /^Wikipedia: \[.+\]\(<https:\/\/en\.wikipedia\.org\/.+>\)\n.+, paragraph \d+$/,
    );
    expect(customIds(reveal1)).toEqual([expect.stringMatching(/^ask:fact:[a-z0-9-]+$/)]);

    // Question 2: everyone who has played must answer before it is revealed early.
    const q2Post = await posted(GENERAL, /^Question 2 of 3$/, beforeReveal);
    const q2 = messageBody(q2Post);
    const q2Id = createdMessageId(q2Post);
    const late = await clickAs(LEARNER, rightButton(q1), q1Id);
    expect(late.note.content).toBe(TRIVIA_TEXT.reply.tooLate(0));
    await clickAs(LEARNER, rightButton(q2), q2Id);
    await clickAs(TUTOR, rightButton(q2), q2Id);
    const beforeSecond = h.standIn.mark();
    await clickAs(THIRD, wrongButton(q2), q2Id);
    const reveal2 = messageBody(await edited(q2Id, beforeSecond));
    expect(reveal2.embeds?.[0]?.footer?.text).toMatch(/^Everyone answered/);

    // Question 3: only the learner answers, so it waits for its time to run out.
    const q3Post = await posted(GENERAL, /^Question 3 of 3$/, beforeSecond);
    const q3 = messageBody(q3Post);
    const q3Id = createdMessageId(q3Post);
    await clickAs(LEARNER, rightButton(q3), q3Id);
    const beforeDeadline = h.standIn.mark();
    clock.advance(20_000);
    const reveal3 = messageBody(await edited(q3Id, beforeDeadline));
    expect(reveal3.embeds?.[0]?.footer?.text).toMatch(/^Time is up/);

    const results = messageBody(await posted(GENERAL, /^Trivia over/, beforeDeadline));
    const standings = results.embeds?.[0]?.description ?? '';
    expect(standings.split('\n')).toEqual([
      '🥇 Learner: 6 points (3 of 3 right)',
      '🥈 Tutor: 2 points (1 of 2 right)',
      `🥉 ${THIRD_SHOWN}: 2 points (1 of 2 right)`,
    ]);
    expect(results.embeds?.[0]?.footer?.text).toBe('3 of 3 questions asked');
    const recap = messageBody(await posted(GENERAL, /^Recap/, beforeDeadline));
    const lines = recap.embeds?.[0]?.description ?? '';
    for (const [i, q] of [q1, q2, q3].entries()) {
      expect(lines).toContain(`**${i + 1}. ${promptOf(q)}** ${answerOf(promptOf(q))}`);
    }
    expect(lines.match(/paragraph \d+/g)).toHaveLength(3);
  });

  it('pings nobody in anything the game sent, whatever the players are called', () => {
    const writes = messageWrites(h.standIn.requests);
    expect(writes.length).toBeGreaterThan(10);
    for (const write of writes) expect(write.allowedMentions).toMatchObject({ parse: [] });
    for (const message of h.standIn.state.messages.values()) {
      if (message.author.id !== h.standIn.botUser.id) continue;
      expect(message.mention_everyone).toBe(false);
      expect(message.mentions).toEqual([]);
    }
  });

  it('ranks the server on /trivia leaderboard, names escaped, and shows a player /trivia stats', async () => {
    const board = callbackData((await trivia('leaderboard')).response);
    expect(board.flags ?? 0).toBe(0);
    expect(board.embeds?.[0]?.description?.split('\n')).toEqual([
      '**1.** Learner: 6 points · 3 of 3 right (100%) · 1 game',
      '**2.** Tutor: 2 points · 1 of 2 right (50%) · 1 game',
      `**3.** ${THIRD_SHOWN}: 2 points · 1 of 2 right (50%) · 1 game`,
    ]);
    const stats = callbackData((await trivia('stats', { user: TUTOR })).response);
    const fields = Object.fromEntries(
      (stats.embeds?.[0]?.fields ?? []).map((f) => [f.name, f.value]),
    );
    expect(stats.embeds?.[0]?.title).toBe('Trivia statistics: Tutor');
    expect(fields).toMatchObject({
      Games: '1',
      Answers: '1 of 2 right',
      Accuracy: '50%',
      Points: '2',
      'Best streak': '1',
    });
    expect(fields['Missed most']).toMatch(/\(1 miss\)$/);
  });

  it('plays an open game answered through the modal: a wrong answer is told privately, the right one scores and reveals', async () => {
    const since = h.standIn.mark();
    await trivia('start', { questions: 1, mode: 'open', seconds: 30 }, { channelId: SECOND });
    const post = await posted(SECOND, /^Question 1 of 1$/, since);
    const question = messageBody(post);
    const messageId = createdMessageId(post);
    const [answerButton] = customIds(question);
    expect(answerButton).toMatch(/^trivia:open:\d+,0$/);

    const opened = await clickAs(LEARNER, answerButton ?? '', messageId);
    expect(opened.response.body).toMatchObject({ type: InteractionResponseType.Modal });
    const modal = isRecord(opened.response.body) ? opened.response.body['data'] : undefined;
    const modalId = isRecord(modal) ? String(modal['custom_id']) : '';
    expect(modalId).toMatch(/^trivia:typed:\d+,0$/);

    const submit = async (text: string) => {
      const mark = h.standIn.mark();
      const sent = h.standIn.sendInteraction({
        type: InteractionType.ModalSubmit,
        customId: modalId,
        fields: { answer: text },
        message: messageId,
        userId: LEARNER,
        channelId: SECOND,
      });
      await h.standIn.waitForInteractionResponse(sent.id);
      return toldTo(sent.token, mark);
    };
    const wrong = await submit('Zanzibar');
    expect(wrong).toMatchObject({ content: TRIVIA_TEXT.reply.wrong(2) });
    const beforeRight = h.standIn.mark();
    const right = await submit(answerOf(promptOf(question)));
    expect(right.content).toBe(TRIVIA_TEXT.reply.correct(2));
    const reveal = messageBody(await edited(messageId, beforeRight));
    expect(reveal.embeds?.[0]?.footer?.text).toMatch(/^Answered correctly/);
    expect(reveal.embeds?.[0]?.fields?.[0]?.value).toBe('Learner +2');
    const results = messageBody(await posted(SECOND, /^Trivia over/, beforeRight));
    expect(results.embeds?.[0]?.description).toBe('🥇 Learner: 2 points (1 of 1 right)');
  });

  it('refuses privately a stop or a skip by a player who neither started the game nor may manage messages', async () => {
    const since = h.standIn.mark();
    await trivia('start', { questions: 2 }, { userId: TUTOR, channelId: THREAD });
    await posted(THREAD, /^Question 1 of 2$/, since);

    const stop = callbackData((await trivia('stop', {}, { channelId: THREAD })).response);
    expect(stop).toMatchObject({
      content: TRIVIA_TEXT.notAllowed('stop'),
      flags: MessageFlags.Ephemeral,
    });
    const skip = callbackData((await trivia('skip', {}, { channelId: THREAD })).response);
    expect(skip.content).toBe(TRIVIA_TEXT.notAllowed('skip'));
    const again = callbackData((await trivia('start', {}, { channelId: THREAD })).response);
    expect(again.content).toBe(TRIVIA_TEXT.alreadyRunning);
    // Nothing was revealed or ended by the refused players.
    expect(
      h.standIn.findRequests(
        (r) => r.method === 'PATCH' && r.route === EDIT_CHANNEL_MESSAGE,
        since,
      ),
    ).toEqual([]);

    const stopped = callbackData(
      (await trivia('stop', {}, { userId: TUTOR, channelId: THREAD })).response,
    );
    expect(stopped.content).toBe(TRIVIA_TEXT.stopped);
    const results = messageBody(await posted(THREAD, /^Trivia stopped/, since));
    expect(results.embeds?.[0]?.footer?.text).toBe('1 of 2 questions asked');
  });

  it('offers to play the questions a topic has when it has fewer than asked', async () => {
    const since = h.standIn.mark();
    const asked = await trivia('start', { topic: 'places', questions: 50 }, { channelId: SECOND });
    const offer = callbackData(asked.response);
    expect(offer.flags).toBe(MessageFlags.Ephemeral);
    expect(offer.content).toMatch(
      /^This topic has \d+ questions for a choice game, fewer than the 50/,
    );
    const [play] = customIds(offer);
    expect(play).toMatch(/^trivia:play:\d+,c,20,0,\d+,places$/);
    const available = Number(/has (\d+) questions/.exec(offer.content ?? '')?.[1]);

    const offerMessage = h.standIn.interaction(asked.id)?.originalMessageId ?? '';
    const accepted = h.standIn.sendInteraction({
      type: InteractionType.MessageComponent,
      customId: play ?? '',
      message: offerMessage,
      userId: LEARNER,
      channelId: SECOND,
    });
    await h.standIn.waitForInteractionResponse(accepted.id);
    const rules = await toldTo(accepted.token, since);
    expect(rules.embeds?.[0]?.title).toBe(TRIVIA_TEXT.rulesTitle(available, '#places'));
    await posted(SECOND, new RegExp(`^Question 1 of ${available}$`), since);
    await trivia('stop', {}, { channelId: SECOND });
  });

  it('keeps the answer to the open question from /ask and mentions until it is revealed', async () => {
    const since = h.standIn.mark();
    await trivia('start', { questions: 1, seconds: 60 });
    const prompt = promptOf(messageBody(await posted(GENERAL, /^Question 1 of 1$/, since)));
    const ask = async () => {
      const sent = h.standIn.sendInteraction({
        type: InteractionType.ApplicationCommand,
        name: 'ask',
        options: { question: prompt },
        userId: TUTOR,
        channelId: GENERAL,
      });
      return callbackData(await h.standIn.waitForInteractionResponse(sent.id));
    };
    // The question copied into /ask: held back, privately, with no answer in it.
    const held = await ask();
    expect(held).toMatchObject({ content: TEXT.heldForTrivia, flags: MessageFlags.Ephemeral });
    expect(held.embeds ?? []).toEqual([]);
    const { reply } = await mention(h, prompt, { authorId: TUTOR, channelId: GENERAL });
    expect(messageBody(reply).content).toBe(TEXT.heldForTrivia);
    expect(messageBody(reply).content).not.toContain(answerOf(prompt));

    // Once the question is revealed (here, by stopping the game), it is answered as usual.
    await trivia('stop');
    await posted(GENERAL, /^Trivia stopped/, since);
    const answered = await ask();
    expect(answered.content ?? '').not.toBe(TEXT.heldForTrivia);
    expect(answered.embeds?.[0]?.title).toBeTruthy();
  });

  it('plays in a new thread when asked to', async () => {
    const since = h.standIn.mark();
    const started = await trivia('start', { questions: 1, thread: true });
    const ack = await toldTo(started.token, since);
    const created = await h.standIn.waitForRequest(
      (r) => r.method === 'POST' && r.route === CREATE_THREAD,
      { since },
    );
    const threadId = isRecord(created.response) ? String(created.response['id']) : '';
    expect(ack.content).toBe(TRIVIA_TEXT.startedInThread(threadId));
    await posted(threadId, /^Trivia: 1 question$/, since);
    await posted(threadId, /^Question 1 of 1$/, since);
    expect(
      h.standIn.findRequests((r) => r.route === CALLBACK_ROUTE && r.path.includes(started.id))[0]
        ?.body,
    ).toMatchObject({ data: { flags: MessageFlags.Ephemeral } });
    await trivia('stop', {}, { channelId: threadId });
  });
});

describe('trivia in prefix mode (PREFIX_MODE=true), through the real discord.js client and the stand-in', () => {
  let h: Harness;
  let packs: Pack[];

  beforeAll(async () => {
    packs = await loadAll(['knowledge']);
    h = await startHarness({
      packs,
      clock: manualClock(T0),
      random: () => 0.42,
      env: { PREFIX_MODE: 'true' },
    });
  });

  afterAll(async () => {
    await h?.stop();
  });

  const REACTION = '/channels/:channelId/messages/:messageId/reactions/:emoji/@me';
  const reactedTo = (messageId: string, since: number) =>
    h.standIn.waitForRequest(
      (r) => r.method === 'PUT' && r.route === REACTION && r.path.includes(`/${messageId}/`),
      { since },
    );

  it('takes a plain message in the channel as an answer to the open question, with a reaction for its verdict', async () => {
    const since = h.standIn.mark();
    h.standIn.sendInteraction({
      type: InteractionType.ApplicationCommand,
      name: 'trivia',
      subcommand: 'start',
      options: { questions: 1, mode: 'open' },
      userId: LEARNER,
      channelId: GENERAL,
    });
    const post = await h.standIn.waitForRequest(
      (r) =>
        r.method === 'POST' &&
        r.route === MESSAGE_ROUTE &&
        messageBody(r).embeds?.[0]?.title === 'Question 1 of 1',
      { since },
    );
    const question = messageBody(post);
    expect(question.embeds?.[0]?.description).toContain(TRIVIA_TEXT.answerPromptTyped);
    const prompt = /^\*\*(.+?)\*\*/.exec(question.embeds?.[0]?.description ?? '')?.[1];
    const item = packs
      .flatMap((p) => p.facts.flatMap((f) => f.trivia))
      .find((t) => t.prompt.replace(/\s+/g, ' ') === prompt);
    if (!item) throw new Error(`no pack item asks "${prompt}"`);

    const wrong = h.standIn.sendMessage({ content: 'Zanzibar', authorId: TUTOR });
    const wrongReaction = await reactedTo(wrong.id, since);
    expect(decodeURIComponent(wrongReaction.path)).toContain('/reactions/❌/@me');

    const beforeRight = h.standIn.mark();
    const right = h.standIn.sendMessage({ content: item.answer, authorId: LEARNER });
    const rightReaction = await reactedTo(right.id, beforeRight);
    expect(decodeURIComponent(rightReaction.path)).toContain('/reactions/✅/@me');
    const reveal = await h.standIn.waitForRequest(
      (r) => r.method === 'PATCH' && r.route === EDIT_CHANNEL_MESSAGE,
      { since: beforeRight },
    );
    expect(messageBody(reveal).embeds?.[0]?.fields?.[0]?.value).toBe('Learner +2');
    expect(messageBody(reveal).embeds?.[0]?.fields?.[1]?.value).toBe('Tutor: Zanzibar');
  });
});
