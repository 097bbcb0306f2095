import { ButtonStyle, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { AskResult, Candidate, FactRef } from '../../engine/types.js';
import { encodeLinkedCustomId } from '../components/askedCustomId.js';
import { encodeCustomId } from '../components/customId.js';
import { DISCORD_LIMITS } from '../limits.js';
import { formatCitation, percent, quoteQuestion } from './format.js';
import { buttonRows, payload, type ButtonSpec, type ReplyPayload } from './payload.js';
import { TEXT } from './text.js';

/** Embed colours: a glance tells an answer from a question back from a decline. */
export const COLOURS = {
  answered: 0x2e9d5b,
  ambiguous: 0xe8a317,
  declined: 0x7a808a,
  info: 0x5865f2,
  failed: 0xd83c3e,
} as const;

/** How many choices a "did you mean" or a decline offers. */
export const MAX_CHOICES = 3;

export type Surface = 'message' | 'command';

export interface RenderOptions {
  /** Where the question came from: decides hints and whether a decline is private. */
  readonly surface: Surface;
  /** The asker chose private replies (`/ask private:true`). */
  readonly private?: boolean;
  /** The fact was picked by id (autocomplete, a button), not matched from free text. */
  readonly picked?: boolean;
  /**
   * The recorded question this reply answers: its "did you mean", suggestion and "Not what I
   * asked" buttons then carry it, so what a member picks is recorded with it.
   */
  readonly questionId?: number | undefined;
}

type Answered = Extract<AskResult, { status: 'answered' }>;
type Ambiguous = Extract<AskResult, { status: 'ambiguous' }>;
type NoMatch = Extract<AskResult, { status: 'no-match' }>;

/**
 * A button answering a fact: tied to the recorded question when there is one (a pick), else the
 * plain kind, which works the same but records nothing.
 */
function factButton(ref: FactRef, style: ButtonSpec['style'], questionId?: number): ButtonSpec[] {
  const linked =
    questionId === undefined
      ? undefined
      : encodeLinkedCustomId({ area: 'ask', action: 'pick', questionId, factId: ref.factId });
  const customId = linked ?? encodeCustomId({ area: 'ask', action: 'fact', factId: ref.factId });
  return customId ? [{ customId, label: ref.question, style }] : [];
}

function factButtons(
  refs: readonly FactRef[],
  style: ButtonSpec['style'],
  questionId?: number,
): ButtonSpec[] {
  return refs.flatMap((ref) => factButton(ref, style, questionId)).slice(0, MAX_CHOICES);
}

/** "Not what I asked": tied to the recorded answer when there is one. */
function notWhatIAskedId(result: Answered, questionId: number | undefined): string | undefined {
  const alternatives = result.alternatives.map((a) => a.factId);
  const factId = result.fact.id;
  const linked =
    questionId === undefined
      ? undefined
      : encodeLinkedCustomId({ area: 'ask', action: 'other', questionId, factId, alternatives });
  return linked ?? encodeCustomId({ area: 'ask', action: 'more', factId, alternatives });
}

function renderAnswered(result: Answered, options: RenderOptions): ReplyPayload {
  const { fact, pack } = result;
  const fields: APIEmbedField[] = [{ name: TEXT.sourceField, value: formatCitation(pack, fact) }];
  if (result.truncated) {
    fields.push({ name: TEXT.noteField, value: TEXT.questionCut(DISCORD_LIMITS.question) });
  }
  const how = options.picked ? TEXT.chosenFact : TEXT.confidence(percent(result.confidence));
  const embed: APIEmbed = {
    title: fact.question,
    description: fact.answer,
    color: COLOURS.answered,
    fields,
    footer: { text: `${pack.title} · ${how}` },
  };
  const more = notWhatIAskedId(result, options.questionId);
  const followUps = buttonRows(factButtons(result.followUps, ButtonStyle.Primary));
  const notIt = more ? buttonRows([{ customId: more, label: TEXT.notWhatIAsked }]) : [];
  return payload({
    embeds: [embed],
    rows: [...followUps, ...notIt],
    ephemeral: options.private ?? false,
  });
}

function renderAmbiguous(result: Ambiguous, options: RenderOptions): ReplyPayload {
  const candidates = result.candidates.slice(0, MAX_CHOICES);
  const list = candidates.map((c, i) => `${i + 1}. ${c.question}`).join('\n');
  const embed: APIEmbed = {
    title: TEXT.didYouMeanTitle,
    description: `${TEXT.didYouMean(quoteQuestion(result.question))}\n${list}`,
    color: COLOURS.ambiguous,
  };
  return payload({
    embeds: [embed],
    rows: buttonRows(factButtons(candidates, ButtonStyle.Primary, options.questionId)),
    ephemeral: options.private ?? false,
  });
}

function renderNoMatch(result: NoMatch, options: RenderOptions): ReplyPayload {
  const suggestions = result.suggestions.slice(0, MAX_CHOICES);
  const rows = buttonRows(factButtons(suggestions, ButtonStyle.Secondary, options.questionId));
  // Declines and hints only help the asker; in a channel they would be noise for everyone else.
  const ephemeral = options.surface === 'command' || (options.private ?? false);
  if (result.rejected !== undefined) {
    const hint = options.surface === 'command' ? TEXT.emptyHintCommand : TEXT.emptyHintMessage;
    const lead =
      result.rejected === 'no-words'
        ? `${TEXT.noWordsHint} ${hint}`
        : result.rejected === 'no-subject'
          ? `${TEXT.noSubjectHint} ${hint}`
          : result.rejected === 'help'
            ? `${TEXT.helpAsking} ${TEXT.helpMore}`
            : hint;
    const title =
      result.rejected === 'thanks'
        ? TEXT.thanksTitle
        : result.rejected === 'greeting'
          ? TEXT.greetingTitle
          : result.rejected === 'help'
            ? TEXT.helpTitle
            : TEXT.emptyTitle;
    return payload({
      embeds: [{ title, description: lead, color: COLOURS.info }],
      rows,
      ephemeral,
    });
  }
  const description =
    suggestions.length > 0
      ? `${TEXT.declined(quoteQuestion(result.question))}\n${TEXT.declinedSuggestions}`
      : TEXT.declined(quoteQuestion(result.question));
  return payload({
    embeds: [{ title: TEXT.declinedTitle, description, color: COLOURS.declined }],
    rows,
    ephemeral,
  });
}

/**
 * The reply to a question: an answer with its source, follow-ups and "not what I asked"; a
 * "did you mean" with a button per candidate and no answer stated; or a plain decline that
 * points at what the packs do cover. Pure: the same result always renders the same payload.
 */
export function renderAskResult(result: AskResult, options: RenderOptions): ReplyPayload {
  switch (result.status) {
    case 'answered':
      return renderAnswered(result, options);
    case 'ambiguous':
      return renderAmbiguous(result, options);
    case 'no-match':
      return renderNoMatch(result, options);
  }
}

/** How "Not what I asked" was taken. */
export interface AlternativesOptions {
  /** The recorded answer: the alternatives' buttons then record which one was meant. */
  readonly questionId?: number | undefined;
  /** The flag was recorded for the packs' curators: the reply says so. */
  readonly noted?: boolean;
}

/**
 * The other facts that came close to an answered question, as buttons, for the one who clicked
 * "Not what I asked".
 */
export function renderAlternatives(
  answered: FactRef,
  alternatives: readonly (FactRef | Candidate)[],
  options: AlternativesOptions = {},
): ReplyPayload {
  const noted = options.noted ? `\n${TEXT.notWhatIAskedNoted}` : '';
  if (alternatives.length === 0) {
    return payload({ content: `${TEXT.noAlternatives}${noted}`, ephemeral: true });
  }
  const embed: APIEmbed = {
    title: TEXT.alternativesTitle,
    description: `${TEXT.alternatives(`“${answered.question}”`)}${noted}`,
    color: COLOURS.ambiguous,
  };
  return payload({
    embeds: [embed],
    rows: buttonRows(factButtons(alternatives, ButtonStyle.Primary, options.questionId)),
    ephemeral: true,
  });
}
