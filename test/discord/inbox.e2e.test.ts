import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InteractionResponseType, MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { english } from '../../src/knowledge/languages.js';
import { normalizeText } from '../../src/engine/normalize.js';
import type { Engine } from '../../src/engine/types.js';
import { INBOX_TEXT } from '../../src/discord/render/inbox.js';
import { TEXT } from '../../src/discord/render/text.js';
import type { Pack } from '../../src/knowledge/schema.js';
import { DEFAULT_IDS } from '../support/discord/standIn.js';
import { manualClock } from '../support/manualClock.js';
import { runTs } from '../support/spawn.js';
import {
  LEARNER,
  TUTOR,
  callbackData,
  click,
  customIds,
  loadAll,
  mention,
  messageBody,
  messageWrites,
  originalMessageId,
  slash,
  startHarness,
  type Harness,
} from './harness.js';

const T0 = Date.UTC(2026, 2, 2, 15);
const ANSWERED = 'How far is Mars from the Sun?';
const DECLINED = 'what is the boiling point of tungsten';
const AMBIGUOUS = 'how many moons does it have?';
const EPHEMERAL = MessageFlags.Ephemeral;

describe("the curator's inbox, through the real discord.js client and the stand-in", () => {
  let packs: Pack[];
  let engine: Engine;
  let h: Harness;
  let database: string;
  /** The fact the member picks from the "did you mean". */
  let pickedFact: string;

  beforeAll(async () => {
    packs = await loadAll(['test/fixtures/discord']);
    engine = createEngine(packs, { language: english });
    h = await startHarness({ packs, clock: manualClock(T0) });
    if (!('path' in h.store) || typeof h.store.path !== 'string') {
      throw new Error('the harness store is not the SQLite store');
    }
    database = h.store.path;

    // One question answered, one declined, one "did you mean" and then picked.
    const answered = await mention(h, ANSWERED);
    expect(messageBody(answered.reply).embeds?.[0]?.title).toBe(ANSWERED);
    const declined = await slash(h, 'ask', { question: DECLINED });
    expect(callbackData(declined.response).embeds?.[0]?.title).toBe(TEXT.declinedTitle);
    const ambiguous = await slash(h, 'ask', { question: AMBIGUOUS });
    const result = engine.ask(AMBIGUOUS);
    if (result.status !== 'ambiguous') throw new Error('the fixture question should be ambiguous');
    pickedFact = result.candidates[1]?.factId ?? '';
    const button = customIds(callbackData(ambiguous.response)).find((id) =>
      id.endsWith(`,${pickedFact}`),
    );
    if (!button) throw new Error(`no button picks ${pickedFact}`);
    const picked = await click(h, button, originalMessageId(h, ambiguous.id));
    expect(callbackData(picked.response).embeds?.[0]?.title).toBe(
      engine.fact(pickedFact)?.fact.question,
    );
  });

  afterAll(async () => {
    await h?.stop();
  });

  /** The group a declined question falls in: its closest suggestion that came close at all. */
  const declinedGroup = () => {
    const result = engine.ask(DECLINED);
    if (result.status !== 'no-match') throw new Error('the question should be declined');
    return result.suggestions.find((s) => s.confidence > 0)?.factId ?? null;
  };

  it('/almanac misses lists the declined and the picked question, privately, and not the answered one', async () => {
    const { response } = await slash(h, 'almanac', {}, { subcommand: 'misses', userId: TUTOR });
    const data = callbackData(response);
    expect(data.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect((data.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    const embed = data.embeds?.[0];
    expect(embed?.title).toBe(INBOX_TEXT.missesTitle(30));
    expect(embed?.description).toContain(INBOX_TEXT.missesLead(2, 2));
    const fields = embed?.fields ?? [];
    const pickedQuestion = engine.fact(pickedFact)?.fact.question ?? '';
    expect(fields).toContainEqual({
      name: expect.stringContaining(`${pickedQuestion} · 1 miss`),
      value: `\`${pickedFact}\`\n1× “${normalizeText(AMBIGUOUS)}” · did you mean 1, picked 1`,
    });
    const group = declinedGroup();
    const declinedTitle =
      group === null ? INBOX_TEXT.nothingClose : (engine.fact(group)?.fact.question ?? '');
    expect(fields).toContainEqual({
      name: expect.stringContaining(`${declinedTitle} · 1 miss`),
      value: expect.stringContaining(`1× “${DECLINED}” · declined 1`),
    });
    expect(JSON.stringify(fields)).not.toContain(normalizeText(ANSWERED));
  });

  it('npm run misses prints the same groups, with the YAML that adds the picked question', async () => {
    const run = await runTs('src/cli/misses.ts', ['--guild', DEFAULT_IDS.guild, '--days', '3650'], {
      env: { DATABASE_PATH: database, KNOWLEDGE_DIR: 'test/fixtures/discord' },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`server ${DEFAULT_IDS.guild}: 2 questions in 2 groups.`);
    expect(run.stdout).toContain(
      `. ${pickedFact}: ${engine.fact(pickedFact)?.fact.question}\n   1 miss, 1 picked this fact\n     1× ${normalizeText(AMBIGUOUS)}  (did you mean 1, picked 1)\n   YAML for test/fixtures/discord/planets.yaml, after line `,
    );
    expect(run.stdout).toContain(`\n      - ${normalizeText(AMBIGUOUS)}\n`);
    expect(run.stdout).toContain(`1× ${DECLINED}  (declined 1)`);
    expect(run.stdout).not.toContain(normalizeText(ANSWERED));
  });

  it('npm run misses --apply on a copy of the pack adds the alternate, and the validator passes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'almanac-inbox-pack-'));
    try {
      copyFileSync('test/fixtures/discord/planets.yaml', join(dir, 'planets.yaml'));
      const before = readFileSync(join(dir, 'planets.yaml'), 'utf8');
      const run = await runTs('src/cli/misses.ts', ['--apply', '--days', '3650'], {
        env: { DATABASE_PATH: database, KNOWLEDGE_DIR: dir },
      });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(
        new RegExp(
          `Added 1 alternate to ${pickedFact} in .*planets\\.yaml: ${normalizeText(AMBIGUOUS)}\\n`,
        ),
      );
      expect(run.stdout).toContain('The validator passes (');
      const after = readFileSync(join(dir, 'planets.yaml'), 'utf8');
      expect(after.split('\n').filter((l) => !before.split('\n').includes(l))).toEqual([
        `      - ${normalizeText(AMBIGUOUS)}`,
      ]);
      const validate = await runTs('src/cli/validate.ts', [dir]);
      expect(validate.code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('"Not what I asked" shows the clicker the alternatives privately, says it was noted, and files the question as a miss', async () => {
    const asked = await slash(h, 'ask', { question: ANSWERED });
    const other = customIds(callbackData(asked.response)).find((id) => id.startsWith('ask:other:'));
    if (!other) throw new Error('the answer has no "Not what I asked" button');
    const clicked = await click(h, other, originalMessageId(h, asked.id));
    const data = callbackData(clicked.response);
    expect((data.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(data.embeds?.[0]?.title).toBe(TEXT.alternativesTitle);
    expect(data.embeds?.[0]?.description).toContain(TEXT.notWhatIAskedNoted);
    const alternative = customIds(data)[0] ?? '';
    expect(alternative).toMatch(/^ask:pick:[0-9a-z]+,/);

    await click(h, alternative, originalMessageId(h, clicked.id));
    const { response } = await slash(h, 'almanac', {}, { subcommand: 'misses', userId: TUTOR });
    const fields = callbackData(response).embeds?.[0]?.fields ?? [];
    const altFact = alternative.split(',').at(-1) ?? '';
    expect(fields).toContainEqual({
      name: expect.stringContaining(engine.fact(altFact)?.fact.question ?? altFact),
      value: expect.stringContaining(`1× “${normalizeText(ANSWERED)}” · picked 1`),
    });
  });

  it('/almanac stats counts the questions by outcome and by day, and names the facts given', async () => {
    const { response } = await slash(h, 'almanac', {}, { subcommand: 'stats', userId: TUTOR });
    const embed = callbackData(response).embeds?.[0];
    expect(embed?.title).toBe(INBOX_TEXT.statsTitle(30));
    // The three questions, and the second asking of the answered one.
    expect(embed?.description).toContain(INBOX_TEXT.statsLead(4));
    expect(embed?.description).toContain(
      'Answered: 2 (50%) · Did you mean: 1 (25%) · Declined: 1 (25%)',
    );
    expect(embed?.description).toContain(INBOX_TEXT.notWhatIAsked(1));
    expect(embed?.fields?.[0]?.value).toContain('2026-03-02 4 ');
    // Facts given: the one answered (not the one flagged), and each one picked.
    expect(embed?.fields?.[1]?.value).toContain(
      `1 · ${engine.fact(pickedFact)?.fact.question} (\`${pickedFact}\`)`,
    );
  });

  it('refuses the reports to a member without Manage Server, showing no question', async () => {
    for (const subcommand of ['misses', 'stats']) {
      const { response } = await slash(h, 'almanac', {}, { subcommand, userId: LEARNER });
      const data = callbackData(response);
      expect(data.flags).toBe(EPHEMERAL);
      expect(data.content).toBe(TEXT.needsPermission('Manage Server'));
      expect(data.embeds ?? []).toEqual([]);
    }
  });

  it('pings nobody in anything it sent', () => {
    for (const write of messageWrites(h.standIn.requests)) {
      expect(write.allowedMentions).toEqual({ parse: [], replied_user: false });
    }
  });
});
