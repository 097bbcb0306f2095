import type { Store } from '../store/types.js';
import type { Metrics } from './metrics.js';

/**
 * The store with trivia counted as it is written: a game created is a game started, a revealed
 * question brings its answers (right and wrong), a game finished or stopped has ended, and the
 * games found running at start-up were interrupted. What is counted is what was stored, so a
 * write that fails counts nothing. Every other method is the store's own.
 */
export function countTrivia(store: Store, metrics: Metrics): Store {
  return {
    // Both stores are objects of closures, never class instances, so their methods spread.
    ...store,
    createGame(game) {
      const id = store.createGame(game);
      metrics.triviaStarted(game.mode);
      return id;
    },
    recordReveal(question) {
      store.recordReveal(question);
      const correct = question.answers.filter((answer) => answer.correct).length;
      metrics.triviaAnswers(correct, question.answers.length - correct);
    },
    finishGame(gameId, status, at) {
      const ended = store.finishGame(gameId, status, at);
      if (ended) metrics.triviaEnded(status);
      return ended;
    },
    interruptRunningGames(at, serves) {
      const games = store.interruptRunningGames(at, serves);
      if (games.length > 0) metrics.triviaEnded('interrupted', games.length);
      return games;
    },
  };
}
