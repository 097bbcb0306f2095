import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LEAN_FLAGS, LEAN_UP_TO_BYTES, wantsLeanRuntime } from '../../src/cli/leanRuntime.js';

describe('the console over a small folder runs without the optimising compilers', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'almanac-lean-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('runs lean over the bundled knowledge when no token is set, or a blank one', async () => {
    expect(await wantsLeanRuntime({})).toBe(true);
    expect(await wantsLeanRuntime({ DISCORD_TOKEN: '  ', KNOWLEDGE_DIR: '' })).toBe(true);
  });

  it('keeps the compilers for the bot, whatever its knowledge', async () => {
    expect(await wantsLeanRuntime({ DISCORD_TOKEN: 'abc.def.ghi' })).toBe(false);
  });

  it('keeps them for a folder whose packs are large, counting only pack files', async () => {
    await writeFile(join(dir, 'small.yaml'), 'x'.repeat(1000));
    await writeFile(join(dir, 'notes.txt'), 'x'.repeat(LEAN_UP_TO_BYTES * 2));
    expect(await wantsLeanRuntime({ KNOWLEDGE_DIR: dir })).toBe(true);
    await writeFile(join(dir, 'large.yml'), 'x'.repeat(LEAN_UP_TO_BYTES));
    expect(await wantsLeanRuntime({ KNOWLEDGE_DIR: dir })).toBe(false);
  });

  it('keeps them when the folder cannot be measured, and leaves the saying why to the loader', async () => {
    expect(await wantsLeanRuntime({ KNOWLEDGE_DIR: join(dir, 'missing') })).toBe(false);
  });

  it('only ever takes compiler tiers away', () => {
    for (const flag of LEAN_FLAGS) expect(flag).toMatch(/^--(no-|optimize-for-size$)/);
  });
});
