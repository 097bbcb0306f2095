import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEXT } from '../../src/discord/render/text.js';
import { DEFAULT_IDS } from '../support/discord/standIn.js';
import { manualClock } from '../support/manualClock.js';
import {
  BOT,
  LEARNER,
  TUTOR,
  callbackData,
  loadAll,
  mention,
  replyTo,
  slash,
  startHarness,
  type Harness,
} from './harness.js';

const REACTION_ROUTE = '/channels/:channelId/messages/:messageId/reactions/:emoji/@me';
const QUESTION = 'How far is Mars from the Sun?';

describe('the cooldown, through the real discord.js client and the stand-in', () => {
  let h: Harness;

  beforeAll(async () => {
    const packs = await loadAll(['test/fixtures/discord']);
    // The clock stands still, so the whole burst falls inside one window.
    h = await startHarness({
      packs,
      env: { COOLDOWN_QUESTIONS: '4', COOLDOWN_SECONDS: '10' },
      clock: manualClock(1_800_000_000_000),
    });
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('answers at most 4 of a burst of 50 mentions from one user and reacts exactly once', async () => {
    const since = h.standIn.mark();
    const burst = Array.from({ length: 50 }, () =>
      h.standIn.sendMessage({
        content: `<@${BOT}> ${QUESTION}`,
        mentionsBot: true,
        authorId: LEARNER,
      }),
    );
    const reaction = await h.standIn.waitForRequest(
      (r) => r.method === 'PUT' && r.route === REACTION_ROUTE,
      { since },
    );
    // Another user's question is answered after everything the burst set off on the same route.
    await mention(h, QUESTION, { authorId: TUTOR });

    const answered = burst.filter((m) => h.standIn.findRequests(replyTo(m.id), since).length > 0);
    expect(answered.map((m) => m.id)).toEqual(burst.slice(0, 4).map((m) => m.id));
    const reactions = h.standIn.findRequests((r) => r.route === REACTION_ROUTE, since);
    expect(reactions).toHaveLength(1);
    expect(reaction.path).toBe(
      `/channels/${DEFAULT_IDS.textChannel}/messages/${burst[4]?.id}/reactions/⏳/@me`,
    );
  });

  it('answers a command over the cooldown with a private notice', async () => {
    const { response } = await slash(h, 'ask', { question: QUESTION }, { userId: LEARNER });
    const data = callbackData(response);
    expect(data.flags).toBe(64);
    expect(data.content).toMatch(/^You are asking faster than I can keep up with/);
    expect(data.content).toBe(TEXT.cooldown(10));
  });
});
