import { statSync } from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PACK_READ_TIMEOUT_MS, readPackFile } from '../../src/knowledge/load.js';
import { PACK_FILE_PROBLEMS } from '../../src/knowledge/parse.js';

const PACK = 'test/fixtures/knowledge/valid/moon.yaml';

/** Whether the next `open` gives a handle whose reads never finish, as on a stalled mount. */
const stalled = vi.hoisted(() => ({ on: false }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  return {
    ...real,
    open: (...args: Parameters<typeof real.open>) =>
      stalled.on
        ? Promise.resolve({
            stat: () => Promise.resolve(statSync(PACK)),
            read: () => new Promise<never>(() => undefined),
            close: () => Promise.resolve(),
          })
        : real.open(...args),
  };
});

afterEach(() => {
  stalled.on = false;
  vi.useRealTimers();
});

describe('reading a pack file on a mount that stops answering', () => {
  it('gives up after the time box and names the file, instead of waiting for ever', async () => {
    vi.useFakeTimers();
    stalled.on = true;
    const reading = readPackFile(PACK, 'slow.yaml');
    await vi.advanceTimersByTimeAsync(PACK_READ_TIMEOUT_MS);
    const parsed = await reading;
    expect(parsed.data).toBeUndefined();
    expect(parsed.problems).toEqual([
      {
        file: 'slow.yaml',
        line: 1,
        col: 1,
        message: PACK_FILE_PROBLEMS.timedOut(PACK_READ_TIMEOUT_MS / 1000),
      },
    ]);
  });

  it('reads a file that answers as usual', async () => {
    const parsed = await readPackFile(PACK, 'moon.yaml');
    expect(parsed.problems).toEqual([]);
    expect(parsed.data).toMatchObject({ id: 'earth-moon' });
  });
});
