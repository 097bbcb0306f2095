import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/monitoring/metrics.js';
import { countTrivia } from '../../src/monitoring/triviaCounts.js';
import { createMemoryStore } from '../support/memoryStore.js';
import { OTHER_GUILD, T0, answer, newGame, reveal } from '../support/storeBuilders.js';

const lines = async (metrics: ReturnType<typeof createMetrics>) =>
  (await metrics.text()).body.split('\n').filter((l) => l.startsWith('almanac_trivia'));

describe('trivia as counted through the store', () => {
  it('counts games started, answers right and wrong, and how games ended', async () => {
    const metrics = createMetrics({ processMetrics: false });
    const store = countTrivia(createMemoryStore(), metrics);
    const first = store.createGame(newGame({ mode: 'choice' }));
    store.recordReveal(reveal(first, 0, [answer('ada', true), answer('bo', false)]));
    store.recordReveal(reveal(first, 1, [answer('ada', true)]));
    store.finishGame(first, 'finished', T0 + 1);
    store.finishGame(first, 'stopped', T0 + 2);
    store.createGame(newGame());
    store.createGame(newGame({ guildId: OTHER_GUILD }));
    store.interruptRunningGames(T0 + 3);
    expect(await lines(metrics)).toEqual([
      'almanac_trivia_games_started_total{mode="choice"} 1',
      'almanac_trivia_games_started_total{mode="open"} 2',
      'almanac_trivia_games_ended_total{status="finished"} 1',
      'almanac_trivia_games_ended_total{status="stopped"} 0',
      'almanac_trivia_games_ended_total{status="interrupted"} 2',
      'almanac_trivia_answers_total{result="correct"} 2',
      'almanac_trivia_answers_total{result="wrong"} 1',
    ]);
  });

  it('counts nothing for a write the store refused', async () => {
    const metrics = createMetrics({ processMetrics: false });
    const store = countTrivia(createMemoryStore(), metrics);
    expect(() => store.recordReveal(reveal(999, 0, [answer('ada', true)]))).toThrow();
    expect(() => store.createGame(newGame({ questionCount: 0 }))).toThrow();
    expect(await lines(metrics)).toContain('almanac_trivia_answers_total{result="correct"} 0');
    expect(await lines(metrics)).toContain('almanac_trivia_games_started_total{mode="open"} 0');
  });

  it('leaves every other method to the store', () => {
    const inner = createMemoryStore();
    const store = countTrivia(inner, createMetrics({ processMetrics: false }));
    const id = store.createGame(newGame());
    expect(store.getGame(id)).toEqual(inner.getGame(id));
    expect(store.health()).toEqual({ ok: true });
  });
});
