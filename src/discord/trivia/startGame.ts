import {
  ChannelType,
  MessageFlags,
  ThreadAutoArchiveDuration,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type GuildTextBasedChannel,
} from 'discord.js';
import type { Engine, Scope } from '../../engine/types.js';
import { candidatesFromPacks, deal } from '../../trivia/deal.js';
import { seededRandom } from '../../trivia/random.js';
import { resolveGameOptions, type GameOptionError } from '../../trivia/rules.js';
import { resolveTopic } from '../ask.js';
import type { BotContext } from '../context.js';
import { DISCORD_LIMITS, truncate } from '../limits.js';
import { renderNotice, type ReplyPayload } from '../render/payload.js';
import { renderTooFew } from '../render/trivia.js';
import { TRIVIA_TEXT } from '../render/triviaText.js';
import { respond, toMessageOptions } from '../reply.js';
import { gameChannelOf } from './gameChannel.js';

/** A game as asked for: by `/trivia start`, or by a "Play N questions" button. */
export interface StartRequest {
  /** A pack id or tag, or `null` for every pack. */
  readonly topic: string | null;
  readonly mode?: string | undefined;
  readonly questions?: number | undefined;
  readonly seconds?: number | undefined;
  /** Play in a new thread of the channel. */
  readonly thread: boolean;
  /** The seed to deal with; a fresh one from the context's random source when absent. */
  readonly seed?: number | undefined;
}

/** What the store records as the game's scope when it names none. */
const ALL_TOPICS = 'all';

function optionProblem(error: GameOptionError): string {
  const text = TRIVIA_TEXT.optionProblem;
  switch (error.code) {
    case 'unknown-mode':
      return text.unknownMode(error.given);
    case 'questions-out-of-range':
      return text.questions(error.given, error.min, error.max);
    case 'seconds-out-of-range':
      return text.seconds(error.given, error.min, error.max);
  }
}

/** How a topic reads in the game's messages: the pack's title, or `#tag`. */
function topicLabel(engine: Engine, scope: Scope): string | null {
  if (scope.packId !== undefined) {
    return engine.packs.find((p) => p.id === scope.packId)?.title ?? scope.packId;
  }
  const [tag] = scope.tags ?? [];
  return tag === undefined ? null : `#${tag}`;
}

type StartInteraction = ChatInputCommandInteraction | ButtonInteraction;

async function channelOf(interaction: StartInteraction): Promise<GuildTextBasedChannel | null> {
  const channel =
    interaction.channel ?? (await interaction.client.channels.fetch(interaction.channelId ?? ''));
  return channel?.isTextBased() && !channel.isDMBased() ? channel : null;
}

/**
 * Starts a game in the interaction's channel, or in a new thread of it: checks the options and
 * the topic, deals with a seeded generator, records the game, and hands it to the runner. Every
 * refusal is private: a game already running here, an option out of range, an unknown topic, a
 * topic with too few questions (with a button to play those it has).
 */
export async function startTriviaGame(
  interaction: StartInteraction,
  request: StartRequest,
  ctx: BotContext,
): Promise<void> {
  const refuse = (text: string) => respond(interaction, renderNotice(text));
  const { channelId, guildId } = interaction;
  if (guildId === null || channelId === null) return refuse(TRIVIA_TEXT.noGameHere);
  if (!ctx.trivia.reserve(channelId)) return refuse(TRIVIA_TEXT.alreadyRunning);
  try {
    const resolved = resolveGameOptions(request);
    if (!resolved.ok) return await refuse(resolved.errors.map(optionProblem).join('\n'));
    const { options } = resolved;
    const engine = ctx.knowledge.engine();
    const topic = resolveTopic(engine, request.topic);
    if (!topic.ok) return await refuse(topic.error.message);

    const inScope = new Set(engine.facts(topic.value).map((f) => f.fact.id));
    const candidates = candidatesFromPacks(engine.packs, (fact) => inScope.has(fact.id));
    const seed = request.seed ?? Math.floor(ctx.random() * 0x1_0000_0000);
    const dealt = deal(
      candidates,
      { mode: options.mode, questions: options.questions },
      { random: seededRandom(seed), language: ctx.trivia.language },
    );
    const label = topicLabel(engine, topic.value);
    if (!dealt.ok) {
      if (dealt.error.code === 'no-questions') return await refuse(TRIVIA_TEXT.noQuestions(label));
      const offer = {
        questions: dealt.error.available,
        mode: options.mode,
        seconds: options.seconds,
        thread: request.thread,
        seed,
        topic: request.topic === null ? null : request.topic.trim(),
      };
      return await respond(interaction, renderTooFew(offer, dealt.error.requested));
    }

    const channel = await channelOf(interaction);
    if (!channel) return await refuse(TRIVIA_TEXT.noGameHere);
    const inThread = request.thread && channel.type === ChannelType.GuildText;
    // The rules message answers the command; a game in a thread answers it privately instead.
    await interaction.deferReply(inThread ? { flags: MessageFlags.Ephemeral } : {});
    let playIn: GuildTextBasedChannel = channel;
    if (inThread) {
      try {
        playIn = await channel.threads.create({
          name: truncate(TRIVIA_TEXT.threadName(label), DISCORD_LIMITS.threadName),
          autoArchiveDuration: ThreadAutoArchiveDuration.OneHour,
        });
      } catch (error) {
        ctx.logger.warn({ err: error, channelId }, 'could not create a trivia thread');
        return await refuse(TRIVIA_TEXT.threadFailed);
      }
    }

    const now = ctx.clock.now();
    const scope = request.topic?.trim() || ALL_TOPICS;
    const threadId = inThread ? playIn.id : null;
    const gameId = ctx.store.createGame({
      guildId,
      channelId,
      threadId,
      starterUserId: interaction.user.id,
      scope,
      mode: options.mode,
      questionCount: dealt.questions.length,
      secondsPerQuestion: options.seconds,
      startedAt: now,
    });
    const opening = inThread
      ? undefined
      : async (payload: ReplyPayload) =>
          (await interaction.editReply(toMessageOptions(payload))).id;
    ctx.trivia.start(
      {
        gameId,
        guildId,
        channelId,
        threadId,
        starterUserId: interaction.user.id,
        scope,
        options: { ...options, questions: dealt.questions.length },
        questions: dealt.questions,
      },
      gameChannelOf(playIn, opening),
      label,
    );
    ctx.logger.info(
      {
        gameId,
        guildId,
        channelId,
        threadId,
        mode: options.mode,
        questions: dealt.questions.length,
      },
      'trivia game started',
    );
    if (inThread) await refuse(TRIVIA_TEXT.startedInThread(playIn.id));
  } finally {
    ctx.trivia.release(channelId);
  }
}
