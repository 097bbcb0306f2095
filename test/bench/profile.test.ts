import { describe, expect, it } from 'vitest';
import { formatProfileSummary, summarizeProfile } from '../../src/bench/profile.js';

const frame = (functionName: string, url = 'file:///app/src/engine/score.ts') => ({
  functionName,
  url,
  lineNumber: 0,
});

describe('the profile summary', () => {
  // root → ask → rerank → search; ask → scoreFacts; a recursive walk under root.
  const profile = {
    nodes: [
      { id: 1, callFrame: frame('(root)', ''), children: [2, 6] },
      { id: 2, callFrame: frame('ask'), children: [3, 5] },
      { id: 3, callFrame: frame('rerank'), children: [4] },
      { id: 4, callFrame: frame('search', 'file:///app/node_modules/fuse.js/dist/fuse.cjs') },
      { id: 5, callFrame: frame('scoreFacts') },
      { id: 6, callFrame: frame('walk'), children: [7] },
      { id: 7, callFrame: frame('walk') },
    ],
    samples: [4, 4, 4, 5, 3, 7, 6],
    timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000, 1000],
  };

  it('gives each function its self time and its total time with callees', () => {
    const summary = summarizeProfile(profile);
    const byName = new Map(summary.functions.map((f) => [f.name.split(' ')[0], f]));
    expect(summary.totalMs).toBe(7);
    expect(byName.get('ask')).toMatchObject({ selfMs: 0, totalMs: 5 });
    expect(byName.get('rerank')).toMatchObject({ selfMs: 1, totalMs: 4 });
    expect(byName.get('search')).toMatchObject({ selfMs: 3, totalMs: 3 });
    expect(byName.get('scoreFacts')).toMatchObject({ selfMs: 1, totalMs: 1 });
  });

  it('counts a recursive function once per sample', () => {
    const walk = summarizeProfile(profile).functions.find((f) => f.name.startsWith('walk'))!;
    expect(walk).toMatchObject({ selfMs: 2, totalMs: 2 });
  });

  it('prints the top functions, filtered by path', () => {
    const text = formatProfileSummary(summarizeProfile(profile), 'src/engine');
    expect(text).toContain('rerank');
    expect(text).not.toContain('search (');
  });
});
