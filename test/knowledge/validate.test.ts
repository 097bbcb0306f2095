import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPacks } from '../../src/knowledge/load.js';
import { formatProblem } from '../../src/knowledge/problem.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = 'test/fixtures/knowledge';

/** Loads a fixture folder and returns its errors as `file:line:col fact-id: message` lines. */
async function errorsOf(folder: string): Promise<string[]> {
  const result = await loadPacks(join(ROOT, FIXTURES, folder), ROOT);
  return result.ok ? [] : result.errors.map(formatProblem);
}

/** The path a problem in `folder/file` is reported under. */
const at = (folder: string, file = 'pack.yaml') => `${FIXTURES}/${folder}/${file}`;

describe('a valid knowledge folder', () => {
  it('loads both fixture packs with no errors', async () => {
    const result = await loadPacks(join(ROOT, FIXTURES, 'valid'), ROOT);
    expect(result.ok ? [] : result.errors.map(formatProblem)).toEqual([]);
    // Warnings (phrasings that lean on their exact wording) are hints, not errors.
    expect(result.warnings.every((w) => w.file.startsWith('test/fixtures/knowledge/valid/'))).toBe(
      true,
    );
    expect(result.ok && result.packs.map((p) => [p.id, p.facts.length])).toEqual([
      ['earth-moon', 3],
      ['solar-system-planets', 3],
    ]);
  });

  it('includes the bundled knowledge folder, which validates with no errors', async () => {
    const result = await loadPacks(join(ROOT, 'knowledge'), ROOT);
    expect(result.ok ? [] : result.errors.map(formatProblem)).toEqual([]);
    expect(result.ok).toBe(true);
  });
});

describe('YAML problems', () => {
  it('reports an unclosed quote at the line where the quote opens', async () => {
    expect(await errorsOf('yaml-syntax')).toEqual([
      `${at('yaml-syntax')}:30:15: YAML: Missing closing "quote`,
    ]);
  });
});

describe('schema problems', () => {
  it('reports a fact without an answer at that fact, naming the missing field', async () => {
    expect(await errorsOf('schema-missing-field')).toEqual([
      `${at('schema-missing-field')}:29:5 largest-planet: answer: is required (string)`,
    ]);
  });

  it('reports a fact with too few alternate phrasings at its list of alternates', async () => {
    expect(await errorsOf('schema-too-few-alternates')).toEqual([
      `${at('schema-too-few-alternates')}:42:7 red-planet: alternates: a fact needs at least 3 alternate phrasings`,
    ]);
  });

  it('reports a misspelt field at the line of that field', async () => {
    expect(await errorsOf('schema-unknown-field')).toEqual([
      `${at('schema-unknown-field')}:36:5 largest-planet: unknown field "keyword"`,
    ]);
  });

  it('reports an answer over 600 characters at the answer', async () => {
    expect(await errorsOf('schema-answer-too-long')).toEqual([
      `${at('schema-answer-too-long')}:35:13 largest-planet: answer: an answer must be at most 600 characters`,
    ]);
  });

  it('reports a source url that is not https at the url, outside any fact', async () => {
    expect(await errorsOf('schema-bad-url')).toEqual([
      `${at('schema-bad-url')}:9:10: sources[0].url: a source url must be an https:// address`,
    ]);
  });
});

describe('identity problems', () => {
  it('reports a fact id used in two files once, at the second use, naming the first', async () => {
    expect(await errorsOf('duplicate-fact-id')).toEqual([
      `${at('duplicate-fact-id', 'b.yaml')}:16:9 planet-count: id: "planet-count" is already used (${at('duplicate-fact-id', 'a.yaml')}:14)`,
    ]);
  });

  it('reports a pack id used in two files at the second, naming the first', async () => {
    expect(await errorsOf('duplicate-pack-id')).toEqual([
      `${at('duplicate-pack-id', 'b.yaml')}:1:5: pack id "solar-system-planets" is also used by ${at('duplicate-pack-id', 'a.yaml')}`,
    ]);
  });
});

describe('cross-reference problems', () => {
  it('refuses a pack in a language Almanac has no profile for, naming the languages it reads', async () => {
    expect(await errorsOf('unknown-language')).toEqual([
      `${at('unknown-language')}:4:11: language: Almanac cannot read questions in "fr" yet; the languages it reads are en (English)`,
    ]);
  });

  it('reports control characters in pack text, which would act in a terminal', async () => {
    expect(await errorsOf('schema-control-characters')).toEqual([
      `${at('schema-control-characters')}:20:13 planet-count: answer: an answer must not hold control characters`,
    ]);
  });

  it('reports a related id that no fact has, at its line', async () => {
    expect(await errorsOf('related-missing')).toEqual([
      `${at('related-missing')}:37:29 largest-planet: related: no fact has the id "smallest-planet"`,
    ]);
  });

  it('reports a fact listed as related to itself, at that entry', async () => {
    expect(await errorsOf('related-self')).toEqual([
      `${at('related-self')}:37:29 largest-planet: related: a fact cannot relate to itself`,
    ]);
  });

  it("reports a citation of a source the pack does not declare, listing the pack's sources", async () => {
    expect(await errorsOf('citation-unknown-source')).toEqual([
      `${at('citation-unknown-source')}:36:19 largest-planet: source.id: "stellar-primmer" is not one of this pack's sources (stellar-primer)`,
    ]);
  });

  it("reports a citation of a section the source does not have, listing the source's sections", async () => {
    expect(await errorsOf('citation-unknown-section')).toEqual([
      `${at('citation-unknown-section')}:36:44 largest-planet: source.section: "Moons" is not a section of stellar-primer ("Planets")`,
    ]);
  });

  it('reports a citation of a paragraph past the end of its section', async () => {
    expect(await errorsOf('citation-paragraph-out-of-range')).toEqual([
      `${at('citation-paragraph-out-of-range')}:36:64 largest-planet: source.paragraph: Planets has 4 paragraphs, not 7`,
    ]);
  });
});

describe('phrasing and trivia problems', () => {
  it("reports a phrasing that repeats another fact's up to case and punctuation", async () => {
    expect(await errorsOf('duplicate-phrasing')).toEqual([
      `${at('duplicate-phrasing')}:43:9 red-planet: alternates: "How many planets are there?" reads the same as a phrasing of planet-count (${at('duplicate-phrasing')}:18)`,
      `${at('duplicate-phrasing')}:43:9 red-planet: alternates: "How many planets are there?" retrieves planet-count instead of this fact`,
    ]);
  });

  it('reports a trivia distractor that is one of the accepted answers', async () => {
    expect(await errorsOf('trivia-distractor-is-answer')).toEqual([
      `${at('trivia-distractor-is-answer')}:27:36 planet-count: trivia[0].distractors: "8" is a right answer`,
    ]);
  });

  it('reports an alternate phrasing that retrieves another fact instead of its own, and the question it collides with', async () => {
    expect(await errorsOf('self-retrieval')).toEqual([
      `${at('self-retrieval')}:15:15 planet-count: question: "How many planets are in the solar system?" retrieves largest-planet instead of this fact`,
      `${at('self-retrieval')}:34:9 largest-planet: alternates: "how many planets are there in the solar system" retrieves planet-count instead of this fact`,
    ]);
  });
});

describe('reporting', () => {
  it('reports every problem of a file at once, in line order', async () => {
    expect(await errorsOf('many-errors')).toEqual([
      `${at('many-errors')}:22:31 planet-count: related: no fact has the id "dwarf-planets"`,
      `${at('many-errors')}:27:36 planet-count: trivia[0].distractors: "nine" is listed twice`,
      `${at('many-errors')}:36:64 largest-planet: source.paragraph: Planets has 4 paragraphs, not 5`,
    ]);
  });

  it("reports a folder with no pack files under that folder's name", async () => {
    expect(await errorsOf('empty-folder')).toEqual([
      `${FIXTURES}/empty-folder:1:1: no knowledge packs (*.yaml) were found`,
    ]);
  });

  it("reports a folder that does not exist under that folder's name", async () => {
    expect(await errorsOf('no-such-folder')).toEqual([
      `${FIXTURES}/no-such-folder:1:1: the knowledge folder does not exist`,
    ]);
  });

  it('warns of a role two entities claim, naming both, and reads it as neither', async () => {
    const result = await loadPacks(join(ROOT, FIXTURES, 'entity-roles'), ROOT);
    expect(result.ok).toBe(true);
    expect(result.warnings.map(formatProblem)).toContain(
      `${at('entity-roles')}:21:13: "the general" names Ulysses Grant and Robert Lee: a question using it is read as none of them`,
    );
  });

  it("warns of a role that opens another entity's role with the 'the' before it", async () => {
    const result = await loadPacks(join(ROOT, FIXTURES, 'entity-role-inside'), ROOT);
    expect(result.ok).toBe(true);
    expect(result.warnings.map(formatProblem)).toContain(
      `${at('entity-role-inside')}:17:13: "the general" (Zia ul Haq) opens "the general secretary of the communist party" (Leonid Brezhnev): a question naming Leonid Brezhnev so is read as Zia ul Haq`,
    );
    // An alias inside a role ("soviet" in "soviet premier") loses to the role: no warning.
    const bundled = await loadPacks(join(ROOT, 'knowledge'), ROOT);
    expect(bundled.warnings.map(formatProblem).join('\n')).not.toContain(' opens "the ');
  });

  it('warns of a synonym that takes a word out of the thesaurus for every loaded pack', async () => {
    const result = await loadPacks(join(ROOT, FIXTURES, 'synonyms-thesaurus'), ROOT);
    expect(result.ok).toBe(true);
    expect(result.warnings.map(formatProblem)).toContain(
      `${at('synonyms-thesaurus')}:14:18: synonyms.consequences: "results" is read as "outcome" on any topic (the English thesaurus); listed here it is read as "consequences" for every loaded pack, and no longer meets "outcome": key this group "outcome", or leave "results" out`,
    );
    // A group of the pack's own words ("flood: [flooding]") takes nothing from the thesaurus.
    expect(result.warnings.map(formatProblem).join('\n')).not.toContain('synonyms.flood');
    const bundled = await loadPacks(join(ROOT, 'knowledge'), ROOT);
    expect(bundled.warnings.map(formatProblem).join('\n')).not.toContain('thesaurus');
  });

  it('warns, once a pack, of facts asked fewer than five ways besides their question', async () => {
    const result = await loadPacks(join(ROOT, FIXTURES, 'valid'), ROOT);
    expect(result.warnings.map(formatProblem)).toContain(
      `${at('valid', 'moon.yaml')}:19:7 moon-distance: 3 of 3 facts are asked fewer than 5 ways besides their question (moon-distance, moon-orbit-time, moon-craters): questions put in other words find them less often; add alternates and trivia prompts in the words students use`,
    );
    const bundled = await loadPacks(join(ROOT, 'knowledge'), ROOT);
    expect(bundled.warnings.map(formatProblem).join('\n')).not.toContain('ways besides');
  });

  it('warns of two facts that overlap, with the phrasings that land near both', async () => {
    const result = await loadPacks(join(ROOT, FIXTURES, 'overlap'), ROOT);
    expect(result.ok).toBe(true);
    expect(result.warnings.map(formatProblem)).toContain(
      `${at('overlap')}:14:9 jupiter-size: overlaps with jupiter-mass: "how large is jupiter compared with the other planets" scores nearly as high for it; say in their phrasings or keywords what tells the two apart`,
    );
  });

  it('returns problems as located objects with the fact they belong to', async () => {
    const result = await loadPacks(join(ROOT, FIXTURES, 'related-missing'), ROOT);
    expect(result.ok ? [] : result.errors).toEqual([
      {
        file: at('related-missing'),
        line: 37,
        col: 29,
        factId: 'largest-planet',
        message: 'related: no fact has the id "smallest-planet"',
      },
    ]);
  });
});
