import { ApplicationCommandType, type CommandInteraction } from 'discord.js';
import type { AskOptions, AskResult, Candidate, Engine, FactRef, Scope } from '../engine/types.js';
import { UserFacingError } from '../errors.js';
import type { AskedWhere } from '../inbox/recorder.js';
import type { AskSurface } from '../store/types.js';
import type { BotContext } from './context.js';
import { isFactId } from './components/customId.js';
import { DISCORD_LIMITS, truncate } from './limits.js';
import { renderAskResult, type RenderOptions } from './render/answer.js';
import { escapeUserText } from './render/format.js';
import { renderNotice, type ReplyPayload } from './render/payload.js';
import { TEXT } from './render/text.js';

/**
 * Autocomplete values carry a marker and the fact id, so picking a suggestion answers exactly
 * that fact; anything else in the field is a typed question.
 */
export const FACT_MARKER = 'fact:';

export type Resolved<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: UserFacingError };

export interface Choice {
  readonly name: string;
  readonly value: string;
}

/**
 * The reply to a result, as every way of asking renders it, but for an answer that would give
 * away a trivia question open now in a game this process runs (a player copying the question
 * into `/ask`, say): that waits until the question is revealed, with a notice, private wherever
 * the surface allows.
 */
export function renderReply(
  ctx: Pick<BotContext, 'trivia'>,
  result: AskResult,
  options: RenderOptions,
): ReplyPayload {
  return result.status === 'answered' && ctx.trivia.openFacts().has(result.fact.id)
    ? renderNotice(TEXT.heldForTrivia, options.surface !== 'message')
    : renderAskResult(result, options);
}

/** The fact id behind an autocomplete value, if it is one. */
export function pickedFactId(value: string): string | undefined {
  if (!value.startsWith(FACT_MARKER)) return undefined;
  const id = value.slice(FACT_MARKER.length).trim();
  return isFactId(id) ? id : undefined;
}

/** `topic:` as a pack id or a tag (`#tag` and `tag:tag` also accepted). */
export function resolveTopic(engine: Engine, topic: string | null | undefined): Resolved<Scope> {
  const raw = topic?.trim() ?? '';
  if (raw.length === 0) return { ok: true, value: {} };
  if (engine.packs.some((p) => p.id === raw)) return { ok: true, value: { packId: raw } };
  const tag = raw.replace(/^(?:#|tag:)/, '');
  if (engine.tags().has(tag)) return { ok: true, value: { tags: [tag] } };
  return {
    ok: false,
    error: new UserFacingError('unknown-topic', TEXT.unknownTopic(`“${escapeUserText(raw, 100)}”`)),
  };
}

/** The runners-up of an answer: the engine's, or failing that its ranking minus the answer. */
function alternativesFor(
  engine: Engine,
  question: string,
  factId: string,
  scope: Scope,
): Candidate[] {
  return engine
    .rank(question, { ...scope, limit: 4 })
    .filter((c) => c.factId !== factId)
    .slice(0, 3);
}

/**
 * Asks the engine, cutting the question to the length it judges first (the option's
 * `max_length` is only enforced by Discord's client).
 */
export function askQuestion(engine: Engine, question: string, options: AskOptions = {}): AskResult {
  const tooLong = question.length > DISCORD_LIMITS.question;
  const text = tooLong ? Array.from(question).slice(0, DISCORD_LIMITS.question).join('') : question;
  const result = engine.ask(text, options);
  const truncated = result.truncated || tooLong;
  if (result.status === 'answered' && result.alternatives.length === 0) {
    return {
      ...result,
      truncated,
      alternatives: alternativesFor(engine, result.question, result.fact.id, options),
    };
  }
  return { ...result, truncated };
}

/** A question's verdict, and the id it was recorded under (none when nothing was recorded). */
export interface AskedQuestion {
  readonly result: AskResult;
  readonly questionId: number | undefined;
}

/**
 * Asks the engine (as {@link askQuestion}) and records the question and its verdict for the
 * curator's inbox. Recording never fails the question: a store failure is logged and the result
 * comes back without an id.
 */
export function askAndRecord(
  ctx: Pick<BotContext, 'knowledge' | 'questions'>,
  question: string,
  where: AskedWhere,
  options: AskOptions = {},
): AskedQuestion {
  const result = askQuestion(ctx.knowledge.engine(), question, options);
  return { result, questionId: ctx.questions.asked(result, where) };
}

/** Where an interaction's question was asked, for the question log. */
export function whereOf(
  interaction: Pick<
    CommandInteraction,
    'guildId' | 'channelId' | 'user' | 'id' | 'createdTimestamp' | 'commandName' | 'commandType'
  >,
  surface: AskSurface,
  scope?: Scope,
): AskedWhere {
  const slash = interaction.commandType === ApplicationCommandType.ChatInput;
  return {
    surface,
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    userId: interaction.user.id,
    scope,
    event: {
      kind: 'interaction',
      id: interaction.id,
      command: slash ? `/${interaction.commandName}` : interaction.commandName,
      createdAt: interaction.createdTimestamp,
    },
  };
}

/** The related facts of a fact that are still loaded, as follow-ups. */
function followUpsOf(engine: Engine, related: readonly string[]): FactRef[] {
  return related.flatMap((id) => {
    const found = engine.fact(id);
    return found ? [{ factId: id, question: found.fact.question }] : [];
  });
}

/** A fact picked by id, shaped like an answer so it renders and cites the same way. */
export function answerFact(engine: Engine, factId: string): Resolved<AskResult> {
  const found = engine.fact(factId);
  if (!found) return { ok: false, error: new UserFacingError('unknown-fact', TEXT.unknownFact) };
  const { fact, pack } = found;
  return {
    ok: true,
    value: {
      status: 'answered',
      fact,
      pack,
      confidence: 1,
      followUps: followUpsOf(engine, fact.related).slice(0, 3),
      alternatives: alternativesFor(engine, fact.question, fact.id, {}),
      viaContext: false,
      question: fact.question,
      truncated: false,
    },
  };
}

/** Fact questions for a partly typed question, as autocomplete choices, best first. */
export function questionChoices(engine: Engine, partial: string, scope: Scope): Choice[] {
  return engine
    .autocomplete(partial, { ...scope, limit: DISCORD_LIMITS.autocompleteChoices })
    .flatMap((c) => {
      const value = `${FACT_MARKER}${c.factId}`;
      if (value.length > DISCORD_LIMITS.choiceValue) return [];
      return [{ name: truncate(c.question, DISCORD_LIMITS.choiceName), value }];
    })
    .slice(0, DISCORD_LIMITS.autocompleteChoices);
}

/** Pack ids and tags that contain what was typed, packs first. */
export function topicChoices(engine: Engine, partial: string): Choice[] {
  const needle = partial.trim().toLowerCase().replace(/^#/, '');
  const packs = engine.packs
    .filter((p) => p.id.includes(needle) || p.title.toLowerCase().includes(needle))
    .map((p) => ({ name: `${p.title} (${p.facts.length})`, value: p.id }));
  const tags = [...engine.tags()]
    .filter(([tag]) => tag.includes(needle))
    .map(([tag, n]) => ({ name: `#${tag} (${n})`, value: tag }));
  return [...packs, ...tags]
    .filter((c) => c.value.length <= DISCORD_LIMITS.choiceValue)
    .map((c) => ({ name: truncate(c.name, DISCORD_LIMITS.choiceName), value: c.value }))
    .slice(0, DISCORD_LIMITS.autocompleteChoices);
}
