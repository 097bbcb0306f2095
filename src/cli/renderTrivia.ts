import type { LeaderboardPage, PlayerStats } from '../store/types.js';
import type { CloseHint } from '../trivia/check.js';
import type {
  DealtQuestion,
  QuestionMessage,
  ReplyMessage,
  ResultsMessage,
  RevealMessage,
  RevealReason,
  RulesMessage,
  Standing,
  TriviaCitation,
} from '../trivia/types.js';
import { plain, type Paint } from './renderText.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One line: console text echoes what players typed, which must not break the layout. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

const REASONS: Readonly<Record<RevealReason, string>> = {
  deadline: 'Time is up.',
  'everyone-answered': 'Everyone answered.',
  'answered-correctly': 'Answered correctly.',
  skipped: 'Skipped.',
  stopped: 'The game was stopped.',
};

const HINTS: Readonly<Record<CloseHint, string>> = {
  'ambiguous-date': 'that date reads either way round: write the month as a word',
  'incomplete-date': 'part of the date is missing',
  scale: 'the figure is right but not its scale',
  spelling: 'check the spelling',
  partial: 'that is only part of the answer',
  extra: 'the answer is in there, with something more: give just the answer',
};

/** Where an answer is written, as the console cites facts: publisher, title, section, address. */
export function triviaCitationLines(citation: TriviaCitation, paint: Paint = plain): string[] {
  const publisher = citation.publisher ? `${citation.publisher}, ` : '';
  const lines = [
    `Source: ${publisher}"${citation.title}", ${citation.section}, paragraph ${citation.paragraph}`,
  ];
  if (citation.url) lines.push(`        ${paint('underline', citation.url)}`);
  return lines;
}

function standingLines(standings: readonly Standing[]): string[] {
  return standings.map(
    (s) =>
      `  ${s.rank}. ${oneLine(s.displayName)}: ${plural(s.points, 'point')} (${s.correct} of ${s.answered} right)`,
  );
}

/** The rules, as a game's first lines. */
export function renderRulesText(
  message: RulesMessage,
  topic: string | null,
  paint: Paint = plain,
): string {
  const how =
    message.mode === 'choice'
      ? 'Answer with the number of an option (1 to 4); your first answer counts.'
      : `Type your answer: ${plural(message.attempts ?? 1, 'try', 'tries')} per question, and a near miss is told it is close.`;
  return [
    paint('bold', `Trivia: ${plural(message.questions, 'question')}${topic ? ` on ${topic}` : ''}`),
    how,
    `${plural(message.seconds, 'second')} per question; ${plural(message.scoring.pointsForCorrect, 'point')} for a correct answer, plus up to ${plural(message.scoring.maxSpeedBonus, 'point')} for speed.`,
    paint('dim', '/skip reveals the answer now, /stop ends the game.'),
  ].join('\n');
}

/** A question: its number, the prompt, the numbered options, and the time it has. */
export function renderQuestionText(message: QuestionMessage, paint: Paint = plain): string {
  const lines = [
    '',
    paint('bold', `Question ${message.question + 1} of ${message.total}: ${message.prompt}`),
  ];
  (message.options ?? []).forEach((option, i) =>
    lines.push(`  ${paint('cyan', `${i + 1}.`)} ${option}`),
  );
  lines.push(paint('dim', `⏱ ${plural(message.seconds, 'second')}`));
  return lines.join('\n');
}

/** How much time is left, as the countdown shows it. */
export function renderCountdownText(secondsLeft: number, paint: Paint = plain): string {
  return paint('yellow', `⏱ ${plural(secondsLeft, 'second')} left`);
}

/** A question's reveal: the answer, each answer given with its points, the source. */
export function renderRevealText(message: RevealMessage, paint: Paint = plain): string {
  const correct = message.correctOption !== null ? ` (${message.correctOption + 1})` : '';
  const lines = [paint('green', `Answer: ${message.answer}${correct}`)];
  if (message.results.length === 0) lines.push('Nobody answered.');
  for (const r of message.results) {
    lines.push(
      r.correct
        ? `${oneLine(r.displayName)}: ${oneLine(r.given)}, right, +${plural(r.points, 'point')}`
        : `${oneLine(r.displayName)}: ${oneLine(r.given)}, not right`,
    );
  }
  lines.push(...triviaCitationLines(message.citation, paint).map((l) => paint('dim', l)));
  lines.push(paint('dim', `${REASONS[message.reason]} Fact ${message.factId}.`));
  return lines.join('\n');
}

/** The end: the standings and a recap of every question with its answer and citation. */
export function renderResultsText(message: ResultsMessage, paint: Paint = plain): string {
  const lines = [
    '',
    paint('bold', message.status === 'finished' ? 'Trivia over.' : 'Trivia stopped.'),
    `${message.asked} of ${plural(message.planned, 'question')} asked.`,
  ];
  if (message.standings.length > 0) lines.push('Standings:', ...standingLines(message.standings));
  else lines.push('Nobody answered a question.');
  if (message.recap.length > 0) {
    lines.push('Recap:');
    for (const entry of message.recap) {
      const right = entry.results.filter((r) => r.correct).length;
      lines.push(
        `  ${entry.question + 1}. ${entry.prompt} ${paint('green', entry.answer)} (${right} of ${entry.results.length} right)`,
        ...triviaCitationLines(entry.citation, paint).map((l) => paint('dim', `     ${l}`)),
      );
    }
  }
  return lines.join('\n');
}

function optionText(questions: readonly DealtQuestion[], question: number, option: number) {
  const text = questions[question]?.options?.[option];
  return text === undefined ? `${option + 1}` : `${option + 1}. ${text}`;
}

/** A note to the player: an answer received, a hint, a refusal. */
export function renderTriviaReplyText(
  message: ReplyMessage,
  questions: readonly DealtQuestion[],
  paint: Paint = plain,
): string {
  switch (message.type) {
    case 'answer-received':
      return paint(
        'dim',
        `Your answer: ${optionText(questions, message.question, message.option)}.`,
      );
    case 'already-answered':
      return `You have already answered: ${optionText(questions, message.question, message.option)} stands.`;
    case 'correct':
      return paint('green', `Correct! +${plural(message.points, 'point')}.`);
    case 'close':
      return paint(
        'yellow',
        `Close: ${HINTS[message.hint]}. ${message.attemptsLeft > 0 ? `${plural(message.attemptsLeft, 'try', 'tries')} left.` : 'That was your last try.'}`,
      );
    case 'wrong':
      return paint(
        'red',
        message.attemptsLeft > 0
          ? `Not right. ${plural(message.attemptsLeft, 'try', 'tries')} left.`
          : 'Not right, and that was your last try.',
      );
    case 'no-attempts-left':
      return 'You have used all your tries on this question.';
    case 'too-late':
      return `Too late: question ${message.question + 1} is closed.`;
    case 'invalid-answer':
      return message.reason === 'expected-text'
        ? 'Type your answer.'
        : 'Answer with the number of an option (1 to 4).';
    case 'not-started':
      return 'The game has not started yet.';
    case 'no-game':
      return 'The game is over.';
  }
}

/** The console's leaderboard: every console game, ranked as asked. */
export function renderLeaderboardText(page: LeaderboardPage, paint: Paint = plain): string {
  if (page.entries.length === 0) return 'Nobody has played trivia here yet: type /trivia to start.';
  return [
    paint('bold', `Trivia leaderboard, by ${page.by === 'games' ? 'games played' : page.by}:`),
    ...page.entries.map(
      (e) =>
        `  ${e.rank}. ${oneLine(e.displayName)}: ${plural(e.points, 'point')} · ${e.correct} of ${e.answered} right (${Math.round(e.accuracy * 100)}%) · ${plural(e.games, 'game')}`,
    ),
  ].join('\n');
}

/** A player's record: games, answers, accuracy, points, best streak, the facts missed most. */
export function renderStatsText(
  stats: PlayerStats,
  name: string,
  questionOf: (factId: string) => string | undefined,
  paint: Paint = plain,
): string {
  const who = oneLine(stats.displayName ?? name);
  if (stats.answered === 0) return `${who} has not played trivia here yet: type /trivia to start.`;
  const accuracy = stats.accuracy === null ? '–' : `${Math.round(stats.accuracy * 100)}%`;
  const lines = [
    paint('bold', `Trivia statistics for ${who}:`),
    `  ${plural(stats.games, 'game')}, ${stats.correct} of ${plural(stats.answered, 'answer')} right (${accuracy}), ${plural(stats.points, 'point')}, best streak ${stats.bestStreak}.`,
  ];
  if (stats.mostMissed.length > 0) {
    lines.push('  Missed most:');
    for (const m of stats.mostMissed) {
      lines.push(
        `    - ${questionOf(m.factId) ?? m.factId} (${plural(m.misses, 'miss', 'misses')})`,
      );
    }
  }
  return lines.join('\n');
}
