import type { CloseHint } from '../../trivia/check.js';
import type { RevealReason } from '../../trivia/types.js';
import type { GameEnd, GameMode, LeaderboardOrder } from '../../store/types.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Why a question closed, as its reveal's footer says it. */
const REVEAL_REASONS: Readonly<Record<RevealReason, string>> = {
  deadline: 'Time is up',
  'everyone-answered': 'Everyone answered',
  'answered-correctly': 'Answered correctly',
  skipped: 'Skipped',
  stopped: 'The game was stopped',
};

/** What a near miss lacks, as the private "close" note says it. */
const CLOSE_HINTS: Readonly<Record<CloseHint, string>> = {
  'ambiguous-date': 'that date reads either way round: write the month as a word',
  'incomplete-date': 'part of the date is missing',
  scale: 'the figure is right but not its scale',
  spelling: 'check the spelling',
  partial: 'that is only part of the answer',
  extra: 'the answer is in there, with something more: give just the answer',
};

/**
 * Every sentence of trivia on Discord, in one module (as `text.ts` is for answers), so wording is
 * reviewed in one place and tests import what they expect to see.
 */
export const TRIVIA_TEXT = {
  rulesTitle: (questions: number, topic: string | null) =>
    `Trivia: ${plural(questions, 'question')}${topic ? ` on ${topic}` : ''}`,
  rulesHowChoice:
    '**How to play:** each question has four answers: click the one you think is right. ' +
    'You answer once per question; a second click changes nothing.',
  rulesHowOpen: (attempts: number, typed: boolean) =>
    `**How to play:** click **Answer** under a question and type your answer${typed ? ' (or just type it in this channel)' : ''}. ` +
    `You have ${plural(attempts, 'try', 'tries')} per question; the first correct answer takes the points, and a near miss is told it is close.`,
  rulesTime: (seconds: number, mode: GameMode) =>
    `**Time:** ${plural(seconds, 'second')} per question. A question closes early once ${mode === 'choice' ? 'every player has answered' : 'someone answers it correctly, or every player has used their tries'}.`,
  rulesScoring: (points: number, bonus: number) =>
    `**Scoring:** ${plural(points, 'point')} for a correct answer, plus up to ${plural(bonus, 'point')} for speed (the full bonus with at least half the time left).`,
  rulesControl:
    '**Control:** `/trivia skip` reveals the question now, `/trivia stop` ends the game: the player who started it, or members with Manage Messages. Points go on this server\u2019s `/trivia leaderboard`.',
  rulesFooter:
    'Every answer is revealed with its source, and the game ends with a recap to revise from.',

  questionTitle: (index: number, total: number) => `Question ${index + 1} of ${total}`,
  closes: (unixSeconds: number) => `Closes <t:${unixSeconds}:R>`,
  questionFooterChoice: 'One answer each: your first click counts.',
  questionFooterOpen: (attempts: number) =>
    `Type the answer: ${plural(attempts, 'try', 'tries')} each.`,
  answerButton: 'Answer',
  answerPrompt: 'Click Answer to type yours.',
  answerPromptTyped: 'Click Answer to type yours, or type it in this channel.',

  answerLabel: 'Answer',
  whoGotIt: 'Who got it',
  nobodyGotIt: 'Nobody got it this time.',
  otherAnswers: 'Other answers',
  source: 'Source',
  standings: 'Standings',
  noStandings: 'Nobody has answered yet.',
  askAboutFact: 'Ask about this fact',
  revealReason: (reason: RevealReason) => REVEAL_REASONS[reason],
  factFooter: (factId: string) => `fact ${factId}`,
  points: (n: number) => plural(n, 'point'),
  scored: (n: number) => `+${n}`,

  resultsTitle: (status: GameEnd) =>
    status === 'finished' ? 'Trivia over: the final standings' : 'Trivia stopped: the standings',
  resultsFooter: (asked: number, planned: number) =>
    `${asked} of ${plural(planned, 'question')} asked`,
  resultsNobody: 'Nobody answered a question.',
  standingLine: (rank: number, name: string, points: number, correct: number, answered: number) =>
    `${medal(rank)} ${name}: ${plural(points, 'point')} (${correct} of ${answered} right)`,
  recapTitle: 'Recap: every question, its answer and where it is written',
  recapTitleMore: 'Recap, continued',
  recapRight: (right: number, answered: number) =>
    answered === 0 ? 'nobody answered' : `${right} of ${answered} right`,

  modalTitle: (index: number) => `Question ${index + 1}`,
  modalLabel: 'Your answer',

  reply: {
    received: (index: number, option: string) =>
      `Got it: your answer to question ${index + 1} is **${option}**. The right answer is revealed when the question closes.`,
    alreadyAnswered: (index: number, option: string) =>
      `You have already answered question ${index + 1}: **${option}** is your answer, and it stands.`,
    correct: (points: number) => `Correct! ${plural(points, 'point')} for you.`,
    close: (hint: CloseHint, left: number) =>
      `Close, but not quite: ${CLOSE_HINTS[hint]}. ${left > 0 ? `${plural(left, 'try', 'tries')} left.` : 'That was your last try.'}`,
    wrong: (left: number) =>
      left > 0
        ? `Not right. ${plural(left, 'try', 'tries')} left.`
        : 'Not right, and that was your last try.',
    noAttemptsLeft: (index: number) =>
      `You have used all your tries on question ${index + 1}; the answer comes when it closes.`,
    tooLate: (index: number) => `Too late: question ${index + 1} is closed.`,
    expectedOption: 'Answer this question with one of its buttons.',
    expectedText: 'Type your answer to this question.',
    noSuchOption: 'That answer is not one of this question\u2019s options.',
    notStarted: 'The game has not started yet.',
    noGame: 'This trivia game is over.',
  },

  interruptedTitle: 'Trivia interrupted',
  interrupted: (revealed: number, planned: number) =>
    `This game was interrupted when Almanac restarted, after ${revealed} of ${plural(planned, 'question')}. ` +
    'Every point it revealed is kept on the leaderboard. Start a new game with `/trivia start`.',

  leaderboardTitle: (by: LeaderboardOrder) =>
    by === 'points'
      ? 'Trivia leaderboard: points'
      : by === 'accuracy'
        ? 'Trivia leaderboard: accuracy'
        : 'Trivia leaderboard: games played',
  leaderboardLine: (
    rank: number,
    name: string,
    entry: { points: number; correct: number; answered: number; accuracy: number; games: number },
  ) =>
    `**${rank}.** ${name}: ${plural(entry.points, 'point')} · ${entry.correct} of ${entry.answered} right (${Math.round(entry.accuracy * 100)}%) · ${plural(entry.games, 'game')}`,
  leaderboardEmpty: 'Nobody has played trivia on this server yet: start with `/trivia start`.',
  leaderboardAccuracyNote: (min: number) =>
    `Ranked by accuracy: players with ${min} or more answers.`,
  leaderboardFooter: (shown: number, total: number) => `${shown} of ${plural(total, 'player')}`,

  statsTitle: (name: string) => `Trivia statistics: ${name}`,
  statsNever: (name: string) => `${name} has not played trivia on this server yet.`,
  statsGames: 'Games',
  statsAnswers: 'Answers',
  statsAccuracy: 'Accuracy',
  statsPoints: 'Points',
  statsStreak: 'Best streak',
  statsMissed: 'Missed most',
  statsMissedLine: (question: string, misses: number) =>
    `${question} (${plural(misses, 'miss', 'misses')})`,
  statsNothingMissed: 'Nothing missed so far.',

  alreadyRunning:
    'A trivia game is already running in this channel. `/trivia stop` ends it (the player who started it, or members with Manage Messages).',
  noGameHere: 'No trivia game is running in this channel.',
  notAllowed: (action: 'stop' | 'skip') =>
    `Only the player who started this game, or a member with Manage Messages, can ${action} it.`,
  stopped: 'You stopped the game: the standings and the recap follow.',
  skipped: 'Skipped: the answer is revealed and the next question follows.',
  startedInThread: (threadId: string) => `Trivia is on in <#${threadId}>.`,
  threadName: (topic: string | null) => `Trivia${topic ? `: ${topic}` : ''}`,
  threadFailed:
    'I could not open a thread here (I need the Create Public Threads permission). Start again without `thread`, or in a text channel.',
  noQuestions: (topic: string | null) =>
    topic
      ? `There are no trivia questions on ${topic} that I can ask in this mode.`
      : 'There are no trivia questions that I can ask in this mode.',
  tooFew: (available: number, requested: number, mode: GameMode) =>
    `This topic has ${plural(available, 'question')} for a ${mode} game, fewer than the ${requested} you asked for.`,
  tooFewPlay: (available: number) => `Play ${plural(available, 'question')}`,
  tooFewRetry: (available: number) =>
    `Run \`/trivia start\` again with \`questions:${available}\` to play them.`,
  optionProblem: {
    unknownMode: (given: string) => `There is no mode called ${given}: choose choice or open.`,
    questions: (given: number, min: number, max: number) =>
      `questions must be a whole number from ${min} to ${max}, not ${given}.`,
    seconds: (given: number, min: number, max: number) =>
      `seconds must be a whole number from ${min} to ${max}, not ${given}.`,
  },
  gameOver: 'This trivia game is over.',
  questionClosed: (index: number) => `Question ${index + 1} is closed.`,
} as const;

/** A medal for the podium, the rank after. */
function medal(rank: number): string {
  return rank === 1 ? '🥇' : rank === 2 ? '🥈' : rank === 3 ? '🥉' : `**${rank}.**`;
}

/** Reactions to a typed answer in the channel (prefix mode), where nothing can be private. */
export const TRIVIA_REACTIONS = {
  correct: '✅',
  close: '🤏',
  wrong: '❌',
} as const;
