/**
 * The trivia game's data: questions as dealt, the game's state, the events a shell feeds it and
 * the effects it hands back. All of it is plain, serialisable data (no functions, no classes, no
 * Discord types), so the Discord and console shells render the same effects their own way, and
 * tests compare whole values.
 */
import type { CloseHint } from './check.js';
import type { GameEnd, GameId, GameMode, RevealedQuestion } from '../store/types.js';
import type { GameOptions } from './rules.js';

// ─── Questions ──────────────────────────────────────────────────────────────────────────────

/**
 * What a generated question's answer is: a full `date` (or month and year), a `year`, an
 * `amount` (a number with its currency, scale or unit), a `person`, a `place` or an
 * `organisation`.
 */
export const ANSWER_KINDS = ['date', 'year', 'amount', 'person', 'place', 'organisation'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

/** Where a question's answer is written: the fact, its source, section and paragraph. */
export interface TriviaCitation {
  readonly factId: string;
  readonly sourceId: string;
  /** The source's title, or its id when the pack does not list it. */
  readonly title: string;
  readonly publisher: string | null;
  readonly url: string | null;
  readonly section: string;
  /** The paragraph within the section, from 1. */
  readonly paragraph: number;
}

/** A question as `deal` prepared it for one game. */
export interface DealtQuestion {
  readonly factId: string;
  readonly prompt: string;
  /** The right answer as it is revealed. */
  readonly answer: string;
  /** Other answers an open question accepts (the checker applies the same rules to each). */
  readonly accept: readonly string[];
  /**
   * A multiple-choice question's options, shuffled: the answer and three distractors. `null`
   * in open mode.
   */
  readonly options: readonly string[] | null;
  /** The index of the answer in `options`; `null` in open mode. */
  readonly correctOption: number | null;
  readonly citation: TriviaCitation;
  /** `pack`: one of the fact's own trivia items; `generated`: built by `deal` from the fact. */
  readonly origin: 'pack' | 'generated';
  /** What a generated question's answer is; `null` for a pack's own item. */
  readonly kind: AnswerKind | null;
}

// ─── State ──────────────────────────────────────────────────────────────────────────────────

/**
 * Who and where: opaque to the rules, which only carry them so the shell's registry (one game
 * per channel) and the store find the game. `gameId` is assigned by the store when the shell
 * created the game.
 */
export interface GameIds {
  readonly gameId: GameId;
  /** The server, or `null` for a console game. */
  readonly guildId: string | null;
  /** The channel, or `null` for a console game. */
  readonly channelId: string | null;
  /** The game's own thread, when it has one. */
  readonly threadId: string | null;
  /** Who started the game: the one player the first question waits for (see `TriviaState`). */
  readonly starterUserId: string;
}

/** Everything `prepareGame` needs. */
export interface GameSetup extends GameIds {
  /** What the questions were drawn from (a pack id or a tag), as the store records it. */
  readonly scope: string;
  readonly options: GameOptions;
  /**
   * The questions `deal` returned for the same mode as `options.mode` (a choice game needs their
   * options), asked in this order.
   */
  readonly questions: readonly DealtQuestion[];
}

/** Where a game stands: `ready` until `start`, `asking` while a question is open, `ended`. */
export type TriviaPhase = 'ready' | 'asking' | 'ended';

/** One player's answer to the open question (in open mode: their latest try). */
export interface CurrentAnswer {
  readonly userId: string;
  readonly displayName: string;
  /** What they answered: the text typed, or the text of the option chosen. */
  readonly given: string;
  /** The option chosen, in choice mode; `null` in open mode. */
  readonly option: number | null;
  readonly correct: boolean;
  /** Points the answer earns when the question is revealed (0 unless correct). */
  readonly points: number;
  readonly answeredAt: number;
  /** Tries so far (always 1 in choice mode). */
  readonly attempts: number;
}

/** A player's running score in the game. */
export interface PlayerScore {
  readonly userId: string;
  /** The name of the player's latest answer. */
  readonly displayName: string;
  readonly points: number;
  readonly correct: number;
  /** Questions the player answered (each counted once, whatever the tries). */
  readonly answered: number;
  /**
   * When the player reached their present points: the time of the answer that last earned
   * points, or of their first answer while they have none. Earlier ranks first among equals.
   */
  readonly reachedAt: number;
}

/** Why a question was revealed. */
export type RevealReason =
  /** Its time ran out. */
  | 'deadline'
  /** Every player of the game had answered (choice) or had used every try (open). */
  | 'everyone-answered'
  /** Open mode: someone answered correctly. */
  | 'answered-correctly'
  /** Someone skipped it. */
  | 'skipped'
  /** The game was stopped while it was open. */
  | 'stopped';

/** One player's result on a revealed question: the answer that counted. */
export interface AnswerResult {
  readonly userId: string;
  readonly displayName: string;
  readonly given: string;
  /** The option chosen, in choice mode. */
  readonly option: number | null;
  readonly correct: boolean;
  readonly points: number;
}

/** A revealed question, as the reveal and the end-of-game recap show it. */
export interface RecapEntry {
  /** The question's place in the game, from 0. */
  readonly question: number;
  readonly factId: string;
  readonly prompt: string;
  readonly answer: string;
  readonly options: readonly string[] | null;
  readonly correctOption: number | null;
  readonly citation: TriviaCitation;
  readonly reason: RevealReason;
  /** Every player's counted answer, in the order they answered. */
  readonly results: readonly AnswerResult[];
}

/**
 * A game, from `prepareGame` to its end. Plain data: a shell may keep it in memory, log it or
 * store it; only `step` changes it, by returning a new one.
 *
 * **Every player of the game** (whom an early reveal waits for): everyone who has answered any
 * question of this game, and, while nobody has answered any earlier question, the starter. So
 * the first question waits for the starter and anyone who answers it; from then on, for the
 * players seen so far. A newcomer joins by answering.
 */
export interface TriviaState {
  readonly phase: TriviaPhase;
  readonly ids: GameIds;
  readonly scope: string;
  readonly options: GameOptions;
  readonly questions: readonly DealtQuestion[];
  /** The open question's index; once ended, how many questions were revealed. */
  readonly current: number;
  /** When the open question was posted; `null` unless asking. */
  readonly askedAt: number | null;
  /** When the open question closes (absolute ms); `null` unless asking. */
  readonly deadline: number | null;
  /** The open question's answers, one per player, in the order each first answered. */
  readonly answers: readonly CurrentAnswer[];
  /** User ids of everyone who has answered a question of this game, in order of arrival. */
  readonly players: readonly string[];
  /** Running scores, in order of arrival (see `standingsOf` for the ranking). */
  readonly scores: readonly PlayerScore[];
  /** Every revealed question, in order. */
  readonly recap: readonly RecapEntry[];
  /** How the game ended; `null` until it has. */
  readonly status: GameEnd | null;
  readonly endedAt: number | null;
}

// ─── Events ─────────────────────────────────────────────────────────────────────────────────

/**
 * A player's answer. In choice mode the shell sends `option` (the index of the button pressed);
 * in open mode, `text` (the message typed). `question`, when the shell knows it (a button's
 * custom id carries it), guards against a stale button: an answer to any other question than the
 * open one is `too-late`.
 */
export type AnswerEvent = {
  readonly type: 'answer';
  readonly userId: string;
  readonly displayName: string;
  readonly question?: number | undefined;
} & (
  | { readonly option: number; readonly text?: undefined }
  | { readonly text: string; readonly option?: undefined }
);

/**
 * What a shell feeds the rules:
 * - `start`: the game begins (post the rules and the first question);
 * - `answer`: a player answered;
 * - `tick`: a scheduled time came (the shell's timer); early ticks change nothing;
 * - `skip`: reveal the open question now (`question`, when given, must be the open one);
 * - `stop`: end the game now. The shell checks who may stop a game; the rules obey.
 */
export type TriviaEvent =
  | { readonly type: 'start' }
  | AnswerEvent
  | { readonly type: 'tick' }
  | { readonly type: 'skip'; readonly question?: number | undefined }
  | { readonly type: 'stop' };

// ─── Effects ────────────────────────────────────────────────────────────────────────────────

/** The scoring a game is played with, as the rules message states it. */
export interface ScoringRules {
  readonly pointsForCorrect: number;
  readonly maxSpeedBonus: number;
}

/** The first message of a game: how it is played. */
export interface RulesMessage {
  readonly type: 'rules';
  readonly mode: GameMode;
  readonly questions: number;
  readonly seconds: number;
  readonly scoring: ScoringRules;
  /** Tries per open question; `null` in choice mode (one answer per question). */
  readonly attempts: number | null;
}

/** A question, as posted. */
export interface QuestionMessage {
  readonly type: 'question';
  /** Its index in the game, from 0 (render it from 1). */
  readonly question: number;
  readonly total: number;
  readonly mode: GameMode;
  readonly prompt: string;
  /** The options to show as buttons, in order; `null` in open mode. */
  readonly options: readonly string[] | null;
  readonly askedAt: number;
  /** When it closes (absolute ms): render it as a countdown. */
  readonly deadline: number;
  readonly seconds: number;
}

/** A player's line in the standings. Ranks are 1, 2, 3…: every tie is broken. */
export interface Standing {
  readonly rank: number;
  readonly userId: string;
  readonly displayName: string;
  readonly points: number;
  readonly correct: number;
  readonly answered: number;
}

/** A question's reveal: what its message is edited to show. */
export interface RevealMessage extends RecapEntry {
  readonly type: 'reveal';
  readonly total: number;
  /** The standings after this question. */
  readonly standings: readonly Standing[];
}

/** The last message of a game: final standings and a recap of every revealed question. */
export interface ResultsMessage {
  readonly type: 'results';
  readonly status: GameEnd;
  readonly standings: readonly Standing[];
  readonly recap: readonly RecapEntry[];
  /** Questions revealed, and questions the game meant to ask. */
  readonly asked: number;
  readonly planned: number;
}

/** A private note to one player (an ephemeral reply, a reaction, or a console line). */
export type ReplyMessage =
  /** Choice mode: their answer is in (not whether it is right: that waits for the reveal). */
  | { readonly type: 'answer-received'; readonly question: number; readonly option: number }
  /** Choice mode: they had answered already; `option` is the answer that counts. */
  | { readonly type: 'already-answered'; readonly question: number; readonly option: number }
  /** Open mode: they answered first and correctly; the reveal follows. */
  | { readonly type: 'correct'; readonly question: number; readonly points: number }
  /** Open mode: a near miss; `hint` says how (see the checker's `CloseHint`). */
  | {
      readonly type: 'close';
      readonly question: number;
      readonly hint: CloseHint;
      readonly attemptsLeft: number;
    }
  /** Open mode: not right; they may try again while `attemptsLeft` > 0. */
  | { readonly type: 'wrong'; readonly question: number; readonly attemptsLeft: number }
  /** Open mode: they have used every try on this question. */
  | { readonly type: 'no-attempts-left'; readonly question: number }
  /** The question they answered is closed (its time ran out, or a button of an old question). */
  | { readonly type: 'too-late'; readonly question: number }
  /** An answer of the wrong shape: text in choice mode, a button in open mode, no such option. */
  | {
      readonly type: 'invalid-answer';
      readonly question: number;
      readonly reason: 'expected-option' | 'expected-text' | 'no-such-option';
    }
  /** The game has not started yet. */
  | { readonly type: 'not-started' }
  /** The game is over. */
  | { readonly type: 'no-game' };

/**
 * What the shell must do. Nothing here has happened yet:
 * - `post`: send a new message (rules, a question, the results). After posting a question, the
 *   shell remembers its message for `edit` and calls `store.setCurrentMessage`;
 * - `edit`: edit question `question`'s message into its reveal (the shell knows which message);
 * - `reply`: tell one player privately;
 * - `schedule`: send a `tick` at `at` (absolute ms). A game needs one timer: a new `schedule`
 *   replaces the previous one, and a tick that comes early or late is harmless;
 * - `record`: write to the store: `reveal` → `store.recordReveal(question)`, `finish` →
 *   `store.finishGame(gameId, status, at)`;
 * - `end`: the game is over: cancel its timer and free its channel in the registry.
 */
export type TriviaEffect =
  | { readonly kind: 'post'; readonly message: RulesMessage | QuestionMessage | ResultsMessage }
  | { readonly kind: 'edit'; readonly question: number; readonly message: RevealMessage }
  | { readonly kind: 'reply'; readonly userId: string; readonly message: ReplyMessage }
  | { readonly kind: 'schedule'; readonly at: number; readonly question: number }
  | { readonly kind: 'record'; readonly record: 'reveal'; readonly question: RevealedQuestion }
  | {
      readonly kind: 'record';
      readonly record: 'finish';
      readonly gameId: GameId;
      readonly status: GameEnd;
      readonly at: number;
    }
  | { readonly kind: 'end'; readonly status: GameEnd };

/** What `step` returns: the next state and the effects to carry out, in order. */
export interface TriviaTransition {
  readonly state: TriviaState;
  readonly effects: readonly TriviaEffect[];
}
