import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MISSES_USAGE, runMisses, runStats, STATS_USAGE } from '../../src/cli/inboxCommands.js';
import { STORE_ERROR_MESSAGES } from '../../src/store/errorMessages.js';
import { openStore, type SqliteStore } from '../../src/store/sqlite.js';
import type { NewAskedQuestion } from '../../src/store/types.js';

const GUILD = '200000000000000001';
const OTHER_GUILD = '200000000000000002';
const NOW = Date.UTC(2026, 0, 10, 12);
const PACK = 'knowledge/planets.yaml';

let folder: string;
let store: SqliteStore;

/** A question on `GUILD` an hour ago, declined near `mars-distance`, unless overridden. */
function asked(overrides: Partial<NewAskedQuestion> = {}): NewAskedQuestion {
  return {
    askedAt: NOW - 60 * 60 * 1000,
    guildId: GUILD,
    channelId: '300000000000000001',
    userId: null,
    surface: 'message',
    scope: null,
    status: 'declined',
    question: 'how distant is mars',
    factId: null,
    confidence: 0.3,
    candidates: [{ factId: 'mars-distance', confidence: 0.3 }],
    ...overrides,
  };
}

/** Runs a command in the test folder; its exit code and everything it printed. */
async function run(command: typeof runMisses, argv: readonly string[], env = {}) {
  let out = '';
  let err = '';
  const code = await command(argv, {
    env: { DATABASE_PATH: 'almanac.sqlite', KNOWLEDGE_DIR: 'knowledge', ...env },
    cwd: folder,
    now: NOW,
    out: (text) => (out += text),
    err: (text) => (err += text),
  });
  return { code, out, err };
}

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'almanac-inbox-'));
  mkdirSync(join(folder, 'knowledge'));
  copyFileSync('test/fixtures/discord/planets.yaml', join(folder, PACK));
  const opened = openStore({ path: join(folder, 'almanac.sqlite') });
  if (!opened.ok) throw opened.error;
  store = opened.store;
});

afterEach(() => {
  store.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('npm run misses', () => {
  it('prints the misses grouped by fact, with the YAML that adds the confirmed ones', async () => {
    const picked = store.recordQuestion(asked({ question: 'how distant is mars' }));
    store.recordPick({ id: picked, factId: 'mars-distance', guildId: GUILD, at: NOW });
    store.recordQuestion(asked({ question: 'how distant is mars' }));
    store.recordQuestion(asked({ question: 'mars remoteness', status: 'did-you-mean' }));
    store.recordQuestion(
      asked({ question: 'boiling point of tungsten', confidence: 0, candidates: [] }),
    );
    store.recordQuestion(asked({ status: 'answered', factId: 'mars-moons', question: null }));

    const { code, out, err } = await run(runMisses, []);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toBe(
      [
        'Misses in the last 30 days, every server, direct messages and the console: 4 questions in 2 groups.',
        '',
        '1. mars-distance: How far is Mars from the Sun?',
        '   3 misses, 1 picked this fact',
        '     2× how distant is mars  (declined 2, picked 1)',
        '     1× mars remoteness  (did you mean 1)',
        `   YAML for ${PACK}, after line 22 (alternates of mars-distance; to add: 1 question):`,
        '      - how distant is mars',
        '      # - mars remoteness',
        '',
        '2. Nothing close',
        '   1 miss',
        '     1× boiling point of tungsten  (declined 1)',
        '   No fact came close: a new fact (or a new pack) may be what is missing.',
        '',
      ].join('\n'),
    );
  });

  it('reads one server with --guild, over the days asked for', async () => {
    store.recordQuestion(asked({ question: 'elsewhere', guildId: OTHER_GUILD }));
    store.recordQuestion(asked({ question: 'long ago', askedAt: NOW - 40 * 24 * 60 * 60 * 1000 }));
    const { out } = await run(runMisses, ['--guild', GUILD, '--days', '7']);
    expect(out).toBe(
      'Misses in the last 7 days, server 200000000000000001: 0 questions in 0 groups.\n' +
        'Nothing was missed: no question was declined, asked "did you mean" or flagged "not what I asked".\n',
    );
  });

  it('--apply writes the confirmed questions into the pack and the validator passes', async () => {
    const before = readFileSync(join(folder, PACK), 'utf8');
    const picked = store.recordQuestion(asked());
    store.recordPick({ id: picked, factId: 'mars-distance', guildId: GUILD, at: NOW });
    store.recordQuestion(asked({ question: 'mars remoteness' }));

    const { code, out } = await run(runMisses, ['--apply']);
    expect(code).toBe(0);
    expect(out).toContain(
      `Added 1 alternate to mars-distance in ${PACK}: how distant is mars\nThe validator passes (`,
    );
    const after = readFileSync(join(folder, PACK), 'utf8');
    expect(after).toBe(
      before.replace(
        '      - average orbital distance of mars\n',
        '      - average orbital distance of mars\n      - how distant is mars\n',
      ),
    );

    // Applied once: a second run finds it in the fact and adds nothing.
    const again = await run(runMisses, ['--apply']);
    expect(again.out).toContain('Already in the fact: how distant is mars');
    expect(again.out).toContain('Nothing to add');
    expect(readFileSync(join(folder, PACK), 'utf8')).toBe(after);
  });

  it('--apply puts the pack back as it was when the validator refuses the change', async () => {
    const before = readFileSync(join(folder, PACK), 'utf8');
    // Another fact's own wording as an alternate of this one: the duplicate-phrasing rule.
    const picked = store.recordQuestion(asked({ question: 'how far away is jupiter' }));
    store.recordPick({ id: picked, factId: 'mars-distance', guildId: GUILD, at: NOW });

    const { code, out } = await run(runMisses, ['--apply']);
    expect(code).toBe(1);
    expect(out).toMatch(
      /The validator refused the new alternates \(\d+ errors?\), so knowledge\/planets\.yaml was restored as it was:/,
    );
    expect(out).toMatch(/knowledge\/planets\.yaml:\d+:\d+ /);
    expect(readFileSync(join(folder, PACK), 'utf8')).toBe(before);
  });

  it('--apply writes nothing when the packs do not validate as they are', async () => {
    writeFileSync(join(folder, 'knowledge', 'broken.yaml'), 'id: [unclosed\n');
    const picked = store.recordQuestion(asked());
    store.recordPick({ id: picked, factId: 'mars-distance', guildId: GUILD, at: NOW });
    const before = readFileSync(join(folder, PACK), 'utf8');
    const { code, err } = await run(runMisses, ['--apply']);
    expect(code).toBe(1);
    expect(err).toContain('Nothing was applied: fix the packs first (npm run validate).');
    expect(readFileSync(join(folder, PACK), 'utf8')).toBe(before);
  });

  it('refuses an unknown flag or a bad number with the usage, and exits 2', async () => {
    for (const argv of [
      ['--bogus'],
      ['--days', '0'],
      ['--limit', 'ten'],
      ['--guild', 'x'],
      ['extra'],
    ]) {
      const { code, out, err } = await run(runMisses, argv);
      expect({ code, out }).toEqual({ code: 2, out: '' });
      expect(err).toContain(MISSES_USAGE);
    }
    expect((await run(runStats, ['--apply'])).code).toBe(2);
  });

  it('says there is no database rather than making one', async () => {
    const { code, err } = await run(runMisses, [], { DATABASE_PATH: 'nowhere.sqlite' });
    expect(code).toBe(1);
    expect(err).toBe(`${STORE_ERROR_MESSAGES.missingDatabase(join(folder, 'nowhere.sqlite'))}\n`);
  });
});

describe('npm run stats', () => {
  it('prints the day by day volume, the outcomes, the median and the most and least asked facts', async () => {
    store.recordQuestion(asked({ status: 'answered', factId: 'mars-moons', confidence: 0.9 }));
    store.recordQuestion(asked({ status: 'answered', factId: 'mars-moons', confidence: 0.8 }));
    store.recordQuestion(asked({ confidence: 0.2, askedAt: NOW - 24 * 60 * 60 * 1000 }));

    const { code, out } = await run(runStats, ['--days', '2', '--limit', '2']);
    expect(code).toBe(0);
    expect(out).toBe(
      [
        'Questions in the last 2 days, every server, direct messages and the console: 3',
        '  answered     2  (67%)',
        '  did you mean 0  (0%)',
        '  declined     1  (33%)',
        '  "Not what I asked" on 0 answers',
        'Median confidence: 80% (answered questions: 85%)',
        '',
        'Questions per day (UTC):',
        '  2026-01-09  1  ████████████████████',
        '  2026-01-10  2  ████████████████████████████████████████',
        '',
        'Most asked facts:',
        '  2  mars-moons  How many moons does Mars have?',
        '',
        'Least asked facts:',
        '  0  mars-distance  How far is Mars from the Sun?',
        '  0  jupiter-distance  How far is Jupiter from the Sun?',
        '',
      ].join('\n'),
    );
    expect(STATS_USAGE).toContain('--days N');
  });
});
