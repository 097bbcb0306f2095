import type { Clock, Timer } from '../clock.js';
import type { Engine, Scope } from '../engine/types.js';
import {
  LEADERBOARD_ORDERS,
  type GameMode,
  type LeaderboardOrder,
  type Store,
} from '../store/types.js';
import type { CheckLanguage } from '../trivia/check.js';
import { candidatesFromPacks, deal } from '../trivia/deal.js';
import { seededRandom } from '../trivia/random.js';
import {
  resolveGameOptions,
  type GameOptionError,
  type GameOptionsInput,
} from '../trivia/rules.js';
import { createTriviaRules, prepareGame } from '../trivia/step.js';
import type { TriviaEvent, TriviaState, TriviaTransition } from '../trivia/types.js';
import type { Paint } from './renderText.js';
import {
  renderCountdownText,
  renderLeaderboardText,
  renderQuestionText,
  renderResultsText,
  renderRevealText,
  renderRulesText,
  renderStatsText,
  renderTriviaReplyText,
} from './renderTrivia.js';

/** The console's one player: its games are stored with no server and no channel. */
export const CONSOLE_PLAYER_ID = 'console';

/** Seconds left at which the countdown speaks up, when the question is longer. */
const COUNTDOWN_AT = [10, 5] as const;

/** How many players the console's leaderboard lists. */
const LEADERBOARD_SIZE = 10;

/** What a console trivia session needs: the packs, the store, time, and where to write. */
export interface ConsoleTriviaOptions {
  readonly engine: Engine;
  readonly store: Store;
  readonly clock: Clock;
  readonly language: CheckLanguage;
  /** A source of [0, 1) for the seed of each deal. */
  readonly random: () => number;
  /** The player's name on the leaderboard. */
  readonly playerName: string;
  readonly paint: Paint;
  /** Writes one block of text (a newline is added). */
  readonly write: (text: string) => void;
  /** Called after output a timer caused, so the prompt can be shown again. */
  readonly onTimerOutput: () => void;
}

/** A console trivia session: `/trivia` commands, and the lines typed while a game is on. */
export interface ConsoleTrivia {
  /** `/trivia …`: start a game, or show the leaderboard or a player's statistics. */
  command(args: string): void;
  /**
   * A line typed while a game is on (an answer, `/skip`, `/stop`) or while an offer waits
   * (`y` or `n`). False when the line is not the game's, for the console to handle.
   */
  input(line: string): boolean;
  /** What the prompt shows while a question is open: the seconds left. */
  promptHint(): string;
  /** Ends a game still running (the input ended, or the player quit): it counts as stopped. */
  stop(): void;
}

const USAGE = [
  'Usage: /trivia [topic] [questions] [choice|open] [seconds]s, for example /trivia 5 open 30s',
  '       /trivia leaderboard [points|accuracy|games]',
  '       /trivia stats',
].join('\n');

interface StartRequest extends GameOptionsInput {
  readonly topic: string | null;
  readonly seed?: number;
}

/** Reads `/trivia` arguments: a mode word, `30s` seconds, a question count, else the topic. */
function parseStart(words: readonly string[]): StartRequest | string {
  let topic: string | null = null;
  let mode: string | undefined;
  let questions: number | undefined;
  let seconds: number | undefined;
  for (const word of words) {
    const lower = word.toLowerCase();
    if (lower === 'choice' || lower === 'open') mode = lower;
    else if (/^\d{1,4}s$/.test(lower)) seconds = Number(lower.slice(0, -1));
    else if (/^\d{1,4}$/.test(lower)) questions = Number(lower);
    else if (topic === null) topic = word;
    else return USAGE;
  }
  return { topic, mode, questions, seconds };
}

function optionProblem(error: GameOptionError): string {
  switch (error.code) {
    case 'unknown-mode':
      return `There is no mode called ${error.given}: choose choice or open.`;
    case 'questions-out-of-range':
      return `The number of questions must be from ${error.min} to ${error.max}, not ${error.given}.`;
    case 'seconds-out-of-range':
      return `The seconds per question must be from ${error.min} to ${error.max}, not ${error.given}.`;
  }
}

/** `topic` as a pack id, a pack's title, or a tag (`#tag` too), like the bot's `topic:`. */
function resolveScope(engine: Engine, topic: string | null): Scope | undefined {
  if (topic === null) return {};
  const raw = topic.trim();
  if (engine.packs.some((p) => p.id === raw)) return { packId: raw };
  const tag = raw.replace(/^(?:#|tag:)/, '');
  return engine.tags().has(tag) ? { tags: [tag] } : undefined;
}

function topicLabel(engine: Engine, scope: Scope): string | null {
  if (scope.packId !== undefined) {
    return engine.packs.find((p) => p.id === scope.packId)?.title ?? scope.packId;
  }
  const [tag] = scope.tags ?? [];
  return tag === undefined ? null : `#${tag}`;
}

/**
 * The console's trivia shell: the same rules, the same dealing and the same store as the bot,
 * for one player. Its effects runner writes text: `post` and `edit` print the rules, a question,
 * its reveal and the results; `reply` prints the note to the player; `schedule` arms the
 * question's deadline, with a countdown, on the clock; `record` writes to the store; `end` lets
 * the game go.
 */
export function createConsoleTrivia(options: ConsoleTriviaOptions): ConsoleTrivia {
  const { engine, store, clock, paint, write } = options;
  const rules = createTriviaRules({ language: options.language });
  let state: TriviaState | undefined;
  let topic: string | null = null;
  let deadlineTimer: Timer | undefined;
  let countdown: Timer[] = [];
  let offer: StartRequest | undefined;

  const clearCountdown = () => {
    for (const timer of countdown) timer.cancel();
    countdown = [];
  };

  const armCountdown = (deadline: number) => {
    clearCountdown();
    for (const left of COUNTDOWN_AT) {
      const ms = deadline - left * 1000 - clock.now();
      if (ms <= 0) continue;
      countdown.push(
        clock.setTimeout(() => {
          write(renderCountdownText(left, paint));
          options.onTimerOutput();
        }, ms),
      );
    }
  };

  const apply = (transition: TriviaTransition) => {
    state = transition.state;
    const questions = state.questions;
    for (const effect of transition.effects) {
      switch (effect.kind) {
        case 'post': {
          const { message } = effect;
          if (message.type === 'rules') write(renderRulesText(message, topic, paint));
          else if (message.type === 'question') {
            write(renderQuestionText(message, paint));
            armCountdown(message.deadline);
          } else write(renderResultsText(message, paint));
          break;
        }
        case 'edit':
          clearCountdown();
          write(renderRevealText(effect.message, paint));
          break;
        case 'reply':
          write(renderTriviaReplyText(effect.message, questions, paint));
          break;
        case 'schedule':
          deadlineTimer?.cancel();
          deadlineTimer = clock.setTimeout(() => {
            deadlineTimer = undefined;
            if (step({ type: 'tick' })) options.onTimerOutput();
          }, effect.at - clock.now());
          break;
        case 'record':
          try {
            if (effect.record === 'reveal') store.recordReveal(effect.question);
            else store.finishGame(effect.gameId, effect.status, effect.at);
          } catch {
            write(paint('red', 'Could not save that result to the database.'));
          }
          break;
        case 'end':
          deadlineTimer?.cancel();
          deadlineTimer = undefined;
          clearCountdown();
          break;
      }
    }
  };

  /** Steps the game; false when no game is on or nothing happened. */
  const step = (event: TriviaEvent): boolean => {
    if (state === undefined || state.phase === 'ended') return false;
    const transition = rules.step(state, event, clock.now());
    apply(transition);
    return transition.effects.length > 0;
  };

  const start = (request: StartRequest) => {
    const resolved = resolveGameOptions(request);
    if (!resolved.ok) {
      write(resolved.errors.map(optionProblem).join('\n'));
      return;
    }
    const scope = resolveScope(engine, request.topic);
    if (scope === undefined) {
      write(`No pack or tag is called "${request.topic ?? ''}". Type /topics to see them.`);
      return;
    }
    const { mode, questions, seconds } = resolved.options;
    const inScope = new Set(engine.facts(scope).map((f) => f.fact.id));
    const candidates = candidatesFromPacks(engine.packs, (fact) => inScope.has(fact.id));
    const seed = request.seed ?? Math.floor(options.random() * 0x1_0000_0000);
    const dealt = deal(
      candidates,
      { mode, questions },
      { random: seededRandom(seed), language: options.language },
    );
    const label = topicLabel(engine, scope);
    if (!dealt.ok) {
      if (dealt.error.code === 'no-questions') {
        write(
          `There are no trivia questions ${label ? `on ${label} ` : ''}that I can ask in ${mode} mode.`,
        );
        return;
      }
      const { available } = dealt.error;
      offer = { ...request, mode, seconds, questions: available, seed };
      write(
        `This topic has ${available} question${available === 1 ? '' : 's'} for a ${mode} game, fewer than the ${questions} you asked for. Play ${available === 1 ? 'it' : 'those'}? (y/n)`,
      );
      return;
    }
    const now = clock.now();
    const scopeName = request.topic?.trim() || 'all';
    const gameId = store.createGame({
      guildId: null,
      channelId: null,
      threadId: null,
      starterUserId: CONSOLE_PLAYER_ID,
      scope: scopeName,
      mode,
      questionCount: dealt.questions.length,
      secondsPerQuestion: seconds,
      startedAt: now,
    });
    topic = label;
    state = prepareGame({
      gameId,
      guildId: null,
      channelId: null,
      threadId: null,
      starterUserId: CONSOLE_PLAYER_ID,
      scope: scopeName,
      options: { mode, questions: dealt.questions.length, seconds },
      questions: dealt.questions,
    });
    step({ type: 'start' });
  };

  const playing = () => state !== undefined && state.phase !== 'ended';

  const answer = (line: string, mode: GameMode): TriviaEvent => {
    const base = {
      type: 'answer' as const,
      userId: CONSOLE_PLAYER_ID,
      displayName: options.playerName,
    };
    if (mode === 'choice') {
      const picked = /^[1-9]$/.test(line)
        ? Number(line) - 1
        : /^[a-d]$/i.test(line)
          ? line.toLowerCase().charCodeAt(0) - 97
          : undefined;
      if (picked !== undefined) return { ...base, option: picked };
    }
    return { ...base, text: line };
  };

  return {
    command(args) {
      const typed = args.split(/\s+/).filter((w) => w.length > 0);
      // The bot's subcommands read the same here: "/trivia start 5 open", "/trivia stop".
      const subcommand = typed[0]?.toLowerCase();
      if (subcommand === 'stop' || subcommand === 'skip') {
        if (!playing() || state === undefined) write('No game is on: /trivia starts one.');
        else if (subcommand === 'stop') step({ type: 'stop' });
        else step({ type: 'skip', question: state.current });
        return;
      }
      const words = subcommand === 'start' ? typed.slice(1) : typed;
      const [first, second] = words;
      if (first?.toLowerCase() === 'leaderboard') {
        const by: LeaderboardOrder =
          LEADERBOARD_ORDERS.find((o) => o === second?.toLowerCase()) ?? 'points';
        write(
          renderLeaderboardText(
            store.leaderboard({ guildId: null, by, limit: LEADERBOARD_SIZE }),
            paint,
          ),
        );
        return;
      }
      if (first?.toLowerCase() === 'stats') {
        const stats = store.playerStats({ guildId: null, userId: CONSOLE_PLAYER_ID });
        write(
          renderStatsText(stats, options.playerName, (id) => engine.fact(id)?.fact.question, paint),
        );
        return;
      }
      if (playing()) {
        write('A game is on: answer it, or type /stop to end it.');
        return;
      }
      offer = undefined;
      const request = parseStart(words);
      if (typeof request === 'string') write(request);
      else start(request);
    },
    input(line) {
      if (offer !== undefined && !playing()) {
        const yes = /^(?:y|yes)$/i.test(line);
        const no = /^(?:n|no)$/i.test(line);
        if (!yes && !no) return false;
        const accepted = offer;
        offer = undefined;
        if (yes) start(accepted);
        return true;
      }
      if (!playing() || state === undefined) return false;
      const command = line.toLowerCase();
      if (command === '/skip') return step({ type: 'skip', question: state.current }) || true;
      if (command === '/stop') return step({ type: 'stop' }) || true;
      if (line.startsWith('/') || line.length === 0) return false;
      step(answer(line, state.options.mode));
      return true;
    },
    promptHint() {
      if (!playing() || state?.deadline === null || state?.deadline === undefined) return '';
      const left = Math.max(0, Math.ceil((state.deadline - clock.now()) / 1000));
      return `(${left}s) `;
    },
    stop() {
      offer = undefined;
      if (playing()) step({ type: 'stop' });
    },
  };
}
