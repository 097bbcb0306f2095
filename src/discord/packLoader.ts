import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ValidationResult } from '../knowledge/validate.js';
import { createAssembler, isWorkerMessage, NEXT_PIECE } from './packMessages.js';

/** Whether this module runs from TypeScript sources (`node --import tsx`, vitest) or a build. */
const FROM_SOURCES = fileURLToPath(import.meta.url).endsWith('.ts');

/**
 * Starts the worker thread on `packWorker`, beside this module. From a build, that is
 * `packWorker.js`. From TypeScript sources, Node 20 does not apply the main thread's
 * `--import tsx` to a worker (its module hooks stay on the main thread), so the worker starts
 * from a line of plain JavaScript that imports `packWorker.ts` through tsx's own API.
 */
function startWorker(workerData: WorkerRequest): Worker {
  if (!FROM_SOURCES) return new Worker(new URL('./packWorker.js', import.meta.url), { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./packWorker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => api.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}));`;
  return new Worker(boot, { eval: true, workerData });
}

/** What the worker is asked: the folder, the folder paths are reported from, the pack cache's. */
export interface WorkerRequest {
  readonly dir: string;
  readonly cwd: string;
  readonly cacheDir?: string;
}

/** The message of a worker that stopped because its load was abandoned. */
export class LoadAbandonedError extends Error {
  override readonly name = 'LoadAbandonedError';
}

/**
 * `loadServingPacks(dir)` on a worker thread: the reading, YAML parsing and validation of a
 * large folder (seconds for 10,000 facts) happen off the thread that answers Discord, which only
 * receives the result, in pieces of a few milliseconds each (`packMessages.ts`). The memory the
 * parsing takes goes with the worker, so the bot does not keep a heap grown for it. With
 * `cacheDir`, packs validated before are read from the pack cache there (`packCache.ts`). The packs are not
 * validated again on arrival: the worker ran the same validator, and a second zod pass here would
 * cost the event loop what the worker saved. Aborting `signal` terminates the worker and rejects
 * with a {@link LoadAbandonedError}; a worker that fails rejects with its error.
 */
export function loadPacksInWorker(
  dir: string,
  options: {
    readonly cwd?: string;
    readonly cacheDir?: string;
    readonly signal?: AbortSignal;
  } = {},
): Promise<ValidationResult> {
  const { signal } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new LoadAbandonedError('the pack load was abandoned before it started'));
      return;
    }
    const worker = startWorker({
      dir,
      cwd: options.cwd ?? process.cwd(),
      ...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }),
    });
    let settled = false;
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      settle();
      void worker.terminate();
    };
    const onAbort = () =>
      finish(() => reject(new LoadAbandonedError('the pack load was abandoned')));
    signal?.addEventListener('abort', onAbort, { once: true });
    const assemble = createAssembler();
    const onMessage = (message: unknown) => {
      if (settled) return;
      let whole: ValidationResult | undefined;
      try {
        if (!isWorkerMessage(message)) {
          throw new Error('the pack worker posted something other than a piece of its result');
        }
        whole = assemble(message);
      } catch (error) {
        finish(() => reject(error instanceof Error ? error : new Error(String(error))));
        return;
      }
      if (whole) {
        const result = whole;
        finish(() => resolve(result));
      } else worker.postMessage(NEXT_PIECE);
    };
    worker.on('message', onMessage);
    worker.once('error', (error) => finish(() => reject(error)));
    worker.once('exit', (code) =>
      finish(() => reject(new Error(`the pack worker exited with code ${code} before answering`))),
    );
  });
}
