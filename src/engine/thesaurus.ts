/**
 * Everyday near-synonyms of the words people use when they ask about history and current
 * affairs. Applied like a pack's own synonyms, to questions and facts alike, after the packs'
 * (which win on conflict): "what was the point of the trip" meets "the purpose of the visit".
 * Groups are kept tight; a word belongs here only when it can stand for the group's first word
 * in a question without changing what is asked.
 */
export const BUILTIN_SYNONYMS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  purpose: ['point', 'aim', 'aims', 'goal', 'goals', 'objective', 'objectives', 'motive', 'motives', 'intention', 'intentions', 'reason', 'reasons', 'motivation'],
  outcome: ['outcomes', 'result', 'results', 'consequence', 'consequences', 'effect', 'effects', 'impact', 'impacts', 'repercussion', 'repercussions', 'upshot', 'aftermath', 'came out of', 'come out of'],
  meet: ['meeting', 'meetings', 'met with', 'meet with', 'talk', 'talks', 'talked', 'talked with', 'talked to', 'discussion', 'discussions', 'discuss', 'discussed', 'negotiation', 'negotiations', 'negotiate', 'negotiated', 'summit', 'sat down with', 'sit down with', 'link up with', 'conferred'],
  role: ['job', 'position', 'title', 'post', 'office'],
  relations: ['relationship', 'relationships', 'ties', 'bilateral ties', 'links'],
  worsen: ['sour', 'soured', 'souring', 'deteriorate', 'deteriorated', 'worsened', 'go bad', 'went bad', 'went downhill', 'damage', 'damaged', 'hurt', 'harm', 'harmed', 'weaken', 'weakened', 'strain', 'strained', 'strains'],
  increase: ['increased', 'rise', 'rose', 'risen', 'grow', 'grew', 'growth', 'jump', 'jumped', 'climb', 'climbed', 'boost', 'boosted', 'go up', 'went up'],
  establish: ['established', 'set up', 'founded', 'build', 'built', 'construct', 'constructed', 'create', 'created'],
  inaugurated: ['inaugurate', 'inauguration', 'opened', 'open', 'launch', 'launched', 'commissioned'],
  leave: ['left', 'quit', 'quitting', 'exit', 'exited', 'withdraw', 'withdrew', 'withdrawal', 'departure', 'depart', 'departed', 'pull out', 'pulled out', 'get out of'],
  cost: ['worth', 'value', 'price', 'valued'],
  visit: ['trip', 'trips', 'journey', 'tour', 'visited', 'visits', 'visiting', 'travel to', 'travelled to', 'traveled to', 'went to', 'go to', 'going to', 'goes to', 'came to', 'come to', 'coming to'],
  power: ['came to power', 'come to power', 'coming to power', 'took power', 'take power', 'taking power', 'took office', 'in power', 'took over'],
  executed: ['execute', 'execution', 'hanged', 'put to death', 'killed'],
  deposed: ['depose', 'overthrow', 'overthrown', 'overthrew', 'ousted', 'oust', 'toppled', 'topple', 'coup', 'removed from power', 'deposing'],
  support: ['supported', 'supporting', 'backed', 'backing', 'aid', 'aided', 'helped', 'assist', 'assisted', 'sponsored'],
  reconciliation: ['reconcile', 'reconciled', 'make up', 'made up', 'patch up', 'patched up', 'bury the hatchet', 'mend fences'],
  restore: ['restored', 'restoration', 'revive', 'revived', 'bring back', 'brought back', 'resume', 'resumed'],
  independent: ['independence', 'autonomous', 'non aligned', 'nonaligned'],
  dependence: ['reliance', 'relying', 'rely', 'depend', 'depending', 'dependent', 'dependency'],
  weapons: ['arms', 'guns', 'weaponry', 'armaments'],
  film: ['footage', 'video', 'videos', 'recording', 'recordings', 'documentary', 'newsreel', 'clip', 'clips'],
  treaty: ['pact', 'pacts', 'alliance', 'alliances', 'accord'],
  election: ['elections', 'elected', 'vote', 'polls'],
  platform: ['programme', 'program', 'manifesto', 'agenda', 'ticket'],
  fractured: ['fracture', 'broken', 'break', 'broke down', 'rift', 'split', 'fell apart', 'falling out'],
  normalize: ['normalise', 'normalised', 'normalized', 'normalising', 'normalizing', 'normalisation', 'normalization', 'fix', 'repair', 'mend'],
  cooperation: ['co operation', 'cooperate', 'collaboration', 'collaborate', 'partnership'],
  president: ['head of state'],
  war: ['wars', 'conflict', 'fighting'],
  invasion: ['invade', 'invaded', 'occupation', 'occupied'],
});
