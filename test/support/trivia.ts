import { english } from '../../src/knowledge/languages.js';
import type { CheckLanguage } from '../../src/trivia/check.js';
import { TRIVIA_RULES, type GameOptions } from '../../src/trivia/rules.js';
import { prepareGame } from '../../src/trivia/step.js';
import type { DealtQuestion, GameSetup, TriviaState } from '../../src/trivia/types.js';

/** The answer checker's English, from the engine's word frequencies, as the shells build it. */
export const ENGLISH: CheckLanguage = {
  wordCount: (word) => english.frequencies().counts.get(word) ?? 0,
};

/** 2026-01-01T00:00:00Z: trivia tests pass the clock explicitly, from here. */
export const T0 = Date.UTC(2026, 0, 1);

/** `T0` plus some seconds. */
export const at = (seconds: number) => T0 + seconds * 1000;

/**
 * A dealt question about the city of the 1972 talks, right option 0 ("Moscow"), cited to the
 * lead's first paragraph; override what a test is about.
 */
export function dealtQuestion(overrides: Partial<DealtQuestion> = {}): DealtQuestion {
  return {
    factId: 'visit-location',
    prompt: 'In which city were the talks held?',
    answer: 'Moscow',
    accept: [],
    options: ['Moscow', 'Leningrad', 'Kiev', 'Minsk'],
    correctOption: 0,
    citation: {
      factId: overrides.factId ?? 'visit-location',
      sourceId: 'notes',
      title: 'Notes',
      publisher: 'Class',
      url: 'https://example.org/notes',
      section: 'Lead',
      paragraph: 1,
    },
    origin: 'pack',
    kind: null,
    ...overrides,
  };
}

/** Three questions whose right options are 0, 1 and 2; in open mode their answers are typed. */
export function threeQuestions(): DealtQuestion[] {
  return [
    dealtQuestion(),
    dealtQuestion({
      factId: 'alexei-kosygin',
      prompt: 'Which Soviet Premier did Bhutto meet?',
      answer: 'Alexei Kosygin',
      accept: ['Kosygin'],
      options: ['Nikita Khrushchev', 'Alexei Kosygin', 'Yuri Andropov', 'Andrei Gromyko'],
      correctOption: 1,
      citation: { ...dealtQuestion().citation, factId: 'alexei-kosygin', paragraph: 2 },
    }),
    dealtQuestion({
      factId: 'steel-mills-inauguration',
      prompt: 'In what year were the Pakistan Steel Mills inaugurated?',
      answer: '1985',
      options: ['1972', '1979', '1985', '1988'],
      correctOption: 2,
      citation: {
        ...dealtQuestion().citation,
        factId: 'steel-mills-inauguration',
        section: 'Aftermath',
        paragraph: 5,
      },
    }),
  ];
}

/** A game on a server, started by `starter`, 20 s per question; override what a test is about. */
export function gameSetup(overrides: Partial<GameSetup> = {}): GameSetup {
  const options: GameOptions = {
    mode: 'choice',
    questions: 3,
    seconds: TRIVIA_RULES.seconds.default,
  };
  return {
    gameId: 7,
    guildId: '100000000000000001',
    channelId: '200000000000000001',
    threadId: null,
    starterUserId: 'starter',
    scope: 'bhutto-soviet-visit-1972',
    options,
    questions: threeQuestions(),
    ...overrides,
  };
}

/** A prepared game in `mode`, not started. */
export function readyGame(
  mode: GameOptions['mode'] = 'choice',
  overrides: Partial<GameSetup> = {},
): TriviaState {
  const setup = gameSetup(overrides);
  return prepareGame({ ...setup, options: { ...setup.options, mode } });
}
