import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { setTimeout as sleep } from 'node:timers/promises';
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { english } from '../../src/knowledge/languages.js';
import { normalizeText } from '../../src/engine/normalize.js';
import type { Engine } from '../../src/engine/types.js';
import {
  DEFAULT_IDS,
  defaultGuildSpec,
  type GuildSpec,
  type RecordedRequest,
} from '../support/discord/standIn.js';
import { manualClock, type ManualClock } from '../support/manualClock.js';
import { BOT, TUTOR, loadAll, mention, replyTo, startHarness, type Harness } from './harness.js';

const T0 = Date.UTC(2026, 3, 1, 9);
const USERS = 50;
const CHANNELS = 5;
const ROUNDS = 4;
/** Each round, every member asks one more than the cooldown lets through. */
const PER_ROUND = 5;
const COOLDOWN = { questions: 4, seconds: 10 } as const;
const REACTION_ROUTE = '/channels/:channelId/messages/:messageId/reactions/:emoji/@me';

/** Answered, "did you mean" and declined questions alike, in no particular order. */
const QUESTIONS = [
  'How far is Mars from the Sun?',
  'how many moons does it have?',
  'what is the boiling point of tungsten',
  'How many moons does Jupiter have?',
  'who painted the mona lisa',
  'how far away is jupiter',
  'recipe for pizza?',
] as const;

const memberId = (i: number) => `41000000000000${String(i).padStart(4, '0')}`;
const channelId = (i: number) => `31000000000000${String(i).padStart(4, '0')}`;

/** The default server, with 5 text channels and 50 members more. */
function burstGuild(): GuildSpec {
  const base = defaultGuildSpec();
  return {
    ...base,
    channels: [
      ...(base.channels ?? []),
      ...Array.from({ length: CHANNELS }, (_, i) => ({
        id: channelId(i),
        name: `study-${i}`,
        parentId: DEFAULT_IDS.category,
        position: 2 + i,
      })),
    ],
    members: [
      ...(base.members ?? []),
      ...Array.from({ length: USERS }, (_, i) => ({
        user: { id: memberId(i), username: `member${i}`, globalName: `Member ${i}` },
      })),
    ],
  };
}

/**
 * A forced garbage collection. vitest's workers are not started with `--expose-gc`; V8 lets the
 * flag be set at run time, and a fresh context then has `gc`. Returns undefined if not.
 */
function exposeGc(): (() => void) | undefined {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('typeof gc === "function" ? gc : undefined');
  return typeof gc === 'function' ? () => void gc() : undefined;
}

describe('a burst of 1,000 questions from 50 members over 5 channels', () => {
  let h: Harness;
  let clock: ManualClock;
  let engine: Engine;
  let gc: (() => void) | undefined;

  beforeAll(async () => {
    const packs = await loadAll(['test/fixtures/discord']);
    engine = createEngine(packs, { language: english });
    clock = manualClock(T0);
    gc = exposeGc();
    h = await startHarness({
      packs,
      clock,
      env: {
        COOLDOWN_QUESTIONS: String(COOLDOWN.questions),
        COOLDOWN_SECONDS: String(COOLDOWN.seconds),
        LOG_LEVEL: 'warn',
      },
      standIn: { guilds: [burstGuild()] },
    });
  });

  afterAll(async () => {
    await h?.stop();
  });

  /**
   * One round: every member asks `PER_ROUND` questions in their channel, interleaved; the clock
   * stands still, so the last of each member's is over the cooldown. Resolves once every
   * answer and every ⏳ has been sent, then moves the clock past the cooldown window.
   */
  async function round(index: number): Promise<{ within: APIMessage[]; over: APIMessage[] }> {
    const since = h.standIn.mark();
    const within: APIMessage[] = [];
    const over: APIMessage[] = [];
    for (let k = 0; k < PER_ROUND; k++) {
      for (let u = 0; u < USERS; u++) {
        const question = QUESTIONS[(u + k + index) % QUESTIONS.length] ?? QUESTIONS[0];
        const message = h.standIn.sendMessage({
          content: `<@${BOT}> ${question}`,
          mentionsBot: true,
          authorId: memberId(u),
          channelId: channelId(u % CHANNELS),
        });
        (k < COOLDOWN.questions ? within : over).push(message);
      }
    }
    // Each member's one message over the cooldown gets the ⏳, once per window.
    const reacted = (m: APIMessage) => (r: RecordedRequest) =>
      r.route === REACTION_ROUTE && r.path.includes(`/messages/${m.id}/`);
    await Promise.all([
      ...within.map((m) => h.standIn.waitForRequest(replyTo(m.id), { since, timeoutMs: 60_000 })),
      ...over.map((m) => h.standIn.waitForRequest(reacted(m), { since, timeoutMs: 60_000 })),
    ]);
    clock.advance(COOLDOWN.seconds * 1000);
    return { within, over };
  }

  /** After everything the burst set off: one more question per channel, answered last. */
  async function settle(): Promise<void> {
    for (let c = 0; c < CHANNELS; c++) {
      await mention(h, 'How far is Mars from the Sun?', {
        authorId: TUTOR,
        channelId: channelId(c),
      });
      clock.advance(COOLDOWN.seconds * 1000);
    }
  }

  /** The heap once collected and settled, with the stand-in's own logs of requests emptied. */
  async function heapUsed(): Promise<number> {
    h.standIn.clearRequests();
    for (let i = 0; i < 3; i++) {
      gc?.();
      await sleep(50);
    }
    return process.memoryUsage().heapUsed;
  }

  /** How many times each missed question (as normalised) is in this server's inbox. */
  function inbox(): Map<string, number> {
    const report = h.store.missReport({
      guildId: DEFAULT_IDS.guild,
      since: T0,
      groups: 100,
      questionsPerGroup: 100,
    });
    const counted = new Map<string, number>();
    for (const group of report.groups) {
      for (const line of group.questions) {
        counted.set(line.question, (counted.get(line.question) ?? 0) + line.count);
      }
    }
    return counted;
  }

  it('answers every question within the cooldown exactly once, records each once, and lets memory go', async () => {
    // Warm-up: discord.js's message caches filled (100 a channel), code compiled, pages read.
    await round(ROUNDS);
    await round(ROUNDS + 1);
    await settle();
    const baseline = await heapUsed();
    const recordedBefore = h.store.questionStats({ guildId: DEFAULT_IDS.guild, since: T0 });
    const inboxBefore = inbox();
    const messagesBefore = new Set(h.standIn.state.messages.keys());

    const since = h.standIn.mark();
    const within: APIMessage[] = [];
    const over: APIMessage[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const asked = await round(r);
      within.push(...asked.within);
      over.push(...asked.over);
    }
    await settle();
    expect(within.length + over.length).toBe(1000);
    expect(within).toHaveLength(800);

    const replies = (m: APIMessage) => h.standIn.findRequests(replyTo(m.id), since).length;
    expect(within.filter((m) => replies(m) !== 1)).toEqual([]);
    expect(over.filter((m) => replies(m) !== 0)).toEqual([]);
    expect(h.standIn.findRequests((r) => r.route === REACTION_ROUTE, since)).toHaveLength(
      over.length,
    );

    // Every question answered is recorded once (the settling ones too); every miss once, under
    // its own words, and nothing of the questions over the cooldown.
    const stats = h.store.questionStats({ guildId: DEFAULT_IDS.guild, since: T0 });
    expect(stats.questions - recordedBefore.questions).toBe(within.length + CHANNELS);
    const missed = new Map<string, number>();
    for (const m of within) {
      const question = m.content.replace(`<@${BOT}> `, '');
      if (engine.ask(question).status === 'answered') continue;
      const key = normalizeText(question);
      missed.set(key, (missed.get(key) ?? 0) + 1);
    }
    expect([...missed.keys()].length).toBeGreaterThanOrEqual(3);
    const inboxAfter = inbox();
    for (const [question, count] of missed) {
      expect({
        question,
        recorded: (inboxAfter.get(question) ?? 0) - (inboxBefore.get(question) ?? 0),
      }).toEqual({ question, recorded: count });
    }
    const missesRecorded =
      stats.didYouMean + stats.declined - recordedBefore.didYouMean - recordedBefore.declined;
    expect(missesRecorded).toBe([...missed.values()].reduce((n, c) => n + c, 0));

    // Memory: what the process holds after the burst is what it held before, but for what the
    // stand-in (in this same process) keeps on purpose. Its copies of the messages and its log of
    // requests are let go here (and in `heapUsed`); but every gateway session keeps each payload
    // it dispatched, to replay on RESUME, and that cannot be emptied through its API. Those
    // payloads are the burst's messages: their size is measured and allowed for two and a half
    // times over (JSON text is smaller than the objects it describes), with 2 MB for the heap's
    // own noise and the code compiled on the way. A leak of 1.5 KB a question would not pass.
    const dispatched = JSON.stringify([...within, ...over]).length;
    for (const id of [...h.standIn.state.messages.keys()]) {
      if (!messagesBefore.has(id)) h.standIn.state.messages.delete(id);
    }
    within.length = 0;
    over.length = 0;
    const growth = (await heapUsed()) - baseline;
    expect(growth).toBeLessThan(2 * 1024 * 1024 + 2.5 * dispatched);
  }, 300_000);
});
