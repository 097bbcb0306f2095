import { describe, expect, it } from 'vitest';
import { combineSnapshots, createMetrics } from '../../src/monitoring/metrics.js';

/** The sample lines of a Prometheus text whose name starts with `prefix`. */
const samples = (text: string, prefix: string) =>
  text.split('\n').filter((line) => line.startsWith(prefix));

describe('the metrics', () => {
  it('show every verdict, trivia outcome and the reconnects at zero before anything happens', async () => {
    const { body } = await createMetrics({ processMetrics: false }).text();
    expect(samples(body, 'almanac_questions_total')).toEqual([
      'almanac_questions_total{status="answered"} 0',
      'almanac_questions_total{status="did-you-mean"} 0',
      'almanac_questions_total{status="declined"} 0',
    ]);
    expect(samples(body, 'almanac_trivia_games_ended_total')).toHaveLength(3);
    expect(samples(body, 'almanac_gateway_reconnects_total')).toEqual([
      'almanac_gateway_reconnects_total 0',
    ]);
  });

  it('count questions by verdict and put their latency in the histogram', async () => {
    const metrics = createMetrics({ processMetrics: false });
    metrics.question('answered', 0.2);
    metrics.question('answered', 4);
    metrics.question('declined', undefined);
    const { body } = await metrics.text();
    expect(samples(body, 'almanac_questions_total')).toContain(
      'almanac_questions_total{status="answered"} 2',
    );
    expect(samples(body, 'almanac_questions_total')).toContain(
      'almanac_questions_total{status="declined"} 1',
    );
    expect(samples(body, 'almanac_answer_seconds_bucket')).toContain(
      'almanac_answer_seconds_bucket{le="0.25"} 1',
    );
    expect(samples(body, 'almanac_answer_seconds_bucket')).toContain(
      'almanac_answer_seconds_bucket{le="3"} 1',
    );
    expect(samples(body, 'almanac_answer_seconds_count')).toEqual([
      'almanac_answer_seconds_count 2',
    ]);
  });

  it('count trivia games and answers, reconnects and rate limits, and read the packs served when scraped', async () => {
    const metrics = createMetrics({ processMetrics: false });
    metrics.triviaStarted('choice');
    metrics.triviaEnded('finished');
    metrics.triviaEnded('interrupted', 2);
    metrics.triviaAnswers(3, 1);
    metrics.gatewayReconnect();
    metrics.rateLimited('user');
    let facts = 26;
    metrics.watchKnowledge(() => ({ packs: 1, facts }));
    facts = 30;
    const { body } = await metrics.text();
    for (const line of [
      'almanac_trivia_games_started_total{mode="choice"} 1',
      'almanac_trivia_games_ended_total{status="finished"} 1',
      'almanac_trivia_games_ended_total{status="interrupted"} 2',
      'almanac_trivia_answers_total{result="correct"} 3',
      'almanac_trivia_answers_total{result="wrong"} 1',
      'almanac_gateway_reconnects_total 1',
      'almanac_discord_rate_limits_total{scope="user"} 1',
      'almanac_packs_loaded 1',
      'almanac_facts_loaded 30',
    ]) {
      expect(body.split('\n')).toContain(line);
    }
  });

  it('include the process metrics by default', async () => {
    const { body } = await createMetrics().text();
    expect(body).toContain('process_resident_memory_bytes');
    expect(body).toContain('nodejs_eventloop_lag_seconds');
  });

  it('serve several shards as one text, each series labelled with its shard', async () => {
    const first = createMetrics({ processMetrics: false });
    const second = createMetrics({ processMetrics: false });
    first.question('answered', 0.1);
    second.question('declined', 0.1);
    const { body } = await combineSnapshots([
      { label: '0', metrics: await first.snapshot() },
      { label: '1', metrics: await second.snapshot() },
    ]);
    expect(body.split('\n')).toContain('almanac_questions_total{status="answered",shard="0"} 1');
    expect(body.split('\n')).toContain('almanac_questions_total{status="declined",shard="1"} 1');
    expect(body.split('\n')).toContain('almanac_questions_total{status="answered",shard="1"} 0');
    expect(samples(body, '# TYPE almanac_questions_total')).toHaveLength(1);
  });
});
