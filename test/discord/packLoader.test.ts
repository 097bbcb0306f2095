import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePacks } from '../../src/bench/processes.js';
import { benchVocabulary, generateWorld } from '../../src/bench/synthetic.js';
import { LoadAbandonedError, loadPacksInWorker } from '../../src/discord/packLoader.js';
import { loadServingPacks } from '../../src/knowledge/load.js';

const PACK = 'bhutto-soviet-visit-1972.yaml';

describe('loading the packs on a worker thread', () => {
  let broken: string;

  beforeAll(async () => {
    broken = await mkdtemp(join(tmpdir(), 'almanac-pack-worker-'));
    await copyFile(join('knowledge', PACK), join(broken, PACK));
    await writeFile(join(broken, 'broken.yaml'), 'id: Not Kebab\nfacts: [\n');
  });

  afterAll(async () => {
    await rm(broken, { recursive: true, force: true });
  });

  it('gives what loading on this thread gives, for packs that validate', async () => {
    expect(await loadPacksInWorker('knowledge')).toEqual(await loadServingPacks('knowledge'));
  });

  it('hands over a large folder whole, every fact in its order, though it comes in pieces', async () => {
    const large = join(broken, 'large');
    await mkdir(large);
    const world = generateWorld(benchVocabulary(), { seed: 5, facts: 1_200, unseen: 0 });
    await writePacks(large, world.packs);
    const result = await loadPacksInWorker(large);
    expect(result).toEqual(await loadServingPacks(large));
    expect(result.ok && result.packs.flatMap((pack) => pack.facts).length).toBe(1_200);
  });

  it('gives the same problems, file and line, for packs that do not', async () => {
    const result = await loadPacksInWorker(broken);
    expect(result.ok).toBe(false);
    expect(result).toEqual(await loadServingPacks(broken));
  });

  it('keeps the packs it validated in the cache folder and serves the next load from it', async () => {
    const cacheDir = join(broken, 'cache');
    const first = await loadPacksInWorker('knowledge', { cacheDir });
    expect(first.ok).toBe(true);
    const kept = await readdir(cacheDir);
    expect(kept).toHaveLength(1);
    // A kept result whose packs were changed on disk is what the next load reads: it came from
    // the cache, not from parsing the YAML again.
    const path = join(cacheDir, kept[0]!);
    // The cache's own file, written just above: its shape is known.
    const entry = JSON.parse(await readFile(path, 'utf8')) as { packs: { title: string }[] };
    entry.packs[0]!.title = 'Read from the cache';
    await writeFile(path, JSON.stringify(entry));
    const second = await loadPacksInWorker('knowledge', { cacheDir });
    expect(second.ok && second.packs[0]!.title).toBe('Read from the cache');
  });

  it('stops the worker and rejects when its signal is aborted', async () => {
    const controller = new AbortController();
    const loading = loadPacksInWorker('knowledge', { signal: controller.signal });
    controller.abort();
    await expect(loading).rejects.toBeInstanceOf(LoadAbandonedError);
    await expect(
      loadPacksInWorker('knowledge', { signal: controller.signal }),
    ).rejects.toBeInstanceOf(LoadAbandonedError);
  });
});
