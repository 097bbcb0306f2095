import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { GatewayOpcodes, InteractionType, type APIMessage } from 'discord.js';
import type { Clock } from '../../src/clock.js';
import { parseConfig, type Config } from '../../src/config.js';
import { startBot, type RunningBot } from '../../src/discord/bot.js';
import { loadPacks } from '../../src/knowledge/load.js';
import type { Pack } from '../../src/knowledge/schema.js';
import { createLogger } from '../../src/logger.js';
import { openStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import {
  DEFAULT_IDS,
  requestTo,
  startDiscordStandIn,
  type DiscordStandIn,
  type DiscordStandInOptions,
  type OptionValue,
  type RecordedRequest,
} from '../support/discord/standIn.js';

/** Shaped like a real token (so the config accepts it) but never valid anywhere. */
export const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.GfAkE0.not-a-real-token-used-only-by-the-tests';
export const BOT = DEFAULT_IDS.botUser;
export const CHANNEL = DEFAULT_IDS.textChannel;
export const LEARNER = DEFAULT_IDS.humanUser;
/** The guild owner, and a moderator with Manage Server. */
export const TUTOR = DEFAULT_IDS.secondHumanUser;

export const MESSAGE_ROUTE = '/channels/:channelId/messages';
export const CALLBACK_ROUTE = '/interactions/:interactionId/:token/callback';

export async function loadAll(dirs: readonly string[]): Promise<Pack[]> {
  const packs: Pack[] = [];
  for (const dir of dirs) {
    const result = await loadPacks(dir);
    if (!result.ok) throw new Error(`test packs in ${dir} do not validate`);
    packs.push(...result.packs);
  }
  return packs;
}

export interface HarnessOptions {
  readonly packs: readonly Pack[];
  /** Environment on top of the defaults (token, stand-in url, a generous cooldown). */
  readonly env?: Readonly<Record<string, string>>;
  readonly clock?: Clock;
  readonly random?: () => number;
  readonly standIn?: DiscordStandInOptions;
}

export interface Harness {
  readonly standIn: DiscordStandIn;
  readonly bot: RunningBot;
  readonly config: Config;
  /** The real SQLite store, on a file of a temporary folder removed by `stop()`. */
  readonly store: Store;
  /** Every log line the bot wrote, as written. */
  readonly logs: string[];
  stop(): Promise<void>;
}

/** A stand-in on 127.0.0.1 and the real bot logged in to it through `startBot`. */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const standIn = await startDiscordStandIn({ token: TOKEN, ...options.standIn });
  const parsed = parseConfig({
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_URL: standIn.apiUrl,
    DISCORD_GUILD_ID: DEFAULT_IDS.guild,
    SYNC_COMMANDS_ON_START: 'true',
    COOLDOWN_QUESTIONS: '1000',
    LOG_LEVEL: 'trace',
    ...options.env,
  });
  if (!parsed.ok) throw new Error(`test config is invalid: ${parsed.errors.join('; ')}`);
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger({
    level: parsed.config.logLevel,
    secrets: [TOKEN],
    destination,
  });
  const folder = mkdtempSync(join(tmpdir(), 'almanac-bot-'));
  const opened = openStore({ path: join(folder, 'almanac.sqlite') });
  if (!opened.ok) throw opened.error;
  const { store } = opened;
  const bot = await startBot({
    config: parsed.config,
    packs: options.packs,
    logger,
    store,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.random ? { random: options.random } : {}),
  });
  return {
    standIn,
    bot,
    config: parsed.config,
    store,
    logs,
    async stop() {
      await bot.stop();
      store.close();
      rmSync(folder, { recursive: true, force: true });
      await standIn.close();
    },
  };
}

/** The bot's message created in reply to `messageId`. */
export function replyTo(messageId: string): (request: RecordedRequest) => boolean {
  return (request) =>
    request.method === 'POST' &&
    request.route === MESSAGE_ROUTE &&
    request.status < 300 &&
    isRecord(request.body) &&
    isRecord(request.body['message_reference']) &&
    request.body['message_reference']['message_id'] === messageId;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A message body as the tests read it. */
export interface SentMessage {
  readonly content?: string;
  readonly flags?: number;
  readonly embeds?: {
    title?: string;
    description?: string;
    color?: number;
    fields?: { name: string; value: string }[];
    footer?: { text: string };
  }[];
  readonly components?: { components: { custom_id?: string; label?: string }[] }[];
  readonly allowed_mentions?: unknown;
  readonly message_reference?: { message_id?: string };
}

/** Request bodies are JSON checked by the stand-in; tests read them through this shape. */
export function messageBody(request: RecordedRequest): SentMessage {
  if (!isRecord(request.body)) throw new Error(`request ${request.index} has no JSON body`);
  return request.body;
}

/** The message data of an interaction callback (types 4 and 7). */
export function callbackData(request: RecordedRequest): SentMessage & { type?: number } {
  if (!isRecord(request.body) || !isRecord(request.body['data'])) {
    throw new Error(`callback ${request.index} has no data`);
  }
  return { ...request.body['data'], type: Number(request.body['type']) };
}

export function customIds(message: SentMessage): string[] {
  return (message.components ?? []).flatMap((row) =>
    row.components.flatMap((c) => (c.custom_id ? [c.custom_id] : [])),
  );
}

/** A user writes a message that mentions the bot; resolves with the bot's reply to it. */
export async function mention(
  h: Pick<Harness, 'standIn'>,
  text: string,
  extra: { authorId?: string; channelId?: string; referencedMessage?: string } = {},
): Promise<{ question: APIMessage; reply: RecordedRequest }> {
  const since = h.standIn.mark();
  const question = h.standIn.sendMessage({
    content: `<@${BOT}> ${text}`,
    mentionsBot: true,
    ...extra,
  });
  const reply = await h.standIn.waitForRequest(replyTo(question.id), { since });
  return { question, reply };
}

/** A user runs a slash command; resolves with the interaction's first successful callback. */
export async function slash(
  h: Pick<Harness, 'standIn'>,
  name: string,
  options: Readonly<Record<string, OptionValue>> = {},
  extra: { userId?: string; subcommand?: string; guildId?: string | null } = {},
): Promise<{ id: string; token: string; response: RecordedRequest }> {
  const sent = h.standIn.sendInteraction({
    type: InteractionType.ApplicationCommand,
    name,
    options,
    ...extra,
  });
  const response = await h.standIn.waitForInteractionResponse(sent.id);
  return { id: sent.id, token: sent.token, response };
}

/** A user clicks a button on a stored message. */
export async function click(
  h: Pick<Harness, 'standIn'>,
  customId: string,
  messageId: string,
  userId: string = LEARNER,
): Promise<{ id: string; response: RecordedRequest }> {
  const sent = h.standIn.sendInteraction({
    type: InteractionType.MessageComponent,
    customId,
    message: messageId,
    userId,
  });
  const response = await h.standIn.waitForInteractionResponse(sent.id);
  return { id: sent.id, response };
}

/** The id the stand-in gave the message an interaction response created. */
export function originalMessageId(h: Pick<Harness, 'standIn'>, interactionId: string): string {
  const id = h.standIn.interaction(interactionId)?.originalMessageId;
  if (!id) throw new Error(`interaction ${interactionId} created no message`);
  return id;
}

/** The id of the message a REST request created (the stand-in answers with the message). */
export function createdMessageId(request: RecordedRequest): string {
  if (!isRecord(request.response) || typeof request.response['id'] !== 'string') {
    throw new Error(`request ${request.index} created no message`);
  }
  return request.response['id'];
}

export { requestTo };

/** Routes whose requests create or edit a message. */
const MESSAGE_WRITES = new Set([
  'POST /channels/:channelId/messages',
  'PATCH /channels/:channelId/messages/:messageId',
  'POST /webhooks/:applicationId/:token',
  'PATCH /webhooks/:applicationId/:token/messages/:messageId',
]);

/** Interaction responses that carry a message: 4 (message) and 7 (update). */
const MESSAGE_CALLBACKS = new Set([4, 7]);

/**
 * Every request that created or edited a message, with the `allowed_mentions` it carried
 * (`undefined` when it carried none).
 */
export function messageWrites(
  requests: readonly RecordedRequest[],
): { request: RecordedRequest; allowedMentions: unknown }[] {
  return requests.flatMap((request) => {
    if (!isRecord(request.body)) return [];
    if (MESSAGE_WRITES.has(`${request.method} ${request.route ?? ''}`)) {
      return [{ request, allowedMentions: request.body['allowed_mentions'] }];
    }
    const data = request.body['data'];
    if (
      request.route === CALLBACK_ROUTE &&
      MESSAGE_CALLBACKS.has(Number(request.body['type'])) &&
      isRecord(data)
    ) {
      return [{ request, allowedMentions: data['allowed_mentions'] }];
    }
    return [];
  });
}

/** The intents the bot identified with (its first IDENTIFY). */
export function identifiedIntents(h: Harness): number | undefined {
  const identify = h.standIn.gatewayFrames.find(
    (frame) => frame.direction === 'in' && frame.op === GatewayOpcodes.Identify,
  );
  return isRecord(identify?.d) && typeof identify.d['intents'] === 'number'
    ? identify.d['intents']
    : undefined;
}
