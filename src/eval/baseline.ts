import Fuse from 'fuse.js';
import type { Fact, Pack } from '../knowledge/schema.js';
import type { Verdict } from './evaluate.js';

/**
 * The plain fuse.js baseline: default options over every text field of every fact. It answers
 * with its top hit whenever Fuse returns one and declines only when Fuse returns nothing.
 */
export function plainFuseBaseline(packs: readonly Pack[]): (question: string) => Verdict {
  const fuse = new Fuse<Fact>(
    packs.flatMap((p) => p.facts),
    { keys: ['question', 'alternates', 'keywords', 'answer'] },
  );
  return (question) => {
    const top = fuse.search(question, { limit: 1 })[0];
    return top
      ? { status: 'answered', factId: top.item.id, candidates: [] }
      : { status: 'no-match', factId: null, candidates: [] };
  };
}
