import { loadPacks } from '../../src/knowledge/load.js';
import type { Fact, Pack } from '../../src/knowledge/schema.js';

/** The bundled packs, validated: tests use the knowledge users get. */
export async function bundledPacks(): Promise<Pack[]> {
  const result = await loadPacks('knowledge');
  if (!result.ok) throw new Error(`bundled packs are invalid: ${JSON.stringify(result.errors)}`);
  return result.packs;
}

/**
 * The packs of an evaluation fixture on another topic (`test/eval/fixtures/<name>`), validated:
 * packs nobody tuning the engine wrote its words for.
 */
export async function fixturePacks(name: string): Promise<Pack[]> {
  const result = await loadPacks(`test/eval/fixtures/${name}`);
  if (!result.ok) throw new Error(`fixture ${name} is invalid: ${JSON.stringify(result.errors)}`);
  return result.packs;
}

/** A fact for a small test pack: its answer restates the question; cited to the pack's notes. */
export function testFact(
  id: string,
  question: string,
  alternates: string[],
  related: string[] = [],
): Fact {
  return {
    id,
    question,
    alternates,
    keywords: [],
    answer: `The answer to: ${question}`,
    source: { id: 'notes', section: 'Lead', paragraph: 1 },
    related,
    tags: [],
    trivia: [],
  };
}

/** A small test pack over one source ("Notes", one section of one paragraph). */
export function testPack(id: string, title: string, description: string, facts: Fact[]): Pack {
  return {
    id,
    title,
    description,
    language: 'en',
    sources: [
      {
        id: 'notes',
        title: 'Notes',
        publisher: 'Class',
        url: 'https://example.org/notes',
        sections: [{ name: 'Lead', paragraphs: 1 }],
      },
    ],
    synonyms: {},
    entities: [],
    facts,
  };
}
