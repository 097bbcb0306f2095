import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InteractionResponseType } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEXT } from '../../src/discord/render/text.js';
import {
  LEARNER,
  TUTOR,
  callbackData,
  isRecord,
  loadAll,
  messageBody,
  messageWrites,
  slash,
  startHarness,
  type Harness,
} from './harness.js';

const PACK = 'bhutto-soviet-visit-1972.yaml';
const EDIT_ROUTE = '/webhooks/:applicationId/:token/messages/:messageId';

describe('/almanac reload, through the real discord.js client and the stand-in', () => {
  let dir: string;
  let original: string;
  let h: Harness;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'almanac-reload-'));
    for (const name of await readdir('knowledge')) {
      if (name.endsWith('.yaml')) await copyFile(join('knowledge', name), join(dir, name));
    }
    original = await readFile(join(dir, PACK), 'utf8');
    h = await startHarness({ packs: await loadAll([dir]), env: { KNOWLEDGE_DIR: dir } });
  });

  afterAll(async () => {
    await h?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  /** Runs `/almanac reload` as the tutor (Manage Server) and returns the edited reply. */
  async function reload() {
    const since = h.standIn.mark();
    const { token, response } = await slash(
      h,
      'almanac',
      {},
      { subcommand: 'reload', userId: TUTOR },
    );
    expect(callbackData(response)).toMatchObject({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      flags: 64,
    });
    const edit = await h.standIn.waitForRequest(
      (r) => r.method === 'PATCH' && r.route === EDIT_ROUTE && r.path.includes(token),
      { since },
    );
    return messageBody(edit);
  }

  async function answerTo(factId: string): Promise<string | undefined> {
    const { response } = await slash(h, 'ask', { question: `fact:${factId}` });
    return callbackData(response).embeds?.[0]?.description;
  }

  it('refuses members without Manage Server, privately, before doing anything', async () => {
    const since = h.standIn.mark();
    const { response } = await slash(h, 'almanac', {}, { subcommand: 'reload', userId: LEARNER });
    const data = callbackData(response);
    expect(data.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(data.flags).toBe(64);
    expect(data.content).toBe(TEXT.needsPermission('Manage Server'));
    expect(h.standIn.findRequests((r) => r.route === EDIT_ROUTE, since)).toEqual([]);
  });

  it('keeps answering from the old packs when the new ones are broken, and names file and line', async () => {
    const before = await answerTo('visit-dates');
    const lines = original.split('\n');
    const line = lines.findIndex((l) => l.includes('- id: visit-dates')) + 1;
    await writeFile(join(dir, PACK), original.replace('- id: visit-dates', '- id: Visit Dates'));

    const reply = await reload();
    expect(reply.embeds?.[0]?.title).toBe(TEXT.reloadFailedTitle);
    expect(reply.embeds?.[0]?.description).toContain(`${PACK}:${line}:`);
    expect(await answerTo('visit-dates')).toBe(before);
  });

  it('serves the new packs after a reload that validates, and says which facts changed', async () => {
    const start = original.indexOf('- id: visit-dates');
    const end = original.indexOf('\n  - id:', start);
    const block = original.slice(start, end);
    const changed = 'From 2 to 5 March 1972, Bhutto was in talks with the Soviet leadership.';
    const edited = block.replace(/answer: .*\n(?: {6}\S.*\n)*/, `answer: ${changed}\n`);
    expect(edited).not.toBe(block);
    await writeFile(join(dir, PACK), original.slice(0, start) + edited + original.slice(end));

    const reply = await reload();
    expect(reply.embeds?.[0]?.title).toBe(TEXT.reloadedTitle);
    expect(reply.embeds?.[0]?.fields).toContainEqual({
      name: 'Changed (1)',
      value: '`visit-dates`',
    });
    expect(await answerTo('visit-dates')).toBe(changed);
  });

  it('mentions nobody in any reply it sent or edited', () => {
    const writes = messageWrites(h.standIn.requests);
    expect(writes.length).toBeGreaterThan(4);
    for (const { allowedMentions } of writes) {
      expect(isRecord(allowedMentions) && allowedMentions['parse']).toEqual([]);
    }
  });
});
