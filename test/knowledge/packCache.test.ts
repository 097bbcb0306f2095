import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadServingPacks, readCachedPacks } from '../../src/knowledge/load.js';
import { packCacheIn } from '../../src/knowledge/packCache.js';

let root: string;
let packs: string;
let cacheDir: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'almanac-cache-'));
  packs = join(root, 'packs');
  cacheDir = join(root, 'cache');
  await cp('test/fixtures/knowledge/valid', packs, { recursive: true });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the cache of validated packs', () => {
  it('serves the same packs again without keeping more than one copy', async () => {
    const cache = packCacheIn(cacheDir);
    const first = await loadServingPacks(packs, root, cache);
    const second = await loadServingPacks(packs, root, cache);
    expect(first.ok).toBe(true);
    expect(second).toEqual(first);
    expect(await readdir(cacheDir)).toHaveLength(1);
  });

  it('reads a changed file again, and so never serves stale packs', async () => {
    const cache = packCacheIn(cacheDir);
    await loadServingPacks(packs, root, cache);
    const file = join(packs, 'planets.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('The solar system has eight planets.', 'Eight planets.'));
    const changed = await loadServingPacks(packs, root, cache);
    expect(changed.ok && changed.packs.flatMap((p) => p.facts.map((f) => f.answer))).toContain(
      'Eight planets.',
    );
    expect(await readdir(cacheDir)).toHaveLength(2);
  });

  it('gives the kept packs without parsing only while every file is unchanged', async () => {
    const cache = packCacheIn(cacheDir);
    expect(await readCachedPacks(packs, root, cache)).toBeUndefined();
    const loaded = await loadServingPacks(packs, root, cache);
    expect(await readCachedPacks(packs, root, cache)).toEqual(loaded);
    const file = join(packs, 'planets.yaml');
    await writeFile(file, `${await readFile(file, 'utf8')}\n# an edit\n`);
    expect(await readCachedPacks(packs, root, cache)).toBeUndefined();
    expect(await readCachedPacks(join(root, 'missing'), root, cache)).toBeUndefined();
  });

  it('passes over a damaged cache and validates the files as usual', async () => {
    const cache = packCacheIn(cacheDir);
    const first = await loadServingPacks(packs, root, cache);
    const [name] = await readdir(cacheDir);
    await writeFile(join(cacheDir, name!), '{"format": "almanac-packs-1", "packs": [{}]}');
    expect(await loadServingPacks(packs, root, cache)).toEqual(first);
  });

  it('keeps nothing of packs that do not validate', async () => {
    await writeFile(join(packs, 'broken.yaml'), 'id: [unclosed');
    const result = await loadServingPacks(packs, root, packCacheIn(cacheDir));
    expect(result.ok).toBe(false);
    await expect(readdir(cacheDir)).rejects.toThrow();
  });

  it('loads as usual when the cache folder cannot be made', async () => {
    const blocker = join(root, 'file');
    await writeFile(blocker, 'not a folder');
    const result = await loadServingPacks(packs, root, packCacheIn(join(blocker, 'cache')));
    expect(result.ok).toBe(true);
  });
});
