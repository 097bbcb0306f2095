-- The question log: what members asked and how Almanac answered, for the curator's inbox
-- (`/almanac misses`, `npm run misses`) and usage statistics (`/almanac stats`, `npm run stats`).
-- Times are milliseconds since the Unix epoch; Discord ids are text.

CREATE TABLE asked_questions (
  id INTEGER PRIMARY KEY,
  asked_at INTEGER NOT NULL,
  -- NULL for a direct message or the console.
  guild_id TEXT,
  -- NULL for the console, and for a direct message unless askers are kept (a DM channel names
  -- its member).
  channel_id TEXT,
  -- Only with RECORD_ASKERS=true.
  user_id TEXT,
  surface TEXT NOT NULL CHECK (surface IN ('slash', 'message', 'prefix', 'menu', 'console')),
  -- The pack id or #tag the question was limited to; NULL for every pack.
  scope TEXT,
  status TEXT NOT NULL CHECK (status IN ('answered', 'did-you-mean', 'declined')),
  -- As normalised. Always kept for a miss; for an answer, dropped by the daily prune after a
  -- day unless a member said "Not what I asked".
  question TEXT,
  -- The fact given, for an answer.
  fact_id TEXT,
  confidence REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
  -- The first fact a member picked from the reply's buttons.
  picked_fact_id TEXT,
  picked_at INTEGER,
  -- When a member first said the answer was not what they asked.
  not_what_i_asked_at INTEGER,
  CHECK ((status = 'answered') = (fact_id IS NOT NULL)),
  CHECK (status = 'answered' OR question IS NOT NULL),
  CHECK ((picked_fact_id IS NULL) = (picked_at IS NULL)),
  CHECK (not_what_i_asked_at IS NULL OR status = 'answered')
);

-- Reports read a period of one server (or of everything), and the prune a period's start.
CREATE INDEX asked_by_guild_time ON asked_questions (guild_id, asked_at);
CREATE INDEX asked_by_time ON asked_questions (asked_at);

-- The facts that came closest, best first: "did you mean" candidates, a decline's suggestions,
-- an answer's runners-up. A pick must be one of them.
CREATE TABLE asked_candidates (
  question_id INTEGER NOT NULL REFERENCES asked_questions (id) ON DELETE CASCADE,
  rank INTEGER NOT NULL CHECK (typeof(rank) = 'integer' AND rank >= 0),
  fact_id TEXT NOT NULL,
  confidence REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
  PRIMARY KEY (question_id, rank)
) WITHOUT ROWID;
