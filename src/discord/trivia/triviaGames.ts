import type { Logger } from 'pino';
import type { Clock, Timer } from '../../clock.js';
import { InternalError } from '../../errors.js';
import type { GameId, Store } from '../../store/types.js';
import type { CheckLanguage } from '../../trivia/check.js';
import { prepareGame, type TriviaRules } from '../../trivia/step.js';
import type {
  GameSetup,
  ReplyMessage,
  TriviaEffect,
  TriviaEvent,
  TriviaState,
  TriviaTransition,
} from '../../trivia/types.js';
import type { ReplyPayload } from '../render/payload.js';
import { renderTriviaPost, renderTriviaReveal, type TriviaView } from '../render/trivia.js';

/** Where a game's messages go: its channel or thread, as the effects runner needs it. */
export interface GameChannel {
  /** Sends a message and resolves with its id. */
  send(payload: ReplyPayload): Promise<string>;
  edit(messageId: string, payload: ReplyPayload): Promise<void>;
}

/**
 * Who an event came from, and how to tell them privately: an interaction's ephemeral reply, or
 * a reaction to a typed message. `reply` effects for anyone else are dropped (the rules address
 * replies only to the player whose event caused them).
 */
export interface Responder {
  readonly userId: string;
  reply(message: ReplyMessage, view: TriviaView): Promise<void>;
}

/** A game this process is running. */
export interface RunningGame {
  readonly gameId: GameId;
  /** Where it is played: its own thread, or the channel it was started in. */
  readonly channelId: string;
  readonly view: TriviaView;
  /** The game as it stands now. */
  state(): TriviaState;
}

export interface TriviaGames {
  /** The checker's language, for dealing. */
  readonly language: CheckLanguage;
  /** Whether typed messages in a game's channel count as answers (prefix mode). */
  readonly typedAnswers: boolean;
  /** The game running in a channel (or thread), if any. */
  inChannel(channelId: string): RunningGame | undefined;
  byId(gameId: GameId): RunningGame | undefined;
  /**
   * The facts whose questions are open now in the games this process runs: until a question
   * is revealed, asking Almanac would give its answer away.
   */
  openFacts(): ReadonlySet<string>;
  /**
   * Holds a channel while a game is being set up there (dealing, creating its thread), so two
   * `/trivia start` at once cannot both start one. False when the channel is busy.
   */
  reserve(channelId: string): boolean;
  release(channelId: string): void;
  /** Registers a prepared game and starts it: its rules and first question are posted. */
  start(setup: GameSetup, channel: GameChannel, topic: string | null): RunningGame;
  /**
   * Feeds an event to a game now (`clock.now()`), and carries out its effects in order. Store
   * writes, timers and the registry change at once; messages are sent one after another per
   * game. Undefined when no such game is running here.
   */
  dispatch(gameId: GameId, event: TriviaEvent, responder?: Responder): TriviaTransition | undefined;
  /** Resolves when every message already due has been sent (tests, shutdown). */
  idle(): Promise<void>;
  /**
   * Stops every timer and waits for messages in flight. The games stay `running` in the store:
   * the next start marks them interrupted and says so in their channels.
   */
  close(): Promise<void>;
}

/** What the runner needs: the store, the clock, the rules, and how answers may be given. */
export interface TriviaGamesOptions {
  readonly store: Store;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly rules: TriviaRules;
  readonly language: CheckLanguage;
  readonly typedAnswers: boolean;
}

interface Game extends RunningGame {
  current: TriviaState;
  timer: Timer | undefined;
  /** The message of each question posted, by index: what a reveal edits. */
  readonly messages: Map<number, string>;
  /** Sends of this game, one after another, so a reveal never overtakes its question. */
  queue: Promise<void>;
  readonly channel: GameChannel;
}

/**
 * The Discord shell's effects runner and its registry of games, one per channel. It turns the
 * rules' effects into Discord messages, store writes and timers on the context's clock:
 * - `post` sends a message (for a question, remembering it and `store.setCurrentMessage`);
 * - `edit` edits the question's message into its reveal;
 * - `reply` tells the player whose event it was, through the event's responder;
 * - `schedule` (re)arms the game's one timer, which feeds a `tick`;
 * - `record` writes to the store at once (one transaction per revealed question), so a crash
 *   after a reveal loses no point;
 * - `end` cancels the timer and frees the channel.
 */
export function createTriviaGames(options: TriviaGamesOptions): TriviaGames {
  const { store, clock, logger, rules } = options;
  const byChannel = new Map<string, Game>();
  const byGameId = new Map<GameId, Game>();
  const reserved = new Set<string>();
  /** Sends not yet settled, of running and ended games alike (an ending posts its results). */
  const inFlight = new Set<Promise<void>>();
  let closed = false;

  const enqueue = (game: Game, what: string, task: () => Promise<void>) => {
    const next = game.queue
      .then(task)
      .catch((error: unknown) =>
        logger.warn({ err: error, gameId: game.gameId, effect: what }, 'a trivia message failed'),
      );
    game.queue = next;
    inFlight.add(next);
    void next.then(() => inFlight.delete(next));
  };

  const sendAll = async (game: Game, payloads: readonly ReplyPayload[]): Promise<string[]> => {
    const ids: string[] = [];
    for (const payload of payloads) ids.push(await game.channel.send(payload));
    return ids;
  };

  const record = (game: Game, effect: Extract<TriviaEffect, { kind: 'record' }>) => {
    try {
      if (effect.record === 'reveal') store.recordReveal(effect.question);
      else store.finishGame(effect.gameId, effect.status, effect.at);
    } catch (error) {
      logger.error(
        { err: error, gameId: game.gameId, record: effect.record },
        'could not record a trivia result',
      );
    }
  };

  const end = (game: Game) => {
    game.timer?.cancel();
    game.timer = undefined;
    if (byChannel.get(game.channelId) === game) byChannel.delete(game.channelId);
    byGameId.delete(game.gameId);
  };

  const arm = (game: Game, at: number) => {
    game.timer?.cancel();
    game.timer = clock.setTimeout(() => {
      game.timer = undefined;
      dispatch(game.gameId, { type: 'tick' });
    }, at - clock.now());
  };

  const apply = (game: Game, transition: TriviaTransition, responder: Responder | undefined) => {
    game.current = transition.state;
    const { view } = game;
    for (const effect of transition.effects) {
      switch (effect.kind) {
        case 'post': {
          const { message } = effect;
          enqueue(game, `post ${message.type}`, async () => {
            const [id] = await sendAll(game, renderTriviaPost(message, view));
            if (message.type === 'question' && id !== undefined) {
              game.messages.set(message.question, id);
              store.setCurrentMessage(game.gameId, id);
            }
          });
          break;
        }
        case 'edit': {
          const { question, message } = effect;
          enqueue(game, 'edit reveal', async () => {
            const id = game.messages.get(question);
            const reveal = renderTriviaReveal(message);
            // A question whose post failed is revealed in a message of its own.
            if (id === undefined) await game.channel.send(reveal);
            else await game.channel.edit(id, reveal);
          });
          break;
        }
        case 'reply':
          if (responder?.userId === effect.userId) {
            const { message } = effect;
            enqueue(game, `reply ${message.type}`, () => responder.reply(message, view));
          } else {
            logger.debug({ gameId: game.gameId, reply: effect.message.type }, 'reply not routed');
          }
          break;
        case 'schedule':
          arm(game, effect.at);
          break;
        case 'record':
          record(game, effect);
          break;
        case 'end':
          end(game);
          break;
      }
    }
  };

  const dispatch: TriviaGames['dispatch'] = (gameId, event, responder) => {
    const game = byGameId.get(gameId);
    if (!game || closed) return undefined;
    const transition = rules.step(game.current, event, clock.now());
    apply(game, transition, responder);
    return transition;
  };

  return {
    language: options.language,
    typedAnswers: options.typedAnswers,
    inChannel: (channelId) => byChannel.get(channelId),
    byId: (gameId) => byGameId.get(gameId),
    openFacts() {
      const open = new Set<string>();
      for (const game of byGameId.values()) {
        const state = game.current;
        const question = state.phase === 'asking' ? state.questions[state.current] : undefined;
        if (question) open.add(question.factId);
      }
      return open;
    },
    reserve(channelId) {
      if (closed || reserved.has(channelId) || byChannel.has(channelId)) return false;
      reserved.add(channelId);
      return true;
    },
    release(channelId) {
      reserved.delete(channelId);
    },
    start(setup, channel, topic) {
      const channelId = setup.threadId ?? setup.channelId;
      if (channelId === null) throw new InternalError('a Discord game needs a channel');
      const state = prepareGame(setup);
      const game: Game = {
        gameId: setup.gameId,
        channelId,
        view: {
          gameId: setup.gameId,
          topic,
          typedAnswers: options.typedAnswers,
          questions: setup.questions,
        },
        state: () => game.current,
        current: state,
        timer: undefined,
        messages: new Map(),
        queue: Promise.resolve(),
        channel,
      };
      byChannel.set(channelId, game);
      byGameId.set(game.gameId, game);
      dispatch(game.gameId, { type: 'start' });
      return game;
    },
    dispatch,
    async idle() {
      // A send may be followed by more (a timer fired meanwhile): wait until none is left.
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    async close() {
      closed = true;
      for (const game of byGameId.values()) {
        game.timer?.cancel();
        game.timer = undefined;
      }
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}
