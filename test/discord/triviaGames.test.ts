import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { ReplyPayload } from '../../src/discord/render/payload.js';
import {
  createTriviaGames,
  type GameChannel,
  type Responder,
} from '../../src/discord/trivia/triviaGames.js';
import type { Store } from '../../src/store/types.js';
import { createTriviaRules } from '../../src/trivia/step.js';
import type { ReplyMessage } from '../../src/trivia/types.js';
import { manualClock } from '../support/manualClock.js';
import { createMemoryStore } from '../support/memoryStore.js';
import { ENGLISH, T0, gameSetup } from '../support/trivia.js';

/** A channel that keeps what it was sent; `failing` refuses everything, as a deleted one would. */
function recordingChannel(failing = false) {
  const sent: { id: string; title: string | undefined }[] = [];
  const edits: { id: string; title: string | undefined; footer: string | undefined }[] = [];
  const channel: GameChannel = {
    async send(payload: ReplyPayload) {
      await Promise.resolve();
      if (failing) throw new Error('Unknown Channel');
      const id = String(sent.length + 1);
      sent.push({ id, title: payload.embeds[0]?.title });
      return id;
    },
    async edit(id: string, payload: ReplyPayload) {
      if (failing) throw new Error('Unknown Channel');
      edits.push({ id, title: payload.embeds[0]?.title, footer: payload.embeds[0]?.footer?.text });
    },
  };
  return { channel, sent, edits };
}

function setUp(store: Store = createMemoryStore()) {
  const clock = manualClock(T0);
  const games = createTriviaGames({
    store,
    clock,
    logger: pino({ level: 'silent' }),
    rules: createTriviaRules({ language: ENGLISH }),
    language: ENGLISH,
    typedAnswers: false,
  });
  const gameId = store.createGame({
    guildId: '100000000000000001',
    channelId: '200000000000000001',
    starterUserId: 'starter',
    scope: 'all',
    mode: 'choice',
    questionCount: 3,
    secondsPerQuestion: 20,
    startedAt: T0,
  });
  return { store, clock, games, setup: gameSetup({ gameId }) };
}

const responder = (userId: string, told: ReplyMessage[]): Responder => ({
  userId,
  reply: async (message) => {
    told.push(message);
  },
});

describe('the Discord effects runner', () => {
  it('posts the rules and the question, then edits that very message into its reveal when time is up', async () => {
    const { clock, games, setup } = setUp();
    const { channel, sent, edits } = recordingChannel();
    games.start(setup, channel, null);
    clock.advance(20_000);
    await games.idle();
    expect(sent.map((m) => m.title)).toEqual([
      'Trivia: 3 questions',
      'Question 1 of 3',
      'Question 2 of 3',
    ]);
    expect(edits).toEqual([
      { id: '2', title: 'Question 1 of 3', footer: 'Time is up · fact visit-location' },
    ]);
  });

  it('tells the player who answered, and nobody else', async () => {
    const { games, setup } = setUp();
    const told: ReplyMessage[] = [];
    const game = games.start(setup, recordingChannel().channel, null);
    const event = { type: 'answer', userId: 'ada', displayName: 'Ada', option: 1 } as const;
    games.dispatch(game.gameId, event, responder('ada', told));
    games.dispatch(game.gameId, { ...event, userId: 'bo' }, responder('ada', told));
    await games.idle();
    expect(told).toEqual([{ type: 'answer-received', question: 0, option: 1 }]);
  });

  it('records every revealed point even when Discord refuses every message', async () => {
    const { store, clock, games, setup } = setUp();
    const game = games.start(setup, recordingChannel(true).channel, null);
    games.dispatch(game.gameId, {
      type: 'answer',
      userId: 'starter',
      displayName: 'Ada',
      option: 0,
    });
    clock.advance(20_000);
    await games.idle();
    expect(store.getGame(game.gameId)?.questionsRevealed).toBe(2);
    expect(
      store.leaderboard({ guildId: setup.guildId, by: 'points', limit: 5 }).entries,
    ).toMatchObject([{ displayName: 'Ada', points: 2 }]);
  });

  it('runs one game per channel, and frees the channel when the game ends', async () => {
    const { games, setup, store } = setUp();
    expect(games.reserve('200000000000000001')).toBe(true);
    expect(games.reserve('200000000000000001')).toBe(false);
    games.release('200000000000000001');
    const game = games.start(setup, recordingChannel().channel, null);
    expect(games.reserve('200000000000000001')).toBe(false);
    expect(games.inChannel('200000000000000001')?.gameId).toBe(game.gameId);
    games.dispatch(game.gameId, { type: 'stop' });
    await games.idle();
    expect(games.inChannel('200000000000000001')).toBeUndefined();
    expect(games.reserve('200000000000000001')).toBe(true);
    expect(store.getGame(game.gameId)?.status).toBe('stopped');
  });

  it('on shutdown stops its timers and leaves the game running, for the next start to mark interrupted', async () => {
    const { clock, games, setup, store } = setUp();
    const { channel, edits } = recordingChannel();
    const game = games.start(setup, channel, null);
    await games.close();
    clock.advance(60_000);
    expect(edits).toEqual([]);
    expect(store.getGame(game.gameId)?.status).toBe('running');
    expect(store.interruptRunningGames(clock.now()).map((g) => g.id)).toEqual([game.gameId]);
  });
});
