import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ApplicationFlags,
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayOpcodes,
} from 'discord.js';
import type {
  APIApplicationCommand,
  APIInteraction,
  APIMessage,
  APIUser,
  GatewayGuildMembersChunkDispatchData,
  GatewayReadyDispatchData,
  WebSocketOptions,
} from 'discord.js';
import { buildInteraction, buildUserMessage } from './events.js';
import type { InteractionInput, UserMessageInput } from './events.js';
import {
  DEFAULT_HUMAN_USERS,
  DEFAULT_IDS,
  buildGuildCreate,
  defaultGuildSpec,
} from './fixtures.js';
import type { GuildSpec, UserSpec } from './fixtures.js';
import { GatewayServer } from './gateway.js';
import type { GatewayAvailability, GatewayConnectionInfo, GatewayFrame } from './gateway.js';
import type { WaitOptions } from './log.js';
import { RestServer } from './rest.js';
import type { FailureRule, HoldRule, RateLimitRule, RecordedRequest } from './rest.js';
import { StandInState } from './state.js';
import type { InteractionRecord } from './state.js';

export {
  DEFAULT_BOT_PERMISSIONS,
  DEFAULT_EVERYONE_PERMISSIONS,
  DEFAULT_IDS,
  DEFAULT_MODERATOR_PERMISSIONS,
  defaultGuildSpec,
} from './fixtures.js';
export type {
  ChannelSpec,
  EmojiSpec,
  GuildSpec,
  MemberSpec,
  OverwriteSpec,
  RoleSpec,
  UserSpec,
} from './fixtures.js';
export type { InteractionInput, OptionValue, UserMessageInput } from './events.js';
export type { GatewayAvailability, GatewayConnectionInfo, GatewayFrame } from './gateway.js';
export type { WaitOptions } from './log.js';
export type {
  FailureRule,
  HoldRule,
  RateLimitRule,
  RecordedFile,
  RecordedRequest,
} from './rest.js';
export type { InteractionRecord, StandInState } from './state.js';

export interface DiscordStandInOptions {
  /** Defaults to `{ id: DEFAULT_IDS.botUser, username: 'Almanac' }`. */
  botUser?: { id: string; username: string };
  /** Defaults to the bot user's id, as for any application created since 2019. */
  applicationId?: string;
  /** Defaults to one guild (`defaultGuildSpec()`): a category, two text channels, a thread. */
  guilds?: readonly GuildSpec[];
  /** Users known outside guild membership (e.g. for DMs). The default humans are always known. */
  users?: readonly UserSpec[];
  /** HELLO heartbeat interval; defaults to Discord's 41250 ms. */
  heartbeatIntervalMs?: number;
  /** When set, any other bot token is refused (REST 401, gateway close 4004). */
  token?: string;
  /** Privileged intents enabled for the application (Developer Portal switches); all by default. */
  privilegedIntents?: {
    guildMembers?: boolean;
    guildPresences?: boolean;
    messageContent?: boolean;
  };
  /** Time an interaction may wait for its initial response (Discord: 3 s); null disables. */
  interactionDeadlineMs?: number | null;
  /**
   * Also dispatch the gateway events Discord sends about the bot's own actions (MESSAGE_CREATE
   * for its messages and replies, MESSAGE_UPDATE/DELETE, THREAD_CREATE, MESSAGE_REACTION_ADD).
   * Off by default so tests see only the events they send.
   */
  echoBotActions?: boolean;
  /**
   * What `GET /gateway/bot` answers: the shards Discord recommends (1 by default) and its
   * `max_concurrency` (1 by default). Sessions identify with any `[shard, count]`; each gets the
   * guilds and events of its shard, `(guild_id >> 22) % count`, and direct messages go to shard 0.
   */
  gatewayBot?: { shards?: number; maxConcurrency?: number };
}

export interface SentInteraction {
  id: string;
  token: string;
  payload: APIInteraction;
}

export interface DiscordStandIn {
  readonly port: number;
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  /** `http://127.0.0.1:PORT/api` — pass as `rest: { api }` to the discord.js Client. */
  readonly apiUrl: string;
  /** `ws://127.0.0.1:PORT`, what `GET /gateway/bot` answers. */
  readonly gatewayUrl: string;
  readonly botUser: APIUser;
  readonly applicationId: string;
  /** The stand-in's whole world (users, guilds, channels, messages, interactions, commands). */
  readonly state: StandInState;

  /** Requests still in the log (see `clearRequests`), oldest first. */
  readonly requests: RecordedRequest[];
  /** Requests that matched no route (answered 404/405). */
  readonly unhandledRequests: RecordedRequest[];
  /** Position of the next request; pass as `since` to look only at later requests. */
  mark(): number;
  /** Resolves with the first matching request at/after `since` (immediately if already there). */
  waitForRequest(
    predicate: (request: RecordedRequest) => boolean,
    options?: number | WaitOptions,
  ): Promise<RecordedRequest>;
  findRequests(predicate: (request: RecordedRequest) => boolean, since?: number): RecordedRequest[];
  clearRequests(): void;
  /** The next matching request(s) get a 429 with Discord's rate-limit headers and body. */
  rateLimitNext(rule: RateLimitRule): void;
  /** The next matching request(s) get the given error status and Discord error body. */
  failNext(rule: FailureRule): void;
  /**
   * The next matching request(s) are answered `rule.ms` late. Resolves when the first of them
   * arrives, so a test can act while the request is in flight.
   */
  holdNext(rule: HoldRule): Promise<void>;

  /** Sends a dispatch to every identified session (after intent filtering); returns how many took it. */
  dispatch(eventName: string, data: unknown): number;
  /** A user posts a message: emits MESSAGE_CREATE and returns the stored message. */
  sendMessage(input: UserMessageInput): APIMessage;
  /** A user triggers an interaction: emits INTERACTION_CREATE. */
  sendInteraction(input: InteractionInput): SentInteraction;
  /** The first successful (2xx) callback for this interaction. */
  waitForInteractionResponse(
    interactionId: string,
    options?: number | WaitOptions,
  ): Promise<RecordedRequest>;
  interaction(interactionId: string): InteractionRecord | undefined;
  message(messageId: string): APIMessage | undefined;
  /** Registered application commands: global ones, or those of a guild. */
  commands(guildId?: string): APIApplicationCommand[];

  /** Closes every gateway socket (close frame with `code`, or a TCP reset when omitted). */
  dropConnections(code?: number): void;
  /** op 7 RECONNECT on every connection. */
  requestReconnect(): void;
  /** op 9 INVALID_SESSION; when not resumable the sessions are forgotten. */
  invalidateSessions(resumable: boolean): void;
  /** Stop (or resume) answering heartbeats, to exercise zombie-connection handling. */
  setHeartbeatAcks(enabled: boolean): void;
  /** How new gateway connections are treated from now on (Discord down, hanging, or open). */
  setGatewayAvailability(availability: GatewayAvailability): void;
  readonly identifyCount: number;
  readonly resumeCount: number;
  readonly heartbeatCount: number;
  readonly connections: GatewayConnectionInfo[];
  readonly gatewayFrames: GatewayFrame[];
  gatewayMark(): number;
  waitForGatewayFrame(
    predicate: (frame: GatewayFrame) => boolean,
    options?: number | WaitOptions,
  ): Promise<GatewayFrame>;
  /** An IDENTIFY received at/after `since`. */
  waitForIdentify(options?: number | WaitOptions): Promise<GatewayFrame>;
  /** A RESUME received at/after `since`. */
  waitForResume(options?: number | WaitOptions): Promise<GatewayFrame>;
  /** A READY sent at/after `since`. */
  waitForReady(options?: number | WaitOptions): Promise<GatewayFrame>;
  /** A READY or RESUMED sent at/after `since`. */
  waitForSessionStart(options?: number | WaitOptions): Promise<GatewayFrame>;

  /** Closes sockets and the server. Pending waits reject. */
  close(): Promise<void>;
}

function waitOptions(options: number | WaitOptions | undefined): WaitOptions {
  return typeof options === 'number' ? { timeoutMs: options } : (options ?? {});
}

/** Matches requests by method and path (exact string, or pattern). */
export function requestTo(
  method: string,
  path: string | RegExp,
): (request: RecordedRequest) => boolean {
  return (request) =>
    request.method === method.toUpperCase() &&
    (typeof path === 'string' ? request.path === path : path.test(request.path));
}

/**
 * For `new Client({ ws: { buildIdentifyThrottler: instantIdentifyThrottler } })`: discord.js waits
 * 5 s (plus jitter) between identifies of one shard; against the stand-in a re-identify after an
 * invalid session can go at once. The first identify is never throttled, so most tests need not
 * use this.
 */
export const instantIdentifyThrottler: NonNullable<
  WebSocketOptions['buildIdentifyThrottler']
> = () => ({
  waitForIdentify: () => Promise.resolve(),
});

export async function startDiscordStandIn(
  options: DiscordStandInOptions = {},
): Promise<DiscordStandIn> {
  const botSpec = options.botUser ?? { id: DEFAULT_IDS.botUser, username: 'Almanac' };
  const privileged = {
    guildMembers: options.privilegedIntents?.guildMembers ?? true,
    guildPresences: options.privilegedIntents?.guildPresences ?? true,
    messageContent: options.privilegedIntents?.messageContent ?? true,
  };
  const allowedPrivilegedIntents =
    (privileged.guildMembers ? GatewayIntentBits.GuildMembers : 0) |
    (privileged.guildPresences ? GatewayIntentBits.GuildPresences : 0) |
    (privileged.messageContent ? GatewayIntentBits.MessageContent : 0);
  const applicationFlags =
    (privileged.guildMembers ? ApplicationFlags.GatewayGuildMembersLimited : 0) |
    (privileged.guildPresences ? ApplicationFlags.GatewayPresenceLimited : 0) |
    (privileged.messageContent ? ApplicationFlags.GatewayMessageContentLimited : 0);
  const knownUsers = new Map<string, UserSpec>();
  for (const user of [...DEFAULT_HUMAN_USERS, ...(options.users ?? [])])
    knownUsers.set(user.id, user);
  const state = new StandInState({
    botUser: { ...botSpec, bot: true },
    applicationId: options.applicationId ?? botSpec.id,
    guilds: options.guilds ?? [defaultGuildSpec()],
    extraUsers: [...knownUsers.values()],
  });

  let port = 0;
  const origin = () => `http://127.0.0.1:${port}`;
  const gatewayUrl = () => `ws://127.0.0.1:${port}`;

  const gateway = new GatewayServer({
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    token: options.token ?? null,
    allowedPrivilegedIntents,
    botUserId: () => state.botUser.id,
    resumeUrl: () => `${gatewayUrl()}/resume`,
    buildReady: (sessionId, shard) => {
      const ready: GatewayReadyDispatchData = {
        v: 10,
        user: state.botUser,
        guilds: guildsForShard(shard).map((guild) => ({ id: guild.id, unavailable: true })),
        session_id: sessionId,
        resume_gateway_url: `${gatewayUrl()}/resume`,
        shard,
        application: {
          id: state.applicationId,
          flags: applicationFlags,
          flags_new: String(applicationFlags),
        },
      };
      return Object.assign(ready, {
        private_channels: [],
        presences: [],
        relationships: [],
        guild_join_requests: [],
        geo_ordered_rtc_regions: ['local'],
        user_settings: {},
        session_type: 'normal',
        auth: {},
      });
    },
    guildCreates: (shard) =>
      guildsForShard(shard).map((guild) => buildGuildCreate(guild, state.channels, state.users)),
    requestGuildMembers: (d) => requestGuildMembers(d),
  });

  function guildsForShard([shardId, shardCount]: [number, number]) {
    return [...state.guilds.values()].filter(
      (guild) => Number((BigInt(guild.id) >> 22n) % BigInt(shardCount)) === shardId,
    );
  }

  function requestGuildMembers(d: Record<string, unknown>): GatewayGuildMembersChunkDispatchData[] {
    const guildIds = Array.isArray(d['guild_id']) ? d['guild_id'] : [d['guild_id']];
    const rawIds = d['user_ids'];
    const userIds = Array.isArray(rawIds)
      ? rawIds.map(String)
      : typeof rawIds === 'string'
        ? [rawIds]
        : null;
    const query = typeof d['query'] === 'string' ? d['query'].toLowerCase() : '';
    const limit = typeof d['limit'] === 'number' ? d['limit'] : 0;
    const nonce = typeof d['nonce'] === 'string' ? d['nonce'] : undefined;
    return guildIds.flatMap((guildId) => {
      const guild = typeof guildId === 'string' ? state.guilds.get(guildId) : undefined;
      if (!guild) return [];
      let members = [...guild.members.values()];
      if (userIds) members = members.filter((member) => userIds.includes(member.user.id));
      else if (query)
        members = members.filter((member) => member.user.username.toLowerCase().startsWith(query));
      if (limit > 0) members = members.slice(0, limit);
      const chunk: GatewayGuildMembersChunkDispatchData = {
        guild_id: guild.id,
        members,
        chunk_index: 0,
        chunk_count: 1,
      };
      if (userIds) chunk.not_found = userIds.filter((id) => !guild.members.has(id));
      if (nonce !== undefined) chunk.nonce = nonce;
      return [chunk];
    });
  }

  const echoBotActions = options.echoBotActions ?? false;
  const rest = new RestServer(state, {
    token: options.token ?? null,
    interactionDeadlineMs:
      options.interactionDeadlineMs === undefined ? 3000 : options.interactionDeadlineMs,
    allowedPrivilegedIntents,
    applicationFlags,
    origin,
    gatewayUrl,
    gatewayBot: {
      shards: options.gatewayBot?.shards ?? 1,
      maxConcurrency: options.gatewayBot?.maxConcurrency ?? 1,
    },
    echo: (t, d) => {
      if (echoBotActions && gateway.liveSessionCount > 0) gateway.dispatch(t, d);
    },
  });

  const server = createServer((request, response) => {
    void rest.handle(request, response);
  });
  server.on('upgrade', (request, socket, head: Buffer) =>
    gateway.handleUpgrade(request, socket, head),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // listen() on a TCP host always yields an AddressInfo (a string only for pipes).
  port = (server.address() as AddressInfo).port;

  let closed = false;
  const standIn: DiscordStandIn = {
    port,
    origin: origin(),
    apiUrl: `${origin()}/api`,
    gatewayUrl: gatewayUrl(),
    botUser: state.botUser,
    applicationId: state.applicationId,
    state,

    get requests() {
      return rest.log.items;
    },
    get unhandledRequests() {
      return rest.log.filter((request) => request.route === null && request.fault === null);
    },
    mark: () => rest.log.mark,
    waitForRequest: (predicate, waitFor) => rest.log.waitFor(predicate, waitOptions(waitFor)),
    findRequests: (predicate, since) => rest.log.filter(predicate, since),
    clearRequests: () => rest.log.clear(),
    rateLimitNext: (rule) => rest.rateLimitNext(rule),
    failNext: (rule) => rest.failNext(rule),
    holdNext: (rule) => rest.holdNext(rule),

    dispatch: (eventName, data) => gateway.dispatch(eventName, data),
    sendMessage: (input) => {
      const message = buildUserMessage(state, input);
      gateway.dispatch(GatewayDispatchEvents.MessageCreate, state.toGatewayMessage(message));
      return message;
    },
    sendInteraction: (input) => {
      const record = buildInteraction(state, input);
      gateway.dispatch(GatewayDispatchEvents.InteractionCreate, record.payload);
      return { id: record.id, token: record.token, payload: record.payload };
    },
    waitForInteractionResponse: (interactionId, waitFor) =>
      rest.log.waitFor(
        (request) =>
          request.route === '/interactions/:interactionId/:token/callback' &&
          request.path.startsWith(`/interactions/${interactionId}/`) &&
          request.status >= 200 &&
          request.status < 300,
        waitOptions(waitFor),
      ),
    interaction: (interactionId) => state.interactions.get(interactionId),
    message: (messageId) => state.messages.get(messageId),
    commands: (guildId) => state.commands.get(guildId ?? 'global') ?? [],

    dropConnections: (code) => gateway.dropConnections(code),
    requestReconnect: () => gateway.requestReconnect(),
    invalidateSessions: (resumable) => gateway.invalidateSessions(resumable),
    setHeartbeatAcks: (enabled) => gateway.setHeartbeatAcks(enabled),
    setGatewayAvailability: (availability) => gateway.setAvailability(availability),
    get identifyCount() {
      return gateway.identifyCount;
    },
    get resumeCount() {
      return gateway.resumeCount;
    },
    get heartbeatCount() {
      return gateway.heartbeatCount;
    },
    get connections() {
      return gateway.connectionInfo;
    },
    get gatewayFrames() {
      return gateway.frames.items;
    },
    gatewayMark: () => gateway.frames.mark,
    waitForGatewayFrame: (predicate, waitFor) =>
      gateway.frames.waitFor(predicate, waitOptions(waitFor)),
    waitForIdentify: (waitFor) =>
      gateway.frames.waitFor(
        (frame) => frame.direction === 'in' && frame.op === GatewayOpcodes.Identify,
        waitOptions(waitFor),
      ),
    waitForResume: (waitFor) =>
      gateway.frames.waitFor(
        (frame) => frame.direction === 'in' && frame.op === GatewayOpcodes.Resume,
        waitOptions(waitFor),
      ),
    waitForReady: (waitFor) =>
      gateway.frames.waitFor(
        (frame) => frame.direction === 'out' && frame.t === GatewayDispatchEvents.Ready,
        waitOptions(waitFor),
      ),
    waitForSessionStart: (waitFor) =>
      gateway.frames.waitFor(
        (frame) =>
          frame.direction === 'out' &&
          (frame.t === GatewayDispatchEvents.Ready || frame.t === GatewayDispatchEvents.Resumed),
        waitOptions(waitFor),
      ),

    close: async () => {
      if (closed) return;
      closed = true;
      rest.dispose();
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return standIn;
}
