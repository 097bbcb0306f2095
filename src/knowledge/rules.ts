import { applySynonyms, buildSynonymTable } from '../engine/analyze.js';
import { languageFor, LANGUAGES, languageOfPacks } from './languages.js';
import { lexiconOf } from '../engine/lexicon.js';
import { normalizeText, tokenize } from '../engine/normalize.js';
import { RANKING } from '../engine/config.js';
import { engineFor } from './engineFor.js';
import type { ParsedFile, PathSegment } from './parse.js';
import type { Problem } from './problem.js';
import type { Pack } from './schema.js';

/** A pack that passed its schema, with the file it came from. */
export interface LoadedPack {
  readonly pack: Pack;
  readonly source: ParsedFile;
}

export interface RuleFindings {
  readonly errors: Problem[];
  readonly warnings: Problem[];
}

/** A rule looks across every loaded pack and reports what is wrong. Pure. */
export type Rule = (packs: readonly LoadedPack[]) => RuleFindings;

const at = (
  loaded: LoadedPack,
  path: readonly PathSegment[],
  message: string,
  factId?: string,
): Problem => ({ file: loaded.source.file, ...loaded.source.locate(path), factId, message });

const none = (): RuleFindings => ({ errors: [], warnings: [] });

/**
 * Every pack is written in a language the engine has a profile for, and packs served together
 * share one: questions are read in one language.
 */
export const knownLanguage: Rule = (packs) => {
  const findings = none();
  const known = [...LANGUAGES.values()].map((l) => `${l.code} (${l.name})`).join(', ');
  const first = packs.find((l) => languageFor(l.pack.language) !== undefined);
  for (const loaded of packs) {
    const { language } = loaded.pack;
    if (languageFor(language) === undefined) {
      findings.errors.push(
        at(
          loaded,
          ['language'],
          `language: Almanac cannot read questions in "${language}" yet; the languages it reads are ${known}`,
        ),
      );
    } else if (first && language !== first.pack.language) {
      findings.errors.push(
        at(
          loaded,
          ['language'],
          `language: "${language}" differs from "${first.pack.language}" (${first.source.file}); packs served together must share one language`,
        ),
      );
    }
  }
  return findings;
};

/**
 * An alias or role names one entity: one claimed by two ("the general" for two generals) is read
 * as neither, which the author should know; so is one that a question naming another entity
 * with "the" before it opens with ("the general" of "the general secretary of the party"): that
 * question is read as the first.
 */
export const entityRoles: Rule = (packs) => {
  const findings = none();
  const claims = new Map<string, { name: string; loaded: LoadedPack; path: PathSegment[] }[]>();
  for (const loaded of packs) {
    loaded.pack.entities.forEach((entity, e) => {
      for (const field of ['aliases', 'roles'] as const) {
        entity[field].forEach((other, k) => {
          const key = normalizeText(other);
          const list = claims.get(key) ?? [];
          if (!list.some((c) => c.name === entity.name)) {
            list.push({ name: entity.name, loaded, path: ['entities', e, field, k] });
          }
          claims.set(key, list);
        });
      }
    });
  }
  // Every way each entity is named. Names are read leftmost first, the longest at each word:
  // one that starts inside another ("soviet" in "soviet premier") loses to it, but one that
  // starts with the "the" a question puts before another ("the general" before "general
  // secretary") wins, and takes its first words.
  const namings = packs.flatMap(({ pack }) =>
    pack.entities.flatMap((entity) =>
      [entity.name, ...entity.aliases, ...entity.roles].map((text) => ({
        name: entity.name,
        text: normalizeText(text),
      })),
    ),
  );
  for (const [key, list] of claims) {
    if (list.length !== 1) continue;
    const [claim] = list;
    const inside = key.startsWith('the ')
      ? namings.find((n) => n.name !== claim!.name && `the ${n.text} `.startsWith(`${key} `))
      : undefined;
    if (!inside) continue;
    findings.warnings.push(
      at(
        claim!.loaded,
        claim!.path,
        `"${key}" (${claim!.name}) opens "the ${inside.text}" (${inside.name}): a question naming ${inside.name} so is read as ${claim!.name}`,
      ),
    );
  }
  for (const [key, list] of claims) {
    if (list.length < 2) continue;
    const [, second] = list;
    findings.warnings.push(
      at(
        second!.loaded,
        second!.path,
        `"${key}" names ${list.map((c) => c.name).join(' and ')}: a question using it is read as none of them`,
      ),
    );
  }
  return findings;
};

/**
 * A pack's synonyms are read for every loaded pack, before the language's thesaurus: a group
 * that lists a word the thesaurus already reads as another ("results", read as "outcome") takes
 * it out of that group for every pack, so "outcome" and "results" no longer meet. The author
 * should key the group by the thesaurus's word, or leave the word out.
 */
export const synonymsKeepThesaurus: Rule = (packs) => {
  const findings = none();
  const language = languageOfPacks(packs.map((l) => l.pack));
  /** Each thesaurus word (as normalised) → the key of its group. */
  const groupOf = new Map<string, string>();
  for (const [key, variants] of Object.entries(language.thesaurus)) {
    for (const word of [key, ...variants]) {
      const form = normalizeText(word);
      if (!groupOf.has(form)) groupOf.set(form, key);
    }
  }
  for (const loaded of packs) {
    for (const [key, variants] of Object.entries(loaded.pack.synonyms)) {
      const own = normalizeText(key);
      variants.forEach((variant, k) => {
        const thesaurusKey = groupOf.get(normalizeText(variant));
        if (thesaurusKey === undefined || normalizeText(thesaurusKey) === own) return;
        findings.warnings.push(
          at(
            loaded,
            ['synonyms', key, k],
            `synonyms.${key}: "${variant}" is read as "${thesaurusKey}" on any topic (the ${language.name} thesaurus); listed here it is read as "${key}" for every loaded pack, and no longer meets "${thesaurusKey}": key this group "${thesaurusKey}", or leave "${variant}" out`,
          ),
        );
      });
    }
  }
  return findings;
};

/** Pack ids are unique. */
export const uniquePackIds: Rule = (packs) => {
  const findings = none();
  const seen = new Map<string, string>();
  for (const loaded of packs) {
    const first = seen.get(loaded.pack.id);
    if (first) {
      findings.errors.push(
        at(loaded, ['id'], `pack id "${loaded.pack.id}" is also used by ${first}`),
      );
    } else seen.set(loaded.pack.id, loaded.source.file);
  }
  return findings;
};

/** Fact ids are unique across every pack. */
export const uniqueFactIds: Rule = (packs) => {
  const findings = none();
  const seen = new Map<string, string>();
  for (const loaded of packs) {
    loaded.pack.facts.forEach((fact, i) => {
      const first = seen.get(fact.id);
      if (first) {
        findings.errors.push(
          at(loaded, ['facts', i, 'id'], `id: "${fact.id}" is already used (${first})`, fact.id),
        );
      } else
        seen.set(fact.id, `${loaded.source.file}:${loaded.source.locate(['facts', i, 'id']).line}`);
    });
  }
  return findings;
};

/** Related facts exist and are not the fact itself. */
export const relatedResolve: Rule = (packs) => {
  const findings = none();
  const ids = new Set(packs.flatMap((l) => l.pack.facts.map((f) => f.id)));
  for (const loaded of packs) {
    loaded.pack.facts.forEach((fact, i) => {
      fact.related.forEach((id, j) => {
        const path = ['facts', i, 'related', j];
        if (id === fact.id) {
          findings.errors.push(
            at(loaded, path, 'related: a fact cannot relate to itself', fact.id),
          );
        } else if (!ids.has(id)) {
          findings.errors.push(at(loaded, path, `related: no fact has the id "${id}"`, fact.id));
        }
      });
    });
  }
  return findings;
};

/** Citations name a declared source, one of its sections, and a paragraph that exists. */
export const citationsResolve: Rule = (packs) => {
  const findings = none();
  for (const loaded of packs) {
    const sources = new Map(loaded.pack.sources.map((s) => [s.id, s]));
    loaded.pack.facts.forEach((fact, i) => {
      const source = sources.get(fact.source.id);
      if (!source) {
        const known = [...sources.keys()].join(', ');
        findings.errors.push(
          at(
            loaded,
            ['facts', i, 'source', 'id'],
            `source.id: "${fact.source.id}" is not one of this pack's sources (${known})`,
            fact.id,
          ),
        );
        return;
      }
      const section = source.sections.find((s) => s.name === fact.source.section);
      if (!section) {
        const known = source.sections.map((s) => `"${s.name}"`).join(', ');
        findings.errors.push(
          at(
            loaded,
            ['facts', i, 'source', 'section'],
            `source.section: "${fact.source.section}" is not a section of ${source.id} (${known})`,
            fact.id,
          ),
        );
        return;
      }
      if (fact.source.paragraph > section.paragraphs) {
        findings.errors.push(
          at(
            loaded,
            ['facts', i, 'source', 'paragraph'],
            `source.paragraph: ${fact.source.section} has ${section.paragraphs} paragraph${section.paragraphs === 1 ? '' : 's'}, not ${fact.source.paragraph}`,
            fact.id,
          ),
        );
      }
    });
  }
  return findings;
};

/** No two phrasings, in one fact or across facts, read the same once normalised. */
export const distinctPhrasings: Rule = (packs) => {
  const findings = none();
  const synonyms = buildSynonymTable(
    packs.flatMap((l) => Object.entries(l.pack.synonyms)),
    lexiconOf(languageOfPacks(packs.map((l) => l.pack))),
  );
  const seen = new Map<string, { factId: string; where: string }>();
  for (const loaded of packs) {
    loaded.pack.facts.forEach((fact, i) => {
      const texts: [string, PathSegment[]][] = [
        [fact.question, ['facts', i, 'question']],
        ...fact.alternates.map((text, j): [string, PathSegment[]] => [
          text,
          ['facts', i, 'alternates', j],
        ]),
      ];
      for (const [text, path] of texts) {
        const key = applySynonyms(tokenize(normalizeText(text)), synonyms).join(' ');
        const first = seen.get(key);
        const field = path.length === 3 ? 'question' : 'alternates';
        if (!first) {
          seen.set(key, {
            factId: fact.id,
            where: `${loaded.source.file}:${loaded.source.locate(path).line}`,
          });
        } else if (first.factId === fact.id) {
          findings.warnings.push(
            at(loaded, path, `${field}: "${text}" repeats another phrasing of this fact`, fact.id),
          );
        } else {
          findings.errors.push(
            at(
              loaded,
              path,
              `${field}: "${text}" reads the same as a phrasing of ${first.factId} (${first.where})`,
              fact.id,
            ),
          );
        }
      }
    });
  }
  return findings;
};

/**
 * The ways of asking a fact, beyond its question, at which a pack is well asked: its alternates
 * and trivia prompts, each in other words. Cut to three alternates and nothing else, the
 * evaluation sets answer 19 to 24 points fewer questions right on the bundled pack and 4 to 15
 * on the read packs on other topics (`npm run eval`, "bare packs"); cut to five, 3 to 6.
 */
export const WELL_ASKED = 5;

/**
 * A hint, not an error: facts asked fewer than {@link WELL_ASKED} ways besides their question
 * are found less often by questions in other words. One warning a pack, at its first such fact.
 */
export const manyWaysOfAsking: Rule = (packs) => {
  const findings = none();
  for (const loaded of packs) {
    const thin = loaded.pack.facts.flatMap((fact, i) => {
      const question = normalizeText(fact.question);
      const ways = new Set(
        [...fact.alternates, ...fact.trivia.map((item) => item.prompt)]
          .map(normalizeText)
          .filter((text) => text !== question),
      );
      return ways.size < WELL_ASKED ? [{ fact, i }] : [];
    });
    const [first] = thin;
    if (!first) continue;
    const named = thin.slice(0, 3).map(({ fact }) => fact.id);
    const more = thin.length > named.length ? ` and ${thin.length - named.length} more` : '';
    findings.warnings.push(
      at(
        loaded,
        ['facts', first.i, 'alternates'],
        `${thin.length} of ${loaded.pack.facts.length} facts ${thin.length === 1 ? 'is' : 'are'} asked fewer than ${WELL_ASKED} ways besides their question (${named.join(', ')}${more}): questions put in other words find them less often; add alternates and trivia prompts in the words students use`,
        first.fact.id,
      ),
    );
  }
  return findings;
};

/** A trivia answer is never among its own distractors, and distractors do not repeat. */
export const fairTrivia: Rule = (packs) => {
  const findings = none();
  const fold = (s: string) => normalizeText(s);
  for (const loaded of packs) {
    loaded.pack.facts.forEach((fact, i) => {
      fact.trivia.forEach((item, k) => {
        const right = new Set([item.answer, ...item.accept].map(fold));
        const seen = new Set<string>();
        item.distractors.forEach((d, m) => {
          const path = ['facts', i, 'trivia', k, 'distractors', m];
          const key = fold(d);
          if (right.has(key)) {
            findings.errors.push(
              at(loaded, path, `trivia[${k}].distractors: "${d}" is a right answer`, fact.id),
            );
          } else if (seen.has(key)) {
            findings.errors.push(
              at(loaded, path, `trivia[${k}].distractors: "${d}" is listed twice`, fact.id),
            );
          }
          seen.add(key);
        });
      });
    });
  }
  return findings;
};

/**
 * Self-retrieval: each phrasing of a fact, matched by an engine built without that phrasing
 * (so it cannot simply find itself), must not be answered with another fact: a student typing
 * something close to it would get that other fact. One that merely ranks another fact first is
 * a warning: its fact depends on that exact wording. The phrasings are
 * left out in folds (every fact's first phrasing, then every fact's second…), so a pack costs a
 * handful of engine builds, not one per phrasing.
 */
export const selfRetrieval: Rule = (packs) => {
  const findings = none();
  const counts = new Map<string, number>();
  for (const l of packs)
    for (const f of l.pack.facts) counts.set(f.id, (counts.get(f.id) ?? 0) + 1);
  const folds = Math.max(
    0,
    ...packs.flatMap((l) => l.pack.facts.map((f) => 1 + f.alternates.length)),
  );
  /** Fact → the fact it overlaps with → the phrasings of the first that land as near the second. */
  const overlaps = new Map<string, Map<string, string[]>>();
  const where = new Map<string, { loaded: LoadedPack; i: number }>();
  for (let k = 0; k < folds; k++) {
    const engine = engineFor(packs.map((l) => withoutPhrasing(l.pack, k)));
    for (const loaded of packs) {
      loaded.pack.facts.forEach((fact, i) => {
        // A duplicated id is reported by uniqueFactIds; its phrasings cannot be judged.
        if ((counts.get(fact.id) ?? 0) > 1) return;
        const text = k === 0 ? fact.question : fact.alternates[k - 1];
        if (text === undefined) return;
        where.set(fact.id, { loaded, i });
        const verdict = engine.ask(text);
        const inspection = engine.inspect(text);
        const [top, next] = inspection.ranked;
        if (top?.factId === fact.id) {
          // Found, but a sibling scores as high: the two facts are hard to tell apart.
          if (next && top.score - next.score <= RANKING.decision.candidateSpread) {
            const pairs = overlaps.get(fact.id) ?? new Map<string, string[]>();
            pairs.set(next.factId, [...(pairs.get(next.factId) ?? []), text]);
            overlaps.set(fact.id, pairs);
          }
          return;
        }
        const path: PathSegment[] =
          k === 0 ? ['facts', i, 'question'] : ['facts', i, 'alternates', k - 1];
        const field = k === 0 ? 'question' : 'alternates';
        if (verdict.status === 'answered') {
          findings.errors.push(
            at(
              loaded,
              path,
              `${field}: "${text}" retrieves ${verdict.fact.id} instead of this fact`,
              fact.id,
            ),
          );
        } else {
          findings.warnings.push(
            at(
              loaded,
              path,
              `${field}: "${text}" is closer to ${top?.factId ?? 'nothing'} than to this fact without its exact wording`,
              fact.id,
            ),
          );
        }
      });
    }
  }
  for (const [factId, pairs] of overlaps) {
    const place = where.get(factId)!;
    for (const [other, texts] of pairs) {
      // Reported once per pair, where the pair is met first.
      if (overlaps.get(other)?.has(factId) && other < factId) continue;
      const shown = texts.slice(0, 3).map((t) => `"${t}"`);
      findings.warnings.push(
        at(
          place.loaded,
          ['facts', place.i, 'id'],
          `overlaps with ${other}: ${shown.join(', ')}${texts.length > 3 ? ` and ${texts.length - 3} more` : ''} ${texts.length === 1 ? 'scores' : 'score'} nearly as high for it; say in their phrasings or keywords what tells the two apart`,
          factId,
        ),
      );
    }
  }
  return findings;
};

/** The pack with phrasing `k` of every fact left out (0 is the question, then the alternates). */
function withoutPhrasing(pack: Pack, k: number): Pack {
  return {
    ...pack,
    facts: pack.facts.map((fact) => {
      const phrasings = [fact.question, ...fact.alternates];
      if (k >= phrasings.length || phrasings.length < 2) return fact;
      phrasings.splice(k, 1);
      const [question = fact.question, ...alternates] = phrasings;
      return { ...fact, question, alternates };
    }),
  };
}

/** The rules every load runs: a pack that breaks one cannot be served. */
export const STRUCTURAL_RULES: readonly Rule[] = [
  knownLanguage,
  entityRoles,
  synonymsKeepThesaurus,
  uniquePackIds,
  uniqueFactIds,
  relatedResolve,
  citationsResolve,
  distinctPhrasings,
  manyWaysOfAsking,
  fairTrivia,
];

/**
 * Every rule, in the order their findings are reported: the structural ones and the
 * answer-quality check, which builds the engine several times over and so runs in
 * `npm run validate`, CI and `/almanac reload`, not on every start.
 */
export const RULES: readonly Rule[] = [...STRUCTURAL_RULES, selfRetrieval];
