import { loadPacks } from '../../src/knowledge/load.js';
import type { Pack } from '../../src/knowledge/schema.js';

/** The bundled packs, validated: tests use the knowledge users get. */
export async function bundledPacks(): Promise<Pack[]> {
  const result = await loadPacks('knowledge');
  if (!result.ok) throw new Error(`bundled packs are invalid: ${JSON.stringify(result.errors)}`);
  return result.packs;
}
