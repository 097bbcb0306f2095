import {
  ButtonStyle,
  ComponentType,
  TextInputStyle,
  escapeMarkdown,
  type APIEmbed,
  type APIEmbedField,
  type APIModalInteractionResponseCallbackData,
} from 'discord.js';
import type { GameId, InterruptedGame, LeaderboardPage, PlayerStats } from '../../store/types.js';
import { STORE_RULES } from '../../store/types.js';
import { TRIVIA_RULES } from '../../trivia/rules.js';
import type {
  DealtQuestion,
  QuestionMessage,
  RecapEntry,
  ReplyMessage,
  ResultsMessage,
  RevealMessage,
  RulesMessage,
  Standing,
  TriviaCitation,
} from '../../trivia/types.js';
import { encodeCustomId } from '../components/customId.js';
import { encodeTriviaCustomId, type PlayOffer } from '../components/triviaCustomId.js';
import { DISCORD_LIMITS, embedLength, truncate } from '../limits.js';
import { COLOURS } from './answer.js';
import { escapeUserText, maskedLink } from './format.js';
import { joinWithin } from './info.js';
import { buttonRows, payload, type ButtonSpec, type ReplyPayload } from './payload.js';
import { TRIVIA_TEXT } from './triviaText.js';

/** What the renderers of one game need besides the message: the game, as the shell knows it. */
export interface TriviaView {
  readonly gameId: GameId;
  /** The pack id or tag the questions come from, or `null` for every pack. */
  readonly topic: string | null;
  /** Typed answers in the channel count too (prefix mode, with the Message Content intent). */
  readonly typedAnswers: boolean;
  /** The game's questions, to name the option a player chose. */
  readonly questions: readonly DealtQuestion[];
}

/** The modal text input that holds a typed answer. */
export const ANSWER_INPUT = 'answer';

/** The longest answer the modal takes: answers are names, dates and figures. */
const MAX_TYPED_ANSWER = 200;

/** How many players a reveal's standings show; the results show them all, as far as they fit. */
const REVEAL_STANDINGS = 5;

const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
const letter = (option: number) => LETTERS[option] ?? String(option + 1);

/** Longest display name shown: Discord's own limit is 32. */
const MAX_NAME = 32;

/**
 * A player's display name made safe to show: one line, cut, every Markdown construct escaped,
 * and mentions broken by a zero-width space (`@everyone`, `<@id>`, `<#id>`, `</cmd:id>`) so they
 * do not even render as mentions. `allowedMentions` is what stops pings; this is defence in depth.
 */
export function escapeDisplayName(name: string): string {
  const escaped = escapeUserText(name, MAX_NAME) || '?';
  return escaped.replace(/@/g, '@\u200b').replace(/<([#/])/g, '<\u200b$1');
}

function optionLabel(question: DealtQuestion | undefined, option: number): string {
  const text = question?.options?.[option];
  return text === undefined ? letter(option) : `${letter(option)}. ${text}`;
}

/** Where an answer is written: publisher, linked title, section and paragraph, in one field. */
export function formatTriviaCitation(citation: TriviaCitation): string {
  const where = `${escapeMarkdown(citation.section)}, paragraph ${citation.paragraph}`;
  const publisher = citation.publisher ? `${escapeMarkdown(citation.publisher)}: ` : '';
  const linked =
    citation.url !== null
      ? maskedLink(truncate(citation.title, 200), citation.url)
      : escapeMarkdown(citation.title);
  const full = `${publisher}${linked}\n${where}`;
  if (full.length <= DISCORD_LIMITS.embedFieldValue) return full;
  return truncate(`${publisher}${escapeMarkdown(citation.title)}\n${where}`, 1024);
}

/** The citation on one line, without the link: for the recap, where room is short. */
function shortCitation(citation: TriviaCitation): string {
  return `${escapeMarkdown(truncate(citation.title, 120))}, ${escapeMarkdown(citation.section)}, paragraph ${citation.paragraph}`;
}

function standingLines(standings: readonly Standing[]): string[] {
  return standings.map((s) =>
    TRIVIA_TEXT.standingLine(
      s.rank,
      escapeDisplayName(s.displayName),
      s.points,
      s.correct,
      s.answered,
    ),
  );
}

/** The first message of a game: how it is played, the scoring and who may stop it. */
export function renderTriviaRules(message: RulesMessage, view: TriviaView): ReplyPayload {
  const how =
    message.mode === 'choice'
      ? TRIVIA_TEXT.rulesHowChoice
      : TRIVIA_TEXT.rulesHowOpen(message.attempts ?? TRIVIA_RULES.openAttempts, view.typedAnswers);
  const lines = [
    how,
    TRIVIA_TEXT.rulesTime(message.seconds, message.mode),
    TRIVIA_TEXT.rulesScoring(message.scoring.pointsForCorrect, message.scoring.maxSpeedBonus),
    TRIVIA_TEXT.rulesControl,
  ];
  const embed: APIEmbed = {
    title: TRIVIA_TEXT.rulesTitle(message.questions, view.topic),
    description: lines.join('\n\n'),
    color: COLOURS.info,
    footer: { text: TRIVIA_TEXT.rulesFooter },
  };
  return payload({ embeds: [embed] });
}

/** A question: the prompt, a countdown, and four option buttons or an "Answer" button. */
export function renderTriviaQuestion(message: QuestionMessage, view: TriviaView): ReplyPayload {
  const closes = TRIVIA_TEXT.closes(Math.ceil(message.deadline / 1000));
  const options = message.options ?? [];
  const buttons: ButtonSpec[] =
    message.mode === 'choice'
      ? options.flatMap((text, option) => {
          const customId = encodeTriviaCustomId({
            area: 'trivia',
            action: 'pick',
            gameId: view.gameId,
            question: message.question,
            option,
          });
          return customId
            ? [{ customId, label: `${letter(option)}. ${text}`, style: ButtonStyle.Primary }]
            : [];
        })
      : [
          encodeTriviaCustomId({
            area: 'trivia',
            action: 'open',
            gameId: view.gameId,
            question: message.question,
          }),
        ].flatMap((customId) =>
          customId
            ? [{ customId, label: TRIVIA_TEXT.answerButton, style: ButtonStyle.Primary }]
            : [],
        );
  const body =
    message.mode === 'choice'
      ? options.map((text, option) => `**${letter(option)}.** ${text}`).join('\n')
      : view.typedAnswers
        ? TRIVIA_TEXT.answerPromptTyped
        : TRIVIA_TEXT.answerPrompt;
  const embed: APIEmbed = {
    title: TRIVIA_TEXT.questionTitle(message.question, message.total),
    description: `**${message.prompt}**\n\n${body}\n\n${closes}`,
    color: COLOURS.info,
    footer: {
      text:
        message.mode === 'choice'
          ? TRIVIA_TEXT.questionFooterChoice
          : TRIVIA_TEXT.questionFooterOpen(TRIVIA_RULES.openAttempts),
    },
  };
  return payload({ embeds: [embed], rows: buttonRows(buttons) });
}

/**
 * A question's reveal, which replaces the question in its message: the right answer, who got it
 * with their points, the other answers, the source (title, section, paragraph) and the
 * standings, with a button to ask about the fact. The option buttons go.
 */
export function renderTriviaReveal(message: RevealMessage): ReplyPayload {
  const options = message.options ?? [];
  const optionLines = options.map((text, option) =>
    option === message.correctOption
      ? `✅ **${letter(option)}. ${text}**`
      : `${letter(option)}. ${text}`,
  );
  const description = [
    `**${message.prompt}**`,
    optionLines.length > 0 ? optionLines.join('\n') : undefined,
    `**${TRIVIA_TEXT.answerLabel}:** ${message.answer}`,
  ]
    .filter((part): part is string => part !== undefined)
    .join('\n\n');
  const right = message.results.filter((r) => r.correct);
  const wrong = message.results.filter((r) => !r.correct);
  const fields: APIEmbedField[] = [
    {
      name: TRIVIA_TEXT.whoGotIt,
      value:
        right.length > 0
          ? joinWithin(
              right.map(
                (r) => `${escapeDisplayName(r.displayName)} ${TRIVIA_TEXT.scored(r.points)}`,
              ),
              ', ',
              DISCORD_LIMITS.embedFieldValue,
            )
          : TRIVIA_TEXT.nobodyGotIt,
    },
  ];
  if (wrong.length > 0) {
    fields.push({
      name: TRIVIA_TEXT.otherAnswers,
      value: joinWithin(
        wrong.map((r) => `${escapeDisplayName(r.displayName)}: ${escapeUserText(r.given, 80)}`),
        '\n',
        DISCORD_LIMITS.embedFieldValue,
      ),
    });
  }
  fields.push({ name: TRIVIA_TEXT.source, value: formatTriviaCitation(message.citation) });
  if (message.standings.length > 0) {
    fields.push({
      name: TRIVIA_TEXT.standings,
      value: joinWithin(
        standingLines(message.standings.slice(0, REVEAL_STANDINGS)),
        '\n',
        DISCORD_LIMITS.embedFieldValue,
      ),
    });
  }
  const embed: APIEmbed = {
    title: TRIVIA_TEXT.questionTitle(message.question, message.total),
    description,
    color: COLOURS.answered,
    fields,
    footer: {
      text: `${TRIVIA_TEXT.revealReason(message.reason)} · ${TRIVIA_TEXT.factFooter(message.factId)}`,
    },
  };
  const ask = encodeCustomId({ area: 'ask', action: 'fact', factId: message.factId });
  const rows = ask ? buttonRows([{ customId: ask, label: TRIVIA_TEXT.askAboutFact }]) : [];
  return payload({ embeds: [embed], rows });
}

function recapLine(entry: RecapEntry): string {
  const right = entry.results.filter((r) => r.correct).length;
  return (
    `**${entry.question + 1}. ${truncate(entry.prompt, 300)}** ${truncate(entry.answer, 200)}\n` +
    `${shortCitation(entry.citation)} · ${TRIVIA_TEXT.recapRight(right, entry.results.length)}`
  );
}

/**
 * Lines packed into embeds and messages: each embed's description within its limit, each
 * message within ten embeds and the 6,000-character total. A line never splits.
 */
function packLines(lines: readonly string[], title: (first: boolean) => string): APIEmbed[][] {
  const messages: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let used = 0;
  let text = '';
  const close = () => {
    if (text === '') return;
    const embed: APIEmbed = {
      title: title(messages.length === 0 && current.length === 0),
      description: text,
      color: COLOURS.info,
    };
    if (
      current.length >= DISCORD_LIMITS.embedsPerMessage ||
      used + embedLength(embed) > DISCORD_LIMITS.embedTotal
    ) {
      messages.push(current);
      current = [];
      used = 0;
    }
    current.push(embed);
    used += embedLength(embed);
    text = '';
  };
  // Room for a title beside each description, within the total.
  const room = Math.min(
    DISCORD_LIMITS.embedDescription,
    DISCORD_LIMITS.embedTotal - DISCORD_LIMITS.embedTitle,
  );
  for (const raw of lines) {
    const line = truncate(raw, room);
    if (text !== '' && text.length + 1 + line.length > room) close();
    text = text === '' ? line : `${text}\n${line}`;
  }
  close();
  if (current.length > 0) messages.push(current);
  return messages;
}

/**
 * The end of a game: the final standings, then a recap of every question with its answer and
 * citation, over as many messages as it takes (a game of 50 questions does not fit in one).
 */
export function renderTriviaResults(message: ResultsMessage): ReplyPayload[] {
  const standings: APIEmbed = {
    title: TRIVIA_TEXT.resultsTitle(message.status),
    description:
      message.standings.length > 0
        ? joinWithin(standingLines(message.standings), '\n', DISCORD_LIMITS.embedDescription)
        : TRIVIA_TEXT.resultsNobody,
    color: COLOURS.answered,
    footer: { text: TRIVIA_TEXT.resultsFooter(message.asked, message.planned) },
  };
  const recap = packLines(message.recap.map(recapLine), (first) =>
    first ? TRIVIA_TEXT.recapTitle : TRIVIA_TEXT.recapTitleMore,
  );
  return [payload({ embeds: [standings] }), ...recap.map((embeds) => payload({ embeds }))];
}

/** What a shell posts for a `post` effect: one message, or several for long results. */
export function renderTriviaPost(
  message: RulesMessage | QuestionMessage | ResultsMessage,
  view: TriviaView,
): ReplyPayload[] {
  switch (message.type) {
    case 'rules':
      return [renderTriviaRules(message, view)];
    case 'question':
      return [renderTriviaQuestion(message, view)];
    case 'results':
      return renderTriviaResults(message);
  }
}

/** The text of a private note to one player. */
export function triviaReplyText(message: ReplyMessage, view: TriviaView): string {
  const r = TRIVIA_TEXT.reply;
  switch (message.type) {
    case 'answer-received':
      return r.received(
        message.question,
        optionLabel(view.questions[message.question], message.option),
      );
    case 'already-answered':
      return r.alreadyAnswered(
        message.question,
        optionLabel(view.questions[message.question], message.option),
      );
    case 'correct':
      return r.correct(message.points);
    case 'close':
      return r.close(message.hint, message.attemptsLeft);
    case 'wrong':
      return r.wrong(message.attemptsLeft);
    case 'no-attempts-left':
      return r.noAttemptsLeft(message.question);
    case 'too-late':
      return r.tooLate(message.question);
    case 'invalid-answer':
      return message.reason === 'expected-option'
        ? r.expectedOption
        : message.reason === 'expected-text'
          ? r.expectedText
          : r.noSuchOption;
    case 'not-started':
      return r.notStarted;
    case 'no-game':
      return r.noGame;
  }
}

/** A private note to one player: the acknowledgement of an answer, a hint, a refusal. */
export function renderTriviaReply(message: ReplyMessage, view: TriviaView): ReplyPayload {
  return payload({ content: triviaReplyText(message, view), ephemeral: true });
}

/** The modal an open question's "Answer" button opens: one short text field. */
export function renderAnswerModal(
  gameId: GameId,
  question: number,
  prompt: string,
): APIModalInteractionResponseCallbackData | undefined {
  const customId = encodeTriviaCustomId({ area: 'trivia', action: 'typed', gameId, question });
  if (customId === undefined) return undefined;
  return {
    custom_id: customId,
    title: truncate(TRIVIA_TEXT.modalTitle(question), DISCORD_LIMITS.modalTitle),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: ANSWER_INPUT,
            label: truncate(TRIVIA_TEXT.modalLabel, DISCORD_LIMITS.textInputLabel),
            style: TextInputStyle.Short,
            placeholder: truncate(prompt, DISCORD_LIMITS.textInputPlaceholder),
            required: true,
            max_length: MAX_TYPED_ANSWER,
          },
        ],
      },
    ],
  };
}

/** Told in a game's channel after a restart: the game is over, and its points are kept. */
export function renderInterrupted(game: InterruptedGame): ReplyPayload {
  const lines = game.scores.map((s, i) =>
    TRIVIA_TEXT.standingLine(
      i + 1,
      escapeDisplayName(s.displayName),
      s.points,
      s.correct,
      s.answered,
    ),
  );
  const embed: APIEmbed = {
    title: TRIVIA_TEXT.interruptedTitle,
    description: TRIVIA_TEXT.interrupted(game.questionsRevealed, game.questionCount),
    color: COLOURS.ambiguous,
    ...(lines.length > 0
      ? {
          fields: [
            {
              name: TRIVIA_TEXT.standings,
              value: joinWithin(lines, '\n', DISCORD_LIMITS.embedFieldValue),
            },
          ],
        }
      : {}),
  };
  return payload({ embeds: [embed] });
}

/** `/trivia leaderboard`: this server's players, ranked as asked. */
export function renderLeaderboard(page: LeaderboardPage): ReplyPayload {
  if (page.entries.length === 0) {
    const note =
      page.by === 'accuracy'
        ? `\n${TRIVIA_TEXT.leaderboardAccuracyNote(STORE_RULES.minAnswersForAccuracy)}`
        : '';
    return payload({ content: `${TRIVIA_TEXT.leaderboardEmpty}${note}` });
  }
  const lines = page.entries.map((e) =>
    TRIVIA_TEXT.leaderboardLine(e.rank, escapeDisplayName(e.displayName), e),
  );
  const lead =
    page.by === 'accuracy'
      ? `${TRIVIA_TEXT.leaderboardAccuracyNote(STORE_RULES.minAnswersForAccuracy)}\n\n`
      : '';
  const embed: APIEmbed = {
    title: TRIVIA_TEXT.leaderboardTitle(page.by),
    description: `${lead}${joinWithin(lines, '\n', DISCORD_LIMITS.embedDescription - lead.length)}`,
    color: COLOURS.info,
    footer: { text: TRIVIA_TEXT.leaderboardFooter(page.entries.length, page.total) },
  };
  return payload({ embeds: [embed] });
}

/**
 * `/trivia stats`: one player's games, answers, accuracy, points, best streak and the facts they
 * miss most, each named by its question (`questionOf`) while it is still loaded.
 */
export function renderPlayerStats(
  stats: PlayerStats,
  fallbackName: string,
  questionOf: (factId: string) => string | undefined,
): ReplyPayload {
  const name = escapeDisplayName(stats.displayName ?? fallbackName);
  if (stats.answered === 0) return payload({ content: TRIVIA_TEXT.statsNever(name) });
  const missed = stats.mostMissed.map((m) =>
    TRIVIA_TEXT.statsMissedLine(truncate(questionOf(m.factId) ?? m.factId, 200), m.misses),
  );
  const accuracy = stats.accuracy === null ? '–' : `${Math.round(stats.accuracy * 100)}%`;
  const embed: APIEmbed = {
    title: TRIVIA_TEXT.statsTitle(name),
    color: COLOURS.info,
    fields: [
      { name: TRIVIA_TEXT.statsGames, value: String(stats.games), inline: true },
      {
        name: TRIVIA_TEXT.statsAnswers,
        value: `${stats.correct} of ${stats.answered} right`,
        inline: true,
      },
      { name: TRIVIA_TEXT.statsAccuracy, value: accuracy, inline: true },
      { name: TRIVIA_TEXT.statsPoints, value: String(stats.points), inline: true },
      { name: TRIVIA_TEXT.statsStreak, value: String(stats.bestStreak), inline: true },
      {
        name: TRIVIA_TEXT.statsMissed,
        value:
          missed.length > 0
            ? joinWithin(missed, '\n', DISCORD_LIMITS.embedFieldValue)
            : TRIVIA_TEXT.statsNothingMissed,
      },
    ],
  };
  return payload({ embeds: [embed] });
}

/**
 * A topic with fewer questions than asked: how many it has, and a button to play those (or,
 * when the offer does not fit in a custom id, the command to type).
 */
export function renderTooFew(offer: PlayOffer, requested: number): ReplyPayload {
  const lead = TRIVIA_TEXT.tooFew(offer.questions, requested, offer.mode);
  const customId = encodeTriviaCustomId({ area: 'trivia', action: 'play', offer });
  if (customId === undefined) {
    return payload({
      content: `${lead} ${TRIVIA_TEXT.tooFewRetry(offer.questions)}`,
      ephemeral: true,
    });
  }
  return payload({
    content: lead,
    rows: buttonRows([
      { customId, label: TRIVIA_TEXT.tooFewPlay(offer.questions), style: ButtonStyle.Primary },
    ]),
    ephemeral: true,
  });
}
