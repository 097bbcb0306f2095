import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  GatewayCloseCodes,
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayOpcodes,
} from 'discord.js';
import type {
  GatewayGuildCreateDispatchData,
  GatewayGuildMembersChunkDispatchData,
  GatewayReadyDispatchData,
} from 'discord.js';
import { WebSocketServer } from 'ws';
import type { RawData, WebSocket } from 'ws';
import { isRecord } from './validation.js';
import { RecordLog } from './log.js';

/** One payload seen on the gateway, in either direction. */
export interface GatewayFrame {
  direction: 'in' | 'out';
  connectionId: number;
  op: number;
  t: string | null;
  s: number | null;
  d: unknown;
  at: number;
}

export interface GatewayConnectionInfo {
  id: number;
  path: string;
  query: Record<string, string>;
  sessionId: string | null;
  open: boolean;
  closeCode: number | null;
}

/**
 * How the gateway treats new connections: `open` as Discord does; `refuse` resets every new
 * socket before the WebSocket handshake (Discord unreachable); `silent` completes the handshake
 * but never sends HELLO (a gateway that accepts and then hangs, so the client waits to connect).
 */
export type GatewayAvailability = 'open' | 'refuse' | 'silent';

export interface GatewayHooks {
  heartbeatIntervalMs: number;
  /** When set, IDENTIFY/RESUME with another token fails (close code 4004). */
  token: string | null;
  /** Privileged intents the application is allowed to request (the Developer Portal switches). */
  allowedPrivilegedIntents: number;
  botUserId: () => string;
  resumeUrl: () => string;
  buildReady: (sessionId: string, shard: [number, number]) => GatewayReadyDispatchData;
  guildCreates: (shard: [number, number]) => GatewayGuildCreateDispatchData[];
  requestGuildMembers: (d: Record<string, unknown>) => GatewayGuildMembersChunkDispatchData[];
}

interface StoredDispatch {
  s: number;
  t: string;
  d: unknown;
}

interface Session {
  id: string;
  token: string;
  intents: number;
  shard: [number, number];
  seq: number;
  history: StoredDispatch[];
  connection: Connection | null;
  ended: boolean;
}

interface Connection {
  id: number;
  socket: WebSocket;
  path: string;
  query: Record<string, string>;
  session: Session | null;
  open: boolean;
  closeCode: number | null;
}

const PRIVILEGED_INTENTS =
  GatewayIntentBits.GuildMembers |
  GatewayIntentBits.GuildPresences |
  GatewayIntentBits.MessageContent;

export const ALL_PRIVILEGED_INTENTS: number = PRIVILEGED_INTENTS;

/** The intent an event needs, or null when it is always sent. */
function requiredIntent(t: string, d: unknown): number | null {
  const inGuild = isRecord(d) && typeof d['guild_id'] === 'string';
  switch (t) {
    case GatewayDispatchEvents.MessageCreate:
    case GatewayDispatchEvents.MessageUpdate:
    case GatewayDispatchEvents.MessageDelete:
    case GatewayDispatchEvents.MessageDeleteBulk:
      return inGuild ? GatewayIntentBits.GuildMessages : GatewayIntentBits.DirectMessages;
    case GatewayDispatchEvents.MessageReactionAdd:
    case GatewayDispatchEvents.MessageReactionRemove:
    case GatewayDispatchEvents.MessageReactionRemoveAll:
    case GatewayDispatchEvents.MessageReactionRemoveEmoji:
      return inGuild
        ? GatewayIntentBits.GuildMessageReactions
        : GatewayIntentBits.DirectMessageReactions;
    case GatewayDispatchEvents.TypingStart:
      return inGuild ? GatewayIntentBits.GuildMessageTyping : GatewayIntentBits.DirectMessageTyping;
    case GatewayDispatchEvents.GuildCreate:
    case GatewayDispatchEvents.GuildUpdate:
    case GatewayDispatchEvents.GuildDelete:
    case GatewayDispatchEvents.GuildRoleCreate:
    case GatewayDispatchEvents.GuildRoleUpdate:
    case GatewayDispatchEvents.GuildRoleDelete:
    case GatewayDispatchEvents.ChannelCreate:
    case GatewayDispatchEvents.ChannelUpdate:
    case GatewayDispatchEvents.ChannelDelete:
    case GatewayDispatchEvents.ThreadCreate:
    case GatewayDispatchEvents.ThreadUpdate:
    case GatewayDispatchEvents.ThreadDelete:
    case GatewayDispatchEvents.ThreadListSync:
    case GatewayDispatchEvents.ThreadMemberUpdate:
      return GatewayIntentBits.Guilds;
    case GatewayDispatchEvents.GuildMemberAdd:
    case GatewayDispatchEvents.GuildMemberRemove:
    case GatewayDispatchEvents.ThreadMembersUpdate:
      return GatewayIntentBits.GuildMembers;
    case GatewayDispatchEvents.PresenceUpdate:
      return GatewayIntentBits.GuildPresences;
    default:
      return null;
  }
}

/**
 * Without the Message Content intent, guild messages arrive with empty content, embeds,
 * attachments and components (and no poll), unless the bot wrote them or is mentioned in them.
 */
function stripContent(message: Record<string, unknown>, botUserId: string, inGuild: boolean): void {
  const author = message['author'];
  const mentions = message['mentions'];
  const byBot = isRecord(author) && author['id'] === botUserId;
  const mentionsBot =
    Array.isArray(mentions) && mentions.some((user) => isRecord(user) && user['id'] === botUserId);
  if (inGuild && !byBot && !mentionsBot) {
    if ('content' in message) message['content'] = '';
    if ('embeds' in message) message['embeds'] = [];
    if ('attachments' in message) message['attachments'] = [];
    if ('components' in message) message['components'] = [];
    delete message['poll'];
  }
  const referenced = message['referenced_message'];
  if (isRecord(referenced)) stripContent(referenced, botUserId, inGuild);
}

function shapeForSession(session: Session, t: string, d: unknown, botUserId: string): unknown {
  const intent = requiredIntent(t, d);
  if (intent !== null && (session.intents & intent) === 0) return undefined;
  const isMessage =
    t === GatewayDispatchEvents.MessageCreate || t === GatewayDispatchEvents.MessageUpdate;
  if (isMessage && (session.intents & GatewayIntentBits.MessageContent) === 0 && isRecord(d)) {
    const copy = structuredClone(d);
    stripContent(copy, botUserId, typeof copy['guild_id'] === 'string');
    return copy;
  }
  return d;
}

/** Events about a guild itself carry its id as `id`, not `guild_id`. */
const GUILD_EVENTS: ReadonlySet<string> = new Set([
  GatewayDispatchEvents.GuildCreate,
  GatewayDispatchEvents.GuildUpdate,
  GatewayDispatchEvents.GuildDelete,
]);

/**
 * Whether an event goes to a session of `[shardId, shardCount]`: a guild's events to the shard
 * `(guild_id >> 22) % shardCount`, as Discord routes them; everything else (direct messages) to
 * shard 0. A session of one shard gets everything.
 */
export function belongsToShard(
  [shardId, shardCount]: [number, number],
  t: string,
  d: unknown,
): boolean {
  const guildId = isRecord(d) ? (GUILD_EVENTS.has(t) ? d['id'] : d['guild_id']) : undefined;
  if (typeof guildId !== 'string' || !/^\d+$/.test(guildId)) return shardId === 0;
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount)) === shardId;
}

function rawToString(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

/** The websocket half of the stand-in: Discord's gateway protocol v10, JSON, no compression. */
export class GatewayServer {
  readonly frames = new RecordLog<GatewayFrame>('gateway payload', (frame) =>
    [frame.direction, `conn${frame.connectionId}`, `op${frame.op}`, frame.t ?? '', frame.s ?? '']
      .join(' ')
      .trim(),
  );
  identifyCount = 0;
  resumeCount = 0;
  heartbeatCount = 0;
  private readonly wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  private readonly sessions = new Map<string, Session>();
  private readonly connections = new Map<number, Connection>();
  private nextConnectionId = 1;
  private ackHeartbeats = true;
  private availability: GatewayAvailability = 'open';
  private closed = false;

  constructor(private readonly hooks: GatewayHooks) {}

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (this.closed || this.availability === 'refuse') {
      socket.destroy();
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => this.onConnection(ws, request));
  }

  get connectionInfo(): GatewayConnectionInfo[] {
    return [...this.connections.values()].map((connection) => ({
      id: connection.id,
      path: connection.path,
      query: connection.query,
      sessionId: connection.session?.id ?? null,
      open: connection.open,
      closeCode: connection.closeCode,
    }));
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** Sessions that can still receive (and later replay) dispatches. */
  get liveSessionCount(): number {
    return [...this.sessions.values()].filter((session) => !session.ended).length;
  }

  setHeartbeatAcks(enabled: boolean): void {
    this.ackHeartbeats = enabled;
  }

  /** Applies to connections made from now on; open ones are left as they are. */
  setAvailability(availability: GatewayAvailability): void {
    this.availability = availability;
  }

  /**
   * Sends a dispatch to every live session (after intent filtering). Sessions whose socket is
   * down keep the event and replay it on RESUME. Returns how many sessions took the event.
   */
  dispatch(t: string, d: unknown): number {
    const live = [...this.sessions.values()].filter((session) => !session.ended);
    if (live.length === 0) {
      throw new Error(`Cannot dispatch ${t}: no client has identified with the stand-in gateway`);
    }
    let delivered = 0;
    for (const session of live.filter((candidate) => belongsToShard(candidate.shard, t, d))) {
      if (this.dispatchToSession(session, t, d)) delivered += 1;
    }
    return delivered;
  }

  /** Closes every gateway socket: with a close frame when `code` is given, else a TCP reset. */
  dropConnections(code?: number): void {
    for (const connection of this.connections.values()) {
      if (!connection.open) continue;
      if (code === undefined) connection.socket.terminate();
      else connection.socket.close(code, 'Closed by the stand-in');
    }
  }

  /** Sends op 7 RECONNECT on every open connection. */
  requestReconnect(): void {
    for (const connection of this.connections.values()) {
      if (connection.open)
        this.send(connection, { op: GatewayOpcodes.Reconnect, d: null, s: null, t: null });
    }
  }

  /** Sends op 9 INVALID_SESSION; a non-resumable one also forgets the sessions. */
  invalidateSessions(resumable: boolean): void {
    for (const connection of this.connections.values()) {
      if (!connection.open) continue;
      this.send(connection, { op: GatewayOpcodes.InvalidSession, d: resumable, s: null, t: null });
      const session = connection.session;
      if (!session) continue;
      // The connection is no longer authenticated: the client resumes (possibly on this very
      // socket) or identifies again. A non-resumable session is gone for good.
      connection.session = null;
      session.connection = null;
      if (!resumable) session.ended = true;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.frames.dispose('The Discord stand-in was closed');
    for (const connection of this.connections.values()) connection.socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private onConnection(socket: WebSocket, request: IncomingMessage): void {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const connection: Connection = {
      id: this.nextConnectionId++,
      socket,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      session: null,
      open: true,
      closeCode: null,
    };
    this.connections.set(connection.id, connection);
    socket.on('message', (data) => this.onMessage(connection, rawToString(data)));
    socket.on('close', (code) => this.onClose(connection, code));
    socket.on('error', () => {
      // A reset socket reports an error before it closes; the close handler does the work.
    });
    const version = url.searchParams.get('v');
    const encoding = url.searchParams.get('encoding') ?? 'json';
    if (version !== null && version !== '10') {
      this.closeWith(connection, GatewayCloseCodes.InvalidAPIVersion, 'Invalid API version');
      return;
    }
    if (encoding !== 'json' || url.searchParams.has('compress')) {
      // Only plain JSON is spoken here; zlib-stream and ETF are not.
      this.closeWith(
        connection,
        GatewayCloseCodes.DecodeError,
        'Unsupported encoding or compression',
      );
      return;
    }
    if (this.availability === 'silent') return;
    this.send(connection, {
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.hooks.heartbeatIntervalMs, _trace: ['["stand-in-gateway"]'] },
      s: null,
      t: null,
    });
  }

  private onClose(connection: Connection, code: number): void {
    connection.open = false;
    connection.closeCode = code;
    const session = connection.session;
    if (session && session.connection === connection) {
      session.connection = null;
      // A normal close from the client ends the session; anything else leaves it resumable.
      if (code === 1000 || code === 1001) session.ended = true;
    }
  }

  private closeWith(connection: Connection, code: number, reason: string): void {
    if (connection.open) connection.socket.close(code, reason);
  }

  private send(
    connection: Connection,
    payload: { op: number; d: unknown; s: number | null; t: string | null },
  ): void {
    if (!connection.open || connection.socket.readyState !== connection.socket.OPEN) return;
    this.frames.push({ direction: 'out', connectionId: connection.id, ...payload, at: Date.now() });
    connection.socket.send(JSON.stringify(payload));
  }

  private dispatchToSession(session: Session, t: string, d: unknown): boolean {
    const shaped = shapeForSession(session, t, d, this.hooks.botUserId());
    if (shaped === undefined) return false;
    session.seq += 1;
    const stored: StoredDispatch = { s: session.seq, t, d: shaped };
    session.history.push(stored);
    if (session.connection) {
      this.send(session.connection, { op: GatewayOpcodes.Dispatch, t, s: stored.s, d: shaped });
    }
    return true;
  }

  private onMessage(connection: Connection, text: string): void {
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      this.closeWith(connection, GatewayCloseCodes.DecodeError, 'Error while decoding payload');
      return;
    }
    if (!isRecord(payload) || typeof payload['op'] !== 'number') {
      this.closeWith(connection, GatewayCloseCodes.DecodeError, 'Error while decoding payload');
      return;
    }
    const op = payload['op'];
    const d = payload['d'];
    this.frames.push({
      direction: 'in',
      connectionId: connection.id,
      op,
      t: null,
      s: null,
      d,
      at: Date.now(),
    });
    switch (op) {
      case GatewayOpcodes.Heartbeat:
        this.heartbeatCount += 1;
        if (this.ackHeartbeats) {
          this.send(connection, { op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null });
        }
        return;
      case GatewayOpcodes.Identify:
        this.onIdentify(connection, d);
        return;
      case GatewayOpcodes.Resume:
        this.onResume(connection, d);
        return;
      case GatewayOpcodes.RequestGuildMembers:
        if (!connection.session) break;
        if (isRecord(d)) {
          for (const chunk of this.hooks.requestGuildMembers(d)) {
            this.dispatchToSession(
              connection.session,
              GatewayDispatchEvents.GuildMembersChunk,
              chunk,
            );
          }
        }
        return;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestSoundboardSounds:
        if (!connection.session) break;
        return;
      default:
        this.closeWith(connection, GatewayCloseCodes.UnknownOpcode, 'Unknown opcode');
        return;
    }
    this.closeWith(connection, GatewayCloseCodes.NotAuthenticated, 'Not authenticated');
  }

  private onIdentify(connection: Connection, d: unknown): void {
    if (connection.session) {
      this.closeWith(connection, GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated');
      return;
    }
    if (!isRecord(d) || typeof d['token'] !== 'string' || typeof d['intents'] !== 'number') {
      this.closeWith(connection, GatewayCloseCodes.DecodeError, 'Invalid IDENTIFY payload');
      return;
    }
    if (this.hooks.token !== null && d['token'] !== this.hooks.token) {
      this.closeWith(connection, GatewayCloseCodes.AuthenticationFailed, 'Authentication failed');
      return;
    }
    const intents = d['intents'];
    if ((intents & PRIVILEGED_INTENTS & ~this.hooks.allowedPrivilegedIntents) !== 0) {
      this.closeWith(connection, GatewayCloseCodes.DisallowedIntents, 'Disallowed intent(s)');
      return;
    }
    const rawShard = d['shard'];
    let shard: [number, number] = [0, 1];
    if (Array.isArray(rawShard)) {
      const [id, count] = rawShard;
      if (typeof id === 'number' && typeof count === 'number') shard = [id, count];
    }
    if (shard[0] >= shard[1]) {
      this.closeWith(connection, GatewayCloseCodes.InvalidShard, 'Invalid shard');
      return;
    }
    if (d['compress'] === true) {
      this.closeWith(
        connection,
        GatewayCloseCodes.DecodeError,
        'Payload compression is not supported',
      );
      return;
    }
    this.identifyCount += 1;
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      token: d['token'],
      intents,
      shard,
      seq: 0,
      history: [],
      connection,
      ended: false,
    };
    this.sessions.set(session.id, session);
    connection.session = session;
    this.dispatchToSession(
      session,
      GatewayDispatchEvents.Ready,
      this.hooks.buildReady(session.id, shard),
    );
    for (const guild of this.hooks.guildCreates(shard)) {
      this.dispatchToSession(session, GatewayDispatchEvents.GuildCreate, guild);
    }
  }

  private onResume(connection: Connection, d: unknown): void {
    if (connection.session) {
      this.closeWith(connection, GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated');
      return;
    }
    if (!isRecord(d) || typeof d['session_id'] !== 'string' || typeof d['token'] !== 'string') {
      this.closeWith(connection, GatewayCloseCodes.DecodeError, 'Invalid RESUME payload');
      return;
    }
    if (this.hooks.token !== null && d['token'] !== this.hooks.token) {
      this.closeWith(connection, GatewayCloseCodes.AuthenticationFailed, 'Authentication failed');
      return;
    }
    const session = this.sessions.get(d['session_id']);
    if (!session || session.ended || session.token !== d['token']) {
      this.send(connection, { op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
      return;
    }
    const seq = typeof d['seq'] === 'number' ? d['seq'] : 0;
    if (seq > session.seq) {
      this.closeWith(connection, GatewayCloseCodes.InvalidSeq, 'Invalid seq');
      return;
    }
    const previous = session.connection;
    if (previous && previous !== connection) {
      previous.session = null;
      previous.socket.terminate();
    }
    this.resumeCount += 1;
    session.connection = connection;
    connection.session = session;
    for (const missed of session.history.filter((entry) => entry.s > seq)) {
      this.send(connection, { op: GatewayOpcodes.Dispatch, t: missed.t, s: missed.s, d: missed.d });
    }
    session.seq += 1;
    this.send(connection, {
      op: GatewayOpcodes.Dispatch,
      t: GatewayDispatchEvents.Resumed,
      s: session.seq,
      d: { _trace: ['["stand-in-gateway"]'] },
    });
  }
}
