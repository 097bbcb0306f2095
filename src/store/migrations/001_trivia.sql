-- Trivia: games, the questions they revealed, and the answers given.
-- Times are milliseconds since the Unix epoch; Discord ids are text.

CREATE TABLE games (
  id INTEGER PRIMARY KEY,
  -- NULL, with channel_id NULL too, for a console game: the console is its own scope.
  guild_id TEXT,
  channel_id TEXT,
  -- The game's own thread, when it has one.
  thread_id TEXT,
  starter_user_id TEXT NOT NULL,
  scope TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('choice', 'open')),
  question_count INTEGER NOT NULL CHECK (typeof(question_count) = 'integer' AND question_count >= 1),
  seconds_per_question INTEGER NOT NULL
    CHECK (typeof(seconds_per_question) = 'integer' AND seconds_per_question >= 1),
  status TEXT NOT NULL DEFAULT 'running'
    CHECK (status IN ('running', 'finished', 'stopped', 'interrupted')),
  started_at INTEGER NOT NULL,
  ended_at INTEGER,
  -- The message showing the current question: where a restart says the game was interrupted.
  message_id TEXT,
  CHECK ((guild_id IS NULL) = (channel_id IS NULL)),
  CHECK ((status = 'running') = (ended_at IS NULL))
);

-- A server's (or the console's) games, for its leaderboard and its players' statistics.
CREATE INDEX games_by_guild ON games (guild_id);
-- The games still running, which start-up marks interrupted: a handful among thousands.
CREATE INDEX games_running ON games (status) WHERE status = 'running';

CREATE TABLE questions (
  game_id INTEGER NOT NULL REFERENCES games (id) ON DELETE CASCADE,
  question_index INTEGER NOT NULL CHECK (typeof(question_index) = 'integer' AND question_index >= 0),
  fact_id TEXT NOT NULL,
  prompt TEXT NOT NULL,
  answer TEXT NOT NULL,
  revealed_at INTEGER NOT NULL,
  PRIMARY KEY (game_id, question_index)
);

CREATE TABLE answers (
  game_id INTEGER NOT NULL,
  question_index INTEGER NOT NULL,
  user_id TEXT NOT NULL,
  -- Verbatim, markdown and mentions included: escaping is the renderer's job.
  display_name TEXT NOT NULL,
  given TEXT NOT NULL,
  correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
  points INTEGER NOT NULL CHECK (typeof(points) = 'integer'),
  answered_at INTEGER NOT NULL,
  -- One answer per player per question: the one that counted. The key also serves a game's
  -- answers in question order (leaderboards walk a scope's games, then their answers).
  PRIMARY KEY (game_id, question_index, user_id),
  FOREIGN KEY (game_id, question_index) REFERENCES questions (game_id, question_index)
    ON DELETE CASCADE
);

-- One player's answers in the order given: statistics, the best streak, the latest name.
CREATE INDEX answers_by_user ON answers (user_id, answered_at);
