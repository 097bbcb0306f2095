import type { AskResult, Candidate, FactRef, RejectReason } from '../../src/engine/types.js';
import type { Fact, Pack } from '../../src/knowledge/schema.js';

/** A fact with every field filled; override what the test is about. */
export function buildFact(overrides: Partial<Fact> = {}): Fact {
  return {
    id: 'visit-dates',
    question: "When did Bhutto's 1972 visit to the Soviet Union take place?",
    alternates: ['when was bhuttos moscow trip', 'bhutto moscow 1972 dates', 'dates of the visit'],
    keywords: ['dates'],
    answer: "Bhutto's meeting with the Soviets lasted from 2 March until 5 March 1972.",
    source: { id: 'wiki', section: 'Lead', paragraph: 4 },
    related: [],
    tags: ['visit'],
    trivia: [],
    ...overrides,
  };
}

export function buildPack(overrides: Partial<Pack> = {}): Pack {
  return {
    id: 'bhutto-soviet-visit-1972',
    title: "Bhutto's 1972 visit to the Soviet Union",
    description: 'Questions and answers about the 1972 visit.',
    language: 'en',
    sources: [
      {
        id: 'wiki',
        title: '1972 visit by Zulfikar Ali Bhutto to the Soviet Union',
        publisher: 'Wikipedia',
        url: 'https://en.wikipedia.org/wiki/1972_visit_by_Zulfikar_Ali_Bhutto_to_the_Soviet_Union',
        sections: [{ name: 'Lead', paragraphs: 5 }],
      },
    ],
    synonyms: {},
    entities: [],
    facts: [buildFact()],
    ...overrides,
  };
}

export function ref(factId: string, question = `Question about ${factId}?`): FactRef {
  return { factId, question };
}

export function candidate(factId: string, confidence = 0.6, question?: string): Candidate {
  return { ...ref(factId, question), confidence };
}

export function answered(
  overrides: Partial<Extract<AskResult, { status: 'answered' }>> = {},
): AskResult {
  const fact = overrides.fact ?? buildFact();
  return {
    status: 'answered',
    fact,
    pack: buildPack({ facts: [fact] }),
    confidence: 0.87,
    followUps: [ref('visit-location'), ref('leaders-met'), ref('goodwill-visit-1974')],
    alternatives: [candidate('bhutto-role'), candidate('visit-purpose')],
    viaContext: false,
    question: 'when did bhutto go to moscow',
    truncated: false,
    ...overrides,
  };
}

export function ambiguous(candidates: readonly Candidate[], question = 'relations'): AskResult {
  return { status: 'ambiguous', confidence: 0.6, candidates, question, truncated: false };
}

export function declined(
  question: string,
  suggestions: readonly FactRef[] = [ref('visit-purpose'), ref('visit-dates')],
  rejected?: RejectReason,
): AskResult {
  return {
    status: 'no-match',
    confidence: 0.1,
    suggestions: suggestions.map((s) => ({ ...s, confidence: 0 })),
    ...(rejected ? { rejected } : {}),
    question,
    truncated: false,
  };
}
