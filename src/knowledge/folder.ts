import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Where the packs are read from when `KNOWLEDGE_DIR` is unset or blank: the bundled knowledge. */
export const DEFAULT_KNOWLEDGE_DIR = './knowledge';

/** The pack files of a folder, as the loader reads them (`load.ts`). */
export const PACK_FILE_NAME = /\.ya?ml$/i;

/**
 * How many bytes the pack files in `dir` hold, from the folder's listing and each file's size
 * (nothing is read), or undefined when that cannot be told within `timeoutMs`: a folder that
 * cannot be listed, a file that cannot be stat'ed, a filesystem that does not answer. Only a
 * hint: the loader says what is wrong with the folder.
 */
export async function packBytes(dir: string, timeoutMs: number): Promise<number | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((done) => {
    timer = setTimeout(() => done(undefined), timeoutMs);
  });
  const measured = (async () => {
    const names = (await readdir(dir)).filter((name) => PACK_FILE_NAME.test(name));
    let total = 0;
    for (const name of names) total += (await stat(join(dir, name))).size;
    return total;
  })().catch(() => undefined);
  try {
    return await Promise.race([measured, late]);
  } finally {
    clearTimeout(timer);
  }
}
