import { parentPort, workerData } from 'node:worker_threads';
import { InternalError } from '../errors.js';
import { loadServingPacks } from '../knowledge/load.js';
import { packCacheIn } from '../knowledge/packCache.js';
import { NEXT_PIECE, piecesOf } from './packMessages.js';

/**
 * The worker thread the bot loads its packs on, at start and at `/almanac reload` (started by
 * `loadPacksInWorker` in `packLoader.ts`): reads, parses and validates the knowledge folder (or
 * reads it from the pack cache), the seconds of work a large folder costs, away from the thread
 * that answers Discord, and posts the `ValidationResult` back in pieces (`packMessages.ts`).
 */

if (!parentPort) throw new InternalError('packWorker.ts runs only as a worker thread');
const request: unknown = workerData;
if (
  typeof request !== 'object' ||
  request === null ||
  !('dir' in request) ||
  typeof request.dir !== 'string' ||
  !('cwd' in request) ||
  typeof request.cwd !== 'string'
) {
  throw new InternalError('packWorker.ts needs { dir, cwd } as its workerData');
}
const cache =
  'cacheDir' in request && typeof request.cacheDir === 'string'
    ? packCacheIn(request.cacheDir)
    : undefined;
const port = parentPort;
const pieces = piecesOf(await loadServingPacks(request.dir, request.cwd, cache));
// The first piece at once, every later one when the main thread asks for it (see packMessages.ts).
const post = () => {
  const piece = pieces.next();
  if (!piece.done) port.postMessage(piece.value);
};
port.on('message', (message: unknown) => {
  if (message === NEXT_PIECE) post();
});
post();
