import { MIN_ALTERNATES, type Pack } from '../knowledge/schema.js';

/**
 * A pack cut to what the pack format requires and nothing more: each fact's question, its first
 * {@link MIN_ALTERNATES} alternates, its answer and source; no keywords, related facts, tags or
 * trivia, and no synonyms or entities. Study groups write packs in haste as well as with care:
 * scored over bare packs, a set shows how much of what the engine answers rests on a pack's
 * extras rather than on reading the language.
 */
export function barePack(pack: Pack): Pack {
  return {
    ...pack,
    synonyms: {},
    entities: [],
    facts: pack.facts.map((fact) => ({
      ...fact,
      alternates: fact.alternates.slice(0, MIN_ALTERNATES),
      keywords: [],
      related: [],
      tags: [],
      trivia: [],
    })),
  };
}
