import { resolve } from 'node:path';
import type { Engine } from '../engine/types.js';
import { engineFor } from '../knowledge/engineFor.js';
import { loadServingPacks } from '../knowledge/load.js';
import type { PackCache } from '../knowledge/packCache.js';
import { formatProblem } from '../knowledge/problem.js';

export type EngineLoad =
  | { readonly ok: true; readonly engine: Engine; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly message: string };

/**
 * Loads the packs in `knowledgeDir` and builds the engine. A broken pack comes back as the
 * validator's messages, one per line, never as a stack trace.
 */
export async function loadEngine(knowledgeDir: string, cache?: PackCache): Promise<EngineLoad> {
  const result = await loadServingPacks(resolve(knowledgeDir), process.cwd(), cache);
  if (!result.ok) {
    const lines = result.errors.map(formatProblem);
    return {
      ok: false,
      message: `The knowledge packs in ${knowledgeDir} have ${lines.length} problem(s):\n${lines.map((l) => `  ${l}`).join('\n')}`,
    };
  }
  return {
    ok: true,
    engine: engineFor(result.packs),
    warnings: result.warnings.map(formatProblem),
  };
}
