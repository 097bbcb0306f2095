import { GAME_MODES, type GameId, type GameMode } from '../../store/types.js';
import {
  LIST_SEPARATOR,
  isFactId,
  joinCustomId,
  splitCustomId,
  type CustomIdParts,
} from './customId.js';

/** A game to deal again with fewer questions: what a "Play N questions" button carries. */
export interface PlayOffer {
  readonly questions: number;
  readonly mode: GameMode;
  readonly seconds: number;
  readonly thread: boolean;
  /** The seed of the first deal: the same seed deals the same questions. */
  readonly seed: number;
  /** The pack id or tag, or `null` for every pack. */
  readonly topic: string | null;
}

/**
 * What a trivia button or modal means, from its custom id alone:
 * - `trivia:pick:<game>,<question>,<option>`: a choice-mode answer button;
 * - `trivia:open:<game>,<question>`: the "Answer" button of an open question (opens the modal);
 * - `trivia:typed:<game>,<question>`: that modal, submitted;
 * - `trivia:play:<questions>,<c|o>,<seconds>,<0|1>,<seed>,<topic>`: "Play N questions", offered
 *   when a topic has fewer questions than asked (the topic is empty for every pack).
 *
 * The game and question travel in the id, so a button of an old question or an old game is told
 * it is too late instead of counting for whatever is open now.
 */
export type TriviaCustomId =
  | {
      readonly area: 'trivia';
      readonly action: 'pick';
      readonly gameId: GameId;
      readonly question: number;
      readonly option: number;
    }
  | {
      readonly area: 'trivia';
      readonly action: 'open' | 'typed';
      readonly gameId: GameId;
      readonly question: number;
    }
  | { readonly area: 'trivia'; readonly action: 'play'; readonly offer: PlayOffer };

/** Whole numbers without leading zeros, so each number has one written form. */
const WHOLE = /^(?:0|[1-9]\d{0,15})$/;

const whole = (text: string | undefined): number | undefined => {
  const n = text !== undefined && WHOLE.test(text) ? Number(text) : undefined;
  return n !== undefined && Number.isSafeInteger(n) ? n : undefined;
};

const MODE_LETTERS: Readonly<Record<GameMode, string>> = { choice: 'c', open: 'o' };

/** The custom id of a trivia component, or undefined when it would not fit in 100 characters. */
export function encodeTriviaCustomId(id: TriviaCustomId): string | undefined {
  const numbers = (...values: number[]) =>
    values.every((n) => Number.isSafeInteger(n) && n >= 0) ? values.join(LIST_SEPARATOR) : '';
  let state: string;
  switch (id.action) {
    case 'pick':
      state = numbers(id.gameId, id.question, id.option);
      break;
    case 'open':
    case 'typed':
      state = numbers(id.gameId, id.question);
      break;
    case 'play': {
      const { offer } = id;
      if (offer.topic !== null && !isFactId(offer.topic)) return undefined;
      const counts = numbers(offer.questions, offer.seconds, offer.seed);
      if (counts === '') return undefined;
      state = [
        offer.questions,
        MODE_LETTERS[offer.mode],
        offer.seconds,
        offer.thread ? 1 : 0,
        offer.seed,
        offer.topic ?? '',
      ].join(LIST_SEPARATOR);
      break;
    }
  }
  if (state === '') return undefined;
  return joinCustomId({ area: 'trivia', action: id.action, state });
}

function parsePlay(items: readonly string[]): TriviaCustomId | undefined {
  const [questions, letter, seconds, thread, seed, topic, ...rest] = items;
  const mode = GAME_MODES.find((m) => MODE_LETTERS[m] === letter);
  const n = whole(questions);
  const s = whole(seconds);
  const drawn = whole(seed);
  if (rest.length > 0 || mode === undefined || n === undefined || s === undefined) return undefined;
  if (drawn === undefined || (thread !== '0' && thread !== '1') || topic === undefined) {
    return undefined;
  }
  if (topic !== '' && !isFactId(topic)) return undefined;
  return {
    area: 'trivia',
    action: 'play',
    offer: {
      questions: n,
      mode,
      seconds: s,
      thread: thread === '1',
      seed: drawn,
      topic: topic === '' ? null : topic,
    },
  };
}

/** The trivia meaning of split custom id parts, or undefined for anything else. */
export function parseTriviaCustomId(parts: CustomIdParts): TriviaCustomId | undefined {
  if (parts.area !== 'trivia') return undefined;
  const items = parts.state.split(LIST_SEPARATOR);
  if (parts.action === 'play') return parsePlay(items);
  const [gameId, question, option, ...rest] = items.map(whole);
  if (rest.length > 0 || gameId === undefined || question === undefined) return undefined;
  if (parts.action === 'pick' && option !== undefined) {
    return { area: 'trivia', action: 'pick', gameId, question, option };
  }
  if ((parts.action === 'open' || parts.action === 'typed') && items.length === 2) {
    return { area: 'trivia', action: parts.action, gameId, question };
  }
  return undefined;
}

/** The meaning of a trivia custom id, or undefined for anything this codec did not write. */
export function decodeTriviaCustomId(raw: string): TriviaCustomId | undefined {
  const parts = splitCustomId(raw);
  return parts ? parseTriviaCustomId(parts) : undefined;
}
