import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ApplicationCommandType,
  ChannelType,
  GatewayDispatchEvents,
  GatewayIntentBits,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  MessageType,
  PermissionFlagsBits,
} from 'discord.js';
import type {
  APIApplicationCommand,
  APIApplicationCommandOption,
  APIAttachment,
  APIEmbed,
  APIMessage,
  APIMessageInteractionMetadata,
  APIMessageTopLevelComponent,
  LocalizationMap,
} from 'discord.js';
import {
  buildUser,
  isTextBasedType,
  isThreadType,
  nextSnowflake,
  parseMentions,
  toApiChannel,
} from './fixtures.js';
import type { ChannelRecord, GuildRecord } from './fixtures.js';
import { RecordLog } from './log.js';
import type { InteractionRecord, StandInState } from './state.js';
import {
  DiscordHttpError,
  ErrorCode,
  httpError,
  invalidFormBody,
  isRecord,
  notFound,
  validateAutocompleteChoices,
  validateCommand,
  validateCommandList,
  validateMessageBody,
} from './validation.js';

export interface RecordedFile {
  /** Multipart field name, e.g. `files[0]`. */
  field: string;
  name: string;
  contentType: string;
  size: number;
  data: Buffer;
}

/** One HTTP request the stand-in received, with the answer it gave. */
export interface RecordedRequest {
  /** Position in the request log (see `DiscordStandIn.mark()`). */
  index: number;
  method: string;
  /**
   * Path without the `/api/v10` prefix, percent-decoded, e.g. `/channels/300000000000000001/messages`
   * or `/webhooks/:app/:token/messages/@original`.
   */
  path: string;
  /** The path as sent (still percent-encoded), without the `/api/v10` prefix. */
  rawPath: string;
  /** The matched route template, e.g. `/channels/:channelId/messages`; null when unrouted. */
  route: string | null;
  query: Record<string, string>;
  /** Parsed JSON body, or the parsed `payload_json` part of a multipart body. */
  body: unknown;
  files: RecordedFile[];
  /** Lower-cased header names. */
  headers: Record<string, string>;
  status: number;
  response: unknown;
  /** Set when the answer came from `rateLimitNext`/`failNext` rather than the route. */
  fault: 'rate-limit' | 'failure' | null;
  at: number;
}

export interface RateLimitRule {
  method?: string;
  pathPattern: RegExp;
  retryAfterSeconds: number;
  global?: boolean;
  /** Defaults to 'user' (or 'global' for a global limit). */
  scope?: 'user' | 'shared' | 'global';
  /** How many matching requests to reject; defaults to 1. */
  times?: number;
}

export interface FailureRule {
  method?: string;
  pathPattern: RegExp;
  status: number;
  code?: number;
  message?: string;
  times?: number;
}

/** The next matching request(s) are answered only after `ms`, as a slow network would. */
export interface HoldRule {
  method?: string;
  pathPattern: RegExp;
  ms: number;
  /** How many matching requests to hold; defaults to 1. */
  times?: number;
}

interface Hold {
  rule: HoldRule;
  remaining: number;
  arrived: () => void;
}

export interface RestHooks {
  token: string | null;
  /** Milliseconds an interaction may wait for its initial response; null for no limit. */
  interactionDeadlineMs: number | null;
  allowedPrivilegedIntents: number;
  applicationFlags: number;
  origin: () => string;
  gatewayUrl: () => string;
  /** What `GET /gateway/bot` recommends: how many shards, and how many may identify at once. */
  gatewayBot: { shards: number; maxConcurrency: number };
  /** Called for gateway events Discord would send about the bot's own actions. */
  echo: (t: string, d: unknown) => void;
}

interface RequestContext {
  method: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  files: RecordedFile[];
  headers: Record<string, string>;
}

interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  raw?: { data: Buffer; contentType: string };
}

interface Route {
  method: string;
  template: string;
  regex: RegExp;
  keys: string[];
  auth: boolean;
  handler: (context: RequestContext) => RouteResult | Promise<RouteResult>;
}

type Rule =
  | { kind: 'rate-limit'; rule: RateLimitRule; remaining: number }
  | { kind: 'failure'; rule: FailureRule; remaining: number };

const API_PREFIX = '/api/v10';
const ALLOWED_CHANNEL_FLAGS =
  MessageFlags.SuppressEmbeds |
  MessageFlags.SuppressNotifications |
  MessageFlags.IsVoiceMessage |
  MessageFlags.IsComponentsV2;
const ALLOWED_INTERACTION_FLAGS = ALLOWED_CHANNEL_FLAGS | MessageFlags.Ephemeral;

function compile(template: string): { regex: RegExp; keys: string[] } {
  const keys: string[] = [];
  const source = template
    .split('/')
    .map((part) => {
      if (part.startsWith(':')) {
        keys.push(part.slice(1));
        return '([^/]+)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { regex: new RegExp(`^${source}$`), keys };
}

function ok(body: unknown, status = 200): RouteResult {
  return { status, body };
}

const NO_CONTENT: RouteResult = { status: 204 };

function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}

function asBody(body: unknown): Record<string, unknown> {
  return isRecord(body) ? body : {};
}

/** The REST half of the stand-in. */
export class RestServer {
  readonly log = new RecordLog<RecordedRequest>(
    'request',
    (request) =>
      `${request.method} ${request.path} -> ${request.status}${request.fault ? ` (${request.fault})` : ''}`,
  );
  private readonly routes: Route[] = [];
  private readonly rules: Rule[] = [];
  private readonly holds: Hold[] = [];

  constructor(
    private readonly state: StandInState,
    private readonly hooks: RestHooks,
  ) {
    this.registerRoutes();
  }

  rateLimitNext(rule: RateLimitRule): void {
    this.rules.push({ kind: 'rate-limit', rule, remaining: rule.times ?? 1 });
  }

  failNext(rule: FailureRule): void {
    this.rules.push({ kind: 'failure', rule, remaining: rule.times ?? 1 });
  }

  /** Resolves when the first held request has arrived (its answer still waits `rule.ms`). */
  holdNext(rule: HoldRule): Promise<void> {
    return new Promise((arrived) => {
      this.holds.push({ rule, remaining: rule.times ?? 1, arrived });
    });
  }

  dispose(): void {
    this.log.dispose('The Discord stand-in was closed');
  }

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = (request.method ?? 'GET').toUpperCase();
    const rawPath = url.pathname;
    const path = rawPath.startsWith(`${API_PREFIX}/`) ? rawPath.slice(API_PREFIX.length) : rawPath;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const query = Object.fromEntries(url.searchParams);
    const raw = await readBody(request);
    const hold = this.takeHold(method, decodePath(path));
    if (hold) {
      hold.arrived();
      await new Promise((done) => setTimeout(done, hold.rule.ms));
    }
    let body: unknown;
    let files: RecordedFile[] = [];
    let result: RouteResult;
    let route: Route | null = null;
    let fault: RecordedRequest['fault'] = null;
    try {
      ({ body, files } = await parseBody(raw, headers['content-type'] ?? ''));
      const injected = this.takeRule(method, decodePath(path));
      if (injected) {
        fault = injected.kind;
        result =
          injected.kind === 'rate-limit'
            ? rateLimited(injected.rule, method, path)
            : failure(injected.rule);
      } else if (!rawPath.startsWith(`${API_PREFIX}/`)) {
        result = this.serveStatic(method, rawPath);
      } else {
        const match = this.match(method, path);
        route = match.route;
        if (!match.route) {
          result = match.pathKnown
            ? { status: 405, body: { message: '405: Method Not Allowed', code: ErrorCode.General } }
            : { status: 404, body: { message: '404: Not Found', code: ErrorCode.General } };
        } else {
          this.checkAuth(match.route, headers);
          result = await match.route.handler({
            method,
            path,
            params: match.params,
            query,
            body,
            files,
            headers,
          });
        }
      }
    } catch (error) {
      if (error instanceof DiscordHttpError) {
        result = { status: error.status, body: error.body };
      } else {
        const message = error instanceof Error ? error.message : String(error);
        result = { status: 500, body: { message: `500: Stand-in failure: ${message}`, code: 0 } };
      }
    }
    const outgoing: Record<string, string> = { ...result.headers };
    let payload: Buffer | undefined;
    if (result.raw) {
      outgoing['content-type'] = result.raw.contentType;
      payload = result.raw.data;
    } else if (result.body !== undefined) {
      outgoing['content-type'] = 'application/json';
      payload = Buffer.from(JSON.stringify(result.body));
    }
    response.writeHead(result.status, outgoing);
    response.end(payload);
    this.log.push({
      index: this.log.mark,
      method,
      path: decodePath(path),
      rawPath: path,
      route: route?.template ?? null,
      query,
      body,
      files,
      headers,
      status: result.status,
      response: result.raw ? `<${result.raw.data.length} bytes>` : result.body,
      fault,
      at: Date.now(),
    });
  }

  private takeHold(method: string, path: string): Hold | null {
    const index = this.holds.findIndex(
      (entry) =>
        (entry.rule.method === undefined || entry.rule.method.toUpperCase() === method) &&
        entry.rule.pathPattern.test(path),
    );
    const entry = this.holds[index];
    if (!entry) return null;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.holds.splice(index, 1);
    return entry;
  }

  private takeRule(method: string, path: string): Rule | null {
    const index = this.rules.findIndex(
      (entry) =>
        (entry.rule.method === undefined || entry.rule.method.toUpperCase() === method) &&
        entry.rule.pathPattern.test(path),
    );
    const entry = this.rules[index];
    if (!entry) return null;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.rules.splice(index, 1);
    return entry;
  }

  private match(
    method: string,
    path: string,
  ): { route: Route | null; params: Record<string, string>; pathKnown: boolean } {
    let pathKnown = false;
    for (const route of this.routes) {
      const found = route.regex.exec(path);
      if (!found) continue;
      pathKnown = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      route.keys.forEach((key, index) => {
        params[key] = decodeURIComponent(found[index + 1] ?? '');
      });
      return { route, params, pathKnown };
    }
    return { route: null, params: {}, pathKnown };
  }

  private checkAuth(route: Route, headers: Record<string, string>): void {
    const header = headers['authorization'];
    if (!route.auth && header === undefined) return;
    const valid =
      header !== undefined &&
      header.startsWith('Bot ') &&
      (this.hooks.token === null || header === `Bot ${this.hooks.token}`);
    if (!valid) throw httpError(401, ErrorCode.General, '401: Unauthorized');
  }

  private serveStatic(method: string, rawPath: string): RouteResult {
    const prefix = '/attachments/';
    if (method === 'GET' && rawPath.startsWith(prefix)) {
      const file = this.state.files.get(decodeURIComponent(rawPath.slice(prefix.length)));
      if (file) return { status: 200, raw: { data: file.data, contentType: file.contentType } };
    }
    return { status: 404, body: { message: '404: Not Found', code: ErrorCode.General } };
  }

  private add(method: string, template: string, handler: Route['handler'], auth = true): void {
    const { regex, keys } = compile(template);
    this.routes.push({ method, template, regex, keys, auth, handler });
  }

  // -------------------------------------------------------------------------
  // Routes

  private registerRoutes(): void {
    const s = this.state;

    this.add('GET', '/gateway', () => ok({ url: this.hooks.gatewayUrl() }), false);
    this.add('GET', '/gateway/bot', () =>
      ok({
        url: this.hooks.gatewayUrl(),
        shards: this.hooks.gatewayBot.shards,
        session_start_limit: {
          total: 1000,
          remaining: 999,
          reset_after: 0,
          max_concurrency: this.hooks.gatewayBot.maxConcurrency,
        },
      }),
    );

    this.add('GET', '/users/@me', () => ok(s.botUser));
    this.add('GET', '/users/:userId', ({ params }) => {
      const user = s.users.get(params['userId'] ?? '');
      if (!user) throw notFound(ErrorCode.UnknownUser, 'Unknown User');
      return ok(user);
    });
    this.add('POST', '/users/@me/channels', ({ body }) => {
      const recipientId = stringField(asBody(body), 'recipient_id');
      if (recipientId === undefined || !s.users.has(recipientId)) {
        throw invalidFormBody([
          { path: ['recipient_id'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' },
        ]);
      }
      if (s.users.get(recipientId)?.bot) {
        throw httpError(
          400,
          ErrorCode.CannotSendMessagesToThisUser,
          'Cannot send messages to this user',
        );
      }
      return ok(toApiChannel(s.ensureDmChannel(recipientId), s.users, true));
    });

    this.add('GET', '/applications/@me', () => ok(this.application()));
    this.add('GET', '/oauth2/applications/@me', () => ok(this.application()));

    this.registerCommandRoutes();
    this.registerInteractionRoutes();
    this.registerChannelRoutes();
    this.registerGuildRoutes();
  }

  private application(): Record<string, unknown> {
    const s = this.state;
    return {
      id: s.applicationId,
      name: s.botUser.username,
      icon: null,
      description: '',
      summary: '',
      type: null,
      bot: s.botUser,
      bot_public: true,
      bot_require_code_grant: false,
      verify_key: '0'.repeat(64),
      team: null,
      owner: buildUser({ id: '100000000000000099', username: 'almanac-maintainer' }),
      flags: this.hooks.applicationFlags,
      approximate_guild_count: s.guilds.size,
      approximate_user_install_count: 0,
      redirect_uris: [],
      interactions_endpoint_url: null,
      role_connections_verification_url: null,
      tags: [],
      install_params: {
        scopes: ['bot', 'applications.commands'],
        permissions: '0',
      },
      integration_types_config: {
        '0': {
          oauth2_install_params: { scopes: ['bot', 'applications.commands'], permissions: '0' },
        },
      },
      rpc_origins: [],
    };
  }

  // ---- application commands ------------------------------------------------

  private commandScope(params: Record<string, string>): string {
    if (params['applicationId'] !== this.state.applicationId) {
      throw httpError(403, ErrorCode.MissingAccess, 'Missing Access');
    }
    const guildId = params['guildId'];
    if (guildId === undefined) return 'global';
    if (!this.state.guilds.has(guildId))
      throw httpError(403, ErrorCode.MissingAccess, 'Missing Access');
    return guildId;
  }

  private buildCommand(
    input: Record<string, unknown>,
    scope: string,
    existing: APIApplicationCommand | undefined,
  ): APIApplicationCommand {
    const type =
      typeof input['type'] === 'number' ? input['type'] : ApplicationCommandType.ChatInput;
    const command: APIApplicationCommand = {
      id: existing?.id ?? nextSnowflake(),
      application_id: this.state.applicationId,
      version: nextSnowflake(),
      type,
      name: stringField(input, 'name') ?? '',
      // Localization maps and options passed validation already; they are stored as sent.
      name_localizations: (input['name_localizations'] ?? null) as LocalizationMap | null,
      description: stringField(input, 'description') ?? '',
      description_localizations: (input['description_localizations'] ??
        null) as LocalizationMap | null,
      default_member_permissions: stringField(input, 'default_member_permissions') ?? null,
      nsfw: input['nsfw'] === true,
      integration_types: Array.isArray(input['integration_types'])
        ? input['integration_types'].filter((value): value is number => typeof value === 'number')
        : [0],
      contexts: Array.isArray(input['contexts'])
        ? input['contexts'].filter((value): value is number => typeof value === 'number')
        : null,
    };
    if (Array.isArray(input['options'])) {
      command.options = input['options'] as APIApplicationCommandOption[];
    }
    if (scope === 'global') command.dm_permission = input['dm_permission'] !== false;
    else command.guild_id = scope;
    return command;
  }

  private registerCommandRoutes(): void {
    const s = this.state;
    for (const base of [
      '/applications/:applicationId',
      '/applications/:applicationId/guilds/:guildId',
    ]) {
      this.add('GET', `${base}/commands`, ({ params }) =>
        ok(s.commands.get(this.commandScope(params)) ?? []),
      );
      this.add('PUT', `${base}/commands`, ({ params, body }) => {
        const scope = this.commandScope(params);
        const list = validateCommandList(body);
        const previous = s.commands.get(scope) ?? [];
        const next = list.map((entry) => {
          const input = asBody(entry);
          const type = input['type'] ?? ApplicationCommandType.ChatInput;
          const existing = previous.find(
            (command) => command.name === input['name'] && command.type === type,
          );
          return this.buildCommand(input, scope, existing);
        });
        s.commands.set(scope, next);
        return ok(next);
      });
      this.add('POST', `${base}/commands`, ({ params, body }) => {
        const scope = this.commandScope(params);
        validateCommand(body);
        const input = asBody(body);
        const list = s.commands.get(scope) ?? [];
        const type = input['type'] ?? ApplicationCommandType.ChatInput;
        const index = list.findIndex(
          (command) => command.name === input['name'] && command.type === type,
        );
        const command = this.buildCommand(input, scope, list[index]);
        if (index >= 0) list[index] = command;
        else list.push(command);
        s.commands.set(scope, list);
        return ok(command, index >= 0 ? 200 : 201);
      });
      this.add('GET', `${base}/commands/:commandId`, ({ params }) =>
        ok(this.findCommand(params).command),
      );
      this.add('PATCH', `${base}/commands/:commandId`, ({ params, body }) => {
        const { scope, command, list } = this.findCommand(params);
        const merged = { ...command, ...asBody(body) };
        validateCommand(merged);
        const updated = this.buildCommand(merged, scope, command);
        list[list.indexOf(command)] = updated;
        return ok(updated);
      });
      this.add('DELETE', `${base}/commands/:commandId`, ({ params }) => {
        const { command, list } = this.findCommand(params);
        list.splice(list.indexOf(command), 1);
        return NO_CONTENT;
      });
    }
  }

  private findCommand(params: Record<string, string>): {
    scope: string;
    command: APIApplicationCommand;
    list: APIApplicationCommand[];
  } {
    const scope = this.commandScope(params);
    const list = this.state.commands.get(scope) ?? [];
    const command = list.find((candidate) => candidate.id === params['commandId']);
    if (!command)
      throw notFound(ErrorCode.UnknownApplicationCommand, 'Unknown application command');
    return { scope, command, list };
  }

  // ---- interactions and their webhooks --------------------------------------

  private interactionMetadata(record: InteractionRecord): APIMessageInteractionMetadata {
    const user = this.state.ensureUser(record.userId);
    const owners = record.payload.authorizing_integration_owners;
    if (record.type === InteractionType.MessageComponent) {
      return {
        id: record.id,
        type: InteractionType.MessageComponent,
        user,
        authorizing_integration_owners: owners,
        interacted_message_id: record.sourceMessageId ?? record.id,
      };
    }
    if (record.type === InteractionType.ModalSubmit) {
      return {
        id: record.id,
        type: InteractionType.ModalSubmit,
        user,
        authorizing_integration_owners: owners,
        triggering_interaction_metadata: {
          id: record.id,
          type: InteractionType.ApplicationCommand,
          user,
          authorizing_integration_owners: owners,
        },
      };
    }
    return {
      id: record.id,
      type: InteractionType.ApplicationCommand,
      user,
      authorizing_integration_owners: owners,
    };
  }

  private interactionMessageType(record: InteractionRecord): MessageType {
    if (record.type !== InteractionType.ApplicationCommand) return MessageType.Default;
    const payload = record.payload;
    const commandType =
      payload.type === InteractionType.ApplicationCommand
        ? payload.data.type
        : ApplicationCommandType.ChatInput;
    return commandType === ApplicationCommandType.ChatInput
      ? MessageType.ChatInputCommand
      : MessageType.ContextMenuCommand;
  }

  private createBotMessage(
    channelId: string,
    body: Record<string, unknown>,
    files: RecordedFile[],
    options: {
      allowedFlags: number;
      defaultParse: readonly string[];
      extraFlags?: number;
      record?: InteractionRecord;
      type?: MessageType;
      referencedMessageId?: string | null;
      repliedUserId?: string | null;
      dropEmbeds?: boolean;
    },
  ): APIMessage {
    const content = typeof body['content'] === 'string' ? body['content'] : '';
    const mentions = this.resolveMentions(
      channelId,
      content,
      body['allowed_mentions'],
      options.defaultParse,
      options.repliedUserId ?? null,
    );
    const flags =
      ((typeof body['flags'] === 'number' ? body['flags'] : 0) & options.allowedFlags) |
      (options.extraFlags ?? 0);
    const record = options.record;
    const message = this.state.createMessage({
      channelId,
      author: this.state.botUser,
      content,
      // Embeds and components passed `validateMessageBody`; they are stored as sent.
      embeds: options.dropEmbeds ? [] : ((body['embeds'] ?? []) as APIEmbed[]),
      components: (body['components'] ?? []) as APIMessageTopLevelComponent[],
      attachments: this.buildAttachments(channelId, body, files, []),
      flags,
      tts: body['tts'] === true,
      nonce:
        typeof body['nonce'] === 'string' || typeof body['nonce'] === 'number'
          ? body['nonce']
          : undefined,
      type: options.type,
      referencedMessageId: options.referencedMessageId ?? null,
      mentionUserIds: mentions.userIds,
      mentionRoleIds: mentions.roleIds,
      mentionEveryone: mentions.everyone,
      ...(record
        ? {
            webhookId: this.state.applicationId,
            applicationId: this.state.applicationId,
            interactionMetadata: this.interactionMetadata(record),
          }
        : {}),
    });
    if (record && record.type === InteractionType.ApplicationCommand) {
      const payload = record.payload;
      const name = payload.type === InteractionType.ApplicationCommand ? payload.data.name : '';
      message.interaction = {
        id: record.id,
        type: record.type,
        name,
        user: this.state.ensureUser(record.userId),
      };
    }
    return message;
  }

  private resolveMentions(
    channelId: string,
    content: string,
    allowed: unknown,
    defaultParse: readonly string[],
    repliedUserId: string | null,
  ): { userIds: string[]; roleIds: string[]; everyone: boolean } {
    const parsed = parseMentions(content);
    const config = isRecord(allowed) ? allowed : null;
    const parse = config
      ? Array.isArray(config['parse'])
        ? config['parse'].filter((value): value is string => typeof value === 'string')
        : []
      : defaultParse;
    const allowList = (key: string) => {
      const value = config?.[key];
      return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
    };
    const guild = this.state.guildOfChannel(channelId);
    const userIds = parsed.userIds.filter(
      (id) =>
        this.state.users.has(id) && (parse.includes('users') || allowList('users').includes(id)),
    );
    const roleIds = parsed.roleIds.filter(
      (id) =>
        (guild?.roles.some((role) => role.id === id) ?? false) &&
        (parse.includes('roles') || allowList('roles').includes(id)),
    );
    const pingReplied = config ? config['replied_user'] === true : true;
    if (repliedUserId !== null && pingReplied && !userIds.includes(repliedUserId)) {
      userIds.push(repliedUserId);
    }
    return { userIds, roleIds, everyone: parsed.everyone && parse.includes('everyone') };
  }

  private buildAttachments(
    channelId: string,
    body: Record<string, unknown>,
    files: RecordedFile[],
    existing: APIAttachment[],
  ): APIAttachment[] {
    const described = Array.isArray(body['attachments'])
      ? body['attachments'].filter(isRecord)
      : null;
    const kept = described
      ? existing.filter((attachment) =>
          described.some((entry) => String(entry['id']) === attachment.id),
        )
      : existing;
    const added = files.map((file, position) => {
      const index = /\[(\d+)\]/.exec(file.field)?.[1] ?? String(position);
      const entry = described?.find((candidate) => String(candidate['id']) === index);
      const id = nextSnowflake();
      const filename = (entry && stringField(entry, 'filename')) ?? file.name;
      const key = `${channelId}/${id}/${filename}`;
      this.state.files.set(key, { data: file.data, contentType: file.contentType });
      const url = `${this.hooks.origin()}/attachments/${key}`;
      const attachment: APIAttachment = {
        id,
        filename,
        size: file.size,
        url,
        proxy_url: url,
        content_type: file.contentType,
      };
      const description = entry && stringField(entry, 'description');
      if (description !== undefined) attachment.description = description;
      return attachment;
    });
    return [...kept, ...added];
  }

  private applyEdit(
    message: APIMessage,
    body: Record<string, unknown>,
    files: RecordedFile[],
    defaultParse: readonly string[],
  ): APIMessage {
    if ('content' in body) {
      const content = typeof body['content'] === 'string' ? body['content'] : '';
      message.content = content;
      const mentions = this.resolveMentions(
        message.channel_id,
        content,
        body['allowed_mentions'],
        defaultParse,
        null,
      );
      message.mentions = mentions.userIds.map((id) => this.state.ensureUser(id));
      message.mention_roles = mentions.roleIds;
      message.mention_everyone = mentions.everyone;
    }
    // Embeds and components passed `validateMessageBody`; they are stored as sent.
    if ('embeds' in body) message.embeds = (body['embeds'] ?? []) as APIEmbed[];
    if ('components' in body)
      message.components = (body['components'] ?? []) as APIMessageTopLevelComponent[];
    if ('attachments' in body || files.length > 0) {
      message.attachments = this.buildAttachments(
        message.channel_id,
        body,
        files,
        message.attachments,
      );
    }
    const wasLoading = ((message.flags ?? 0) & MessageFlags.Loading) !== 0;
    let flags = (message.flags ?? 0) & ~MessageFlags.Loading;
    if (typeof body['flags'] === 'number') {
      flags =
        (flags & ~MessageFlags.SuppressEmbeds) |
        (body['flags'] & (MessageFlags.SuppressEmbeds | MessageFlags.IsComponentsV2));
    }
    message.flags = flags;
    if (!wasLoading) message.edited_timestamp = new Date().toISOString();
    return message;
  }

  private echoMessage(t: string, message: APIMessage): void {
    if (((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0) return;
    this.hooks.echo(t, this.state.toGatewayMessage(message));
  }

  private echoDelete(message: APIMessage): void {
    if (((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0) return;
    const guild = this.state.guildOfChannel(message.channel_id);
    this.hooks.echo(GatewayDispatchEvents.MessageDelete, {
      id: message.id,
      channel_id: message.channel_id,
      ...(guild ? { guild_id: guild.id } : {}),
    });
  }

  private interactionFor(id: string, token: string): InteractionRecord {
    const record = this.state.interactions.get(id);
    if (!record || record.token !== token)
      throw notFound(ErrorCode.UnknownInteraction, 'Unknown interaction');
    return record;
  }

  private webhookInteraction(params: Record<string, string>): InteractionRecord {
    const record = this.state.interactionsByToken.get(params['token'] ?? '');
    if (
      !record ||
      params['applicationId'] !== this.state.applicationId ||
      record.response === null
    ) {
      throw notFound(ErrorCode.UnknownWebhook, 'Unknown Webhook');
    }
    return record;
  }

  private webhookMessage(record: InteractionRecord, messageId: string): APIMessage {
    const id = messageId === '@original' ? record.originalMessageId : messageId;
    const owned =
      id !== null && (id === record.originalMessageId || record.followUpIds.includes(id));
    const message = id !== null && owned ? this.state.messages.get(id) : undefined;
    if (!message) throw notFound(ErrorCode.UnknownMessage, 'Unknown Message');
    return message;
  }

  private registerInteractionRoutes(): void {
    const s = this.state;
    this.add(
      'POST',
      '/interactions/:interactionId/:token/callback',
      ({ params, body, files, query }) => {
        const record = this.interactionFor(params['interactionId'] ?? '', params['token'] ?? '');
        const deadline = this.hooks.interactionDeadlineMs;
        if (deadline !== null && Date.now() - record.createdAt > deadline) {
          throw notFound(ErrorCode.UnknownInteraction, 'Unknown interaction');
        }
        if (record.response !== null) {
          throw httpError(
            400,
            ErrorCode.InteractionAlreadyAcknowledged,
            'Interaction has already been acknowledged.',
          );
        }
        const callback = asBody(body);
        const type = callback['type'];
        const data = asBody(callback['data']);
        if (typeof type !== 'number' || !allowedResponseTypes(record).includes(type)) {
          throw invalidFormBody([
            {
              path: ['type'],
              code: 'INTERACTION_RESPONSE_TYPE_INVALID',
              message: `Response type ${String(type)} is not valid for this interaction`,
            },
          ]);
        }
        let resourceMessage: APIMessage | null = null;
        switch (type) {
          case InteractionResponseType.ChannelMessageWithSource: {
            validateMessageBody(callback['data'], { creating: true, fileCount: files.length });
            resourceMessage = this.createBotMessage(record.channelId, data, files, {
              allowedFlags: ALLOWED_INTERACTION_FLAGS,
              defaultParse: ['users'],
              record,
              type: this.interactionMessageType(record),
            });
            record.originalMessageId = resourceMessage.id;
            this.echoMessage(GatewayDispatchEvents.MessageCreate, resourceMessage);
            break;
          }
          case InteractionResponseType.DeferredChannelMessageWithSource: {
            const flags =
              typeof data['flags'] === 'number' ? data['flags'] & MessageFlags.Ephemeral : 0;
            resourceMessage = this.createBotMessage(record.channelId, {}, [], {
              allowedFlags: 0,
              defaultParse: ['users'],
              extraFlags: flags | MessageFlags.Loading,
              record,
              type: this.interactionMessageType(record),
            });
            record.originalMessageId = resourceMessage.id;
            this.echoMessage(GatewayDispatchEvents.MessageCreate, resourceMessage);
            break;
          }
          case InteractionResponseType.DeferredMessageUpdate:
          case InteractionResponseType.UpdateMessage: {
            const source =
              record.sourceMessageId !== null ? s.messages.get(record.sourceMessageId) : undefined;
            if (!source) throw notFound(ErrorCode.UnknownMessage, 'Unknown Message');
            if (type === InteractionResponseType.UpdateMessage) {
              validateMessageBody(callback['data'], { creating: false, fileCount: files.length });
              this.applyEdit(source, data, files, ['users']);
              this.echoMessage(GatewayDispatchEvents.MessageUpdate, source);
            }
            record.originalMessageId = source.id;
            resourceMessage = source;
            break;
          }
          case InteractionResponseType.ApplicationCommandAutocompleteResult:
            validateAutocompleteChoices(callback['data']);
            break;
          case InteractionResponseType.Modal: {
            const customId = stringField(data, 'custom_id');
            const errors = [];
            if (customId === undefined) {
              errors.push({
                path: ['data', 'custom_id'],
                code: 'BASE_TYPE_REQUIRED',
                message: 'This field is required',
              });
            }
            if (stringField(data, 'title') === undefined) {
              errors.push({
                path: ['data', 'title'],
                code: 'BASE_TYPE_REQUIRED',
                message: 'This field is required',
              });
            }
            const components = data['components'];
            if (!Array.isArray(components) || components.length === 0 || components.length > 5) {
              errors.push({
                path: ['data', 'components'],
                code: 'BASE_TYPE_BAD_LENGTH',
                message: 'Must be between 1 and 5 in length.',
              });
            }
            if (errors.length > 0) throw invalidFormBody(errors);
            if (customId !== undefined) s.modals.set(customId, data);
            break;
          }
          default:
            break;
        }
        record.response = { type, data: callback['data'] };
        if (query['with_response'] !== 'true') return NO_CONTENT;
        const interaction: Record<string, unknown> = { id: record.id, type: record.type };
        if (resourceMessage) {
          interaction['response_message_id'] = resourceMessage.id;
          interaction['response_message_loading'] =
            ((resourceMessage.flags ?? 0) & MessageFlags.Loading) !== 0;
          interaction['response_message_ephemeral'] =
            ((resourceMessage.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
        }
        const resource: Record<string, unknown> = { type };
        if (resourceMessage) resource['message'] = resourceMessage;
        return ok({ interaction, resource });
      },
      false,
    );

    this.add(
      'POST',
      '/webhooks/:applicationId/:token',
      ({ params, body, files, query }) => {
        const record = this.webhookInteraction(params);
        validateMessageBody(body, { creating: true, fileCount: files.length });
        const message = this.createBotMessage(record.channelId, asBody(body), files, {
          allowedFlags: ALLOWED_INTERACTION_FLAGS,
          defaultParse: ['users'],
          record,
        });
        record.followUpIds.push(message.id);
        this.echoMessage(GatewayDispatchEvents.MessageCreate, message);
        return query['wait'] === 'true' ? ok(message) : NO_CONTENT;
      },
      false,
    );
    this.add(
      'GET',
      '/webhooks/:applicationId/:token/messages/:messageId',
      ({ params }) =>
        ok(this.webhookMessage(this.webhookInteraction(params), params['messageId'] ?? '')),
      false,
    );
    this.add(
      'PATCH',
      '/webhooks/:applicationId/:token/messages/:messageId',
      ({ params, body, files }) => {
        const record = this.webhookInteraction(params);
        const message = this.webhookMessage(record, params['messageId'] ?? '');
        validateMessageBody(body, { creating: false, fileCount: files.length });
        this.applyEdit(message, asBody(body), files, ['users']);
        this.echoMessage(GatewayDispatchEvents.MessageUpdate, message);
        return ok(message);
      },
      false,
    );
    this.add(
      'DELETE',
      '/webhooks/:applicationId/:token/messages/:messageId',
      ({ params }) => {
        const record = this.webhookInteraction(params);
        const message = this.webhookMessage(record, params['messageId'] ?? '');
        s.messages.delete(message.id);
        this.echoDelete(message);
        return NO_CONTENT;
      },
      false,
    );
  }

  // ---- channels --------------------------------------------------------------

  private channel(channelId: string | undefined): ChannelRecord {
    const channel = this.state.channels.get(channelId ?? '');
    if (!channel) throw notFound(ErrorCode.UnknownChannel, 'Unknown Channel');
    return channel;
  }

  /** Throws 403 unless the bot has every permission in `needed` (DMs have no permissions). */
  private requirePermissions(channel: ChannelRecord, needed: bigint): void {
    const permissions = this.state.permissionsIn(channel.id, this.state.botUser.id);
    if (permissions === null) return;
    if ((permissions & PermissionFlagsBits.ViewChannel) === 0n) {
      throw httpError(403, ErrorCode.MissingAccess, 'Missing Access');
    }
    if ((permissions & needed) !== needed) {
      throw httpError(403, ErrorCode.MissingPermissions, 'Missing Permissions');
    }
  }

  private hasPermission(channel: ChannelRecord, flag: bigint): boolean {
    const permissions = this.state.permissionsIn(channel.id, this.state.botUser.id);
    return permissions === null || (permissions & flag) === flag;
  }

  private channelMessage(channel: ChannelRecord, messageId: string | undefined): APIMessage {
    const message = this.state.messages.get(messageId ?? '');
    if (
      !message ||
      message.channel_id !== channel.id ||
      ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0
    ) {
      throw notFound(ErrorCode.UnknownMessage, 'Unknown Message');
    }
    return message;
  }

  private registerChannelRoutes(): void {
    const s = this.state;

    this.add('GET', '/channels/:channelId', ({ params }) => {
      const channel = this.channel(params['channelId']);
      this.requirePermissions(channel, PermissionFlagsBits.ViewChannel);
      return ok(toApiChannel(channel, s.users, true));
    });

    this.add('GET', '/channels/:channelId/messages', ({ params, query }) => {
      const channel = this.channel(params['channelId']);
      this.requirePermissions(channel, PermissionFlagsBits.ViewChannel);
      if (!this.hasPermission(channel, PermissionFlagsBits.ReadMessageHistory)) return ok([]);
      const limit = Math.min(Math.max(Number(query['limit'] ?? 50) || 50, 1), 100);
      let list = s.channelMessages(channel.id);
      const before = query['before'];
      const after = query['after'];
      if (before !== undefined)
        list = list.filter((message) => BigInt(message.id) < BigInt(before));
      if (after !== undefined) list = list.filter((message) => BigInt(message.id) > BigInt(after));
      const newestFirst = [...list].reverse();
      return ok(after !== undefined ? list.slice(0, limit).reverse() : newestFirst.slice(0, limit));
    });

    this.add('POST', '/channels/:channelId/messages', ({ params, body, files }) => {
      const channel = this.channel(params['channelId']);
      if (!isTextBasedType(channel.type)) {
        throw httpError(400, 50008, 'Cannot send messages in a non-text channel');
      }
      if (channel.type === ChannelType.DM) {
        const recipient = s.users.get(channel.recipientIds[0] ?? '');
        if (!recipient || recipient.bot) {
          throw httpError(
            403,
            ErrorCode.CannotSendMessagesToThisUser,
            'Cannot send messages to this user',
          );
        }
      }
      const sendFlag = isThreadType(channel.type)
        ? PermissionFlagsBits.SendMessagesInThreads
        : PermissionFlagsBits.SendMessages;
      this.requirePermissions(channel, sendFlag);
      if (files.length > 0) this.requirePermissions(channel, PermissionFlagsBits.AttachFiles);
      validateMessageBody(body, { creating: true, fileCount: files.length });
      const data = asBody(body);
      let referencedMessageId: string | null = null;
      let repliedUserId: string | null = null;
      const reference = data['message_reference'];
      if (isRecord(reference) && typeof reference['message_id'] === 'string') {
        this.requirePermissions(channel, PermissionFlagsBits.ReadMessageHistory);
        const referenced = s.messages.get(reference['message_id']);
        const referenceChannel = stringField(reference, 'channel_id') ?? channel.id;
        if (referenced && referenced.channel_id === referenceChannel) {
          referencedMessageId = referenced.id;
          repliedUserId = referenced.author.id;
        } else if (reference['fail_if_not_exists'] !== false) {
          throw invalidFormBody([
            {
              path: ['message_reference'],
              code: 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE',
              message: 'Unknown message',
            },
          ]);
        }
      }
      const message = this.createBotMessage(channel.id, data, files, {
        allowedFlags: ALLOWED_CHANNEL_FLAGS,
        defaultParse: ['users', 'roles', 'everyone'],
        referencedMessageId,
        repliedUserId,
        dropEmbeds: !this.hasPermission(channel, PermissionFlagsBits.EmbedLinks),
      });
      this.echoMessage(GatewayDispatchEvents.MessageCreate, message);
      return ok(message);
    });

    this.add('GET', '/channels/:channelId/messages/:messageId', ({ params }) => {
      const channel = this.channel(params['channelId']);
      this.requirePermissions(
        channel,
        PermissionFlagsBits.ViewChannel | PermissionFlagsBits.ReadMessageHistory,
      );
      return ok(this.channelMessage(channel, params['messageId']));
    });

    this.add('PATCH', '/channels/:channelId/messages/:messageId', ({ params, body, files }) => {
      const channel = this.channel(params['channelId']);
      this.requirePermissions(channel, PermissionFlagsBits.ViewChannel);
      const message = this.channelMessage(channel, params['messageId']);
      if (message.author.id !== s.botUser.id) {
        throw httpError(
          403,
          ErrorCode.CannotEditOtherUsersMessage,
          'Cannot edit a message authored by another user',
        );
      }
      validateMessageBody(body, { creating: false, fileCount: files.length });
      this.applyEdit(message, asBody(body), files, ['users', 'roles', 'everyone']);
      this.echoMessage(GatewayDispatchEvents.MessageUpdate, message);
      return ok(message);
    });

    this.add('DELETE', '/channels/:channelId/messages/:messageId', ({ params }) => {
      const channel = this.channel(params['channelId']);
      const message = this.channelMessage(channel, params['messageId']);
      if (message.author.id !== s.botUser.id) {
        this.requirePermissions(channel, PermissionFlagsBits.ManageMessages);
      }
      s.messages.delete(message.id);
      this.echoDelete(message);
      return NO_CONTENT;
    });

    this.add(
      'PUT',
      '/channels/:channelId/messages/:messageId/reactions/:emoji/@me',
      ({ params }) => {
        const channel = this.channel(params['channelId']);
        const message = this.channelMessage(channel, params['messageId']);
        const emoji = parseEmoji(params['emoji'] ?? '');
        const known =
          emoji.id === null ||
          [...s.guilds.values()].some((guild) => guild.emojis.some((e) => e.id === emoji.id));
        if (!known) throw httpError(400, ErrorCode.UnknownEmoji, 'Unknown Emoji');
        const reactions = (message.reactions ??= []);
        const existing = reactions.find(
          (reaction) =>
            reaction.emoji.name === emoji.name && (reaction.emoji.id ?? null) === emoji.id,
        );
        this.requirePermissions(
          channel,
          PermissionFlagsBits.ReadMessageHistory |
            (existing ? 0n : PermissionFlagsBits.AddReactions),
        );
        if (existing?.me) return NO_CONTENT;
        if (existing) {
          existing.me = true;
          existing.count += 1;
          existing.count_details.normal += 1;
        } else {
          reactions.push({
            emoji,
            count: 1,
            count_details: { normal: 1, burst: 0 },
            me: true,
            me_burst: false,
            burst_colors: [],
          });
        }
        const guild = s.guildOfChannel(channel.id);
        const member = guild?.members.get(s.botUser.id);
        this.hooks.echo(GatewayDispatchEvents.MessageReactionAdd, {
          user_id: s.botUser.id,
          channel_id: channel.id,
          message_id: message.id,
          message_author_id: message.author.id,
          emoji,
          burst: false,
          type: 0,
          ...(guild ? { guild_id: guild.id } : {}),
          ...(member ? { member } : {}),
        });
        return NO_CONTENT;
      },
    );

    this.add(
      'DELETE',
      '/channels/:channelId/messages/:messageId/reactions/:emoji/@me',
      ({ params }) => {
        const channel = this.channel(params['channelId']);
        const message = this.channelMessage(channel, params['messageId']);
        const emoji = parseEmoji(params['emoji'] ?? '');
        const reactions = message.reactions ?? [];
        const existing = reactions.find(
          (reaction) =>
            reaction.emoji.name === emoji.name && (reaction.emoji.id ?? null) === emoji.id,
        );
        if (existing?.me) {
          existing.me = false;
          existing.count -= 1;
          existing.count_details.normal -= 1;
          if (existing.count <= 0) reactions.splice(reactions.indexOf(existing), 1);
        }
        return NO_CONTENT;
      },
    );

    this.add('POST', '/channels/:channelId/typing', ({ params }) => {
      const channel = this.channel(params['channelId']);
      this.requirePermissions(
        channel,
        isThreadType(channel.type)
          ? PermissionFlagsBits.SendMessagesInThreads
          : PermissionFlagsBits.SendMessages,
      );
      return NO_CONTENT;
    });

    this.add('POST', '/channels/:channelId/messages/:messageId/threads', ({ params, body }) => {
      const channel = this.channel(params['channelId']);
      const message = this.channelMessage(channel, params['messageId']);
      this.requirePermissions(channel, PermissionFlagsBits.CreatePublicThreads);
      if (s.channels.has(message.id)) {
        throw httpError(400, 160004, 'A thread has already been created for this message');
      }
      const thread = this.createThread(channel, message.id, asBody(body), ChannelType.PublicThread);
      message.thread = toApiChannel(thread, s.users, true);
      return ok(message.thread, 201);
    });

    this.add('POST', '/channels/:channelId/threads', ({ params, body }) => {
      const channel = this.channel(params['channelId']);
      const data = asBody(body);
      const type =
        data['type'] === ChannelType.PublicThread
          ? ChannelType.PublicThread
          : ChannelType.PrivateThread;
      this.requirePermissions(
        channel,
        type === ChannelType.PublicThread
          ? PermissionFlagsBits.CreatePublicThreads
          : PermissionFlagsBits.CreatePrivateThreads,
      );
      const thread = this.createThread(channel, nextSnowflake(), data, type);
      return ok(toApiChannel(thread, s.users, true), 201);
    });

    this.add('PUT', '/channels/:channelId/thread-members/@me', ({ params }) => {
      const channel = this.channel(params['channelId']);
      if (!isThreadType(channel.type))
        throw httpError(400, 50024, 'Cannot execute action on this channel type');
      return NO_CONTENT;
    });
  }

  private createThread(
    parent: ChannelRecord,
    id: string,
    data: Record<string, unknown>,
    type: ChannelType.PublicThread | ChannelType.PrivateThread,
  ): ChannelRecord {
    if (parent.guildId === null || isThreadType(parent.type) || !isTextBasedType(parent.type)) {
      throw httpError(400, 50024, 'Cannot execute action on this channel type');
    }
    const name = stringField(data, 'name');
    if (name === undefined || name.length === 0 || name.length > 100) {
      throw invalidFormBody([
        {
          path: ['name'],
          code: 'BASE_TYPE_BAD_LENGTH',
          message: 'Must be between 1 and 100 in length.',
        },
      ]);
    }
    const record: ChannelRecord = {
      id,
      type,
      name,
      guildId: parent.guildId,
      parentId: parent.id,
      topic: null,
      position: 0,
      nsfw: false,
      overwrites: [],
      recipientIds: [],
      ownerId: this.state.botUser.id,
      archived: false,
      locked: false,
      lastMessageId: null,
      createdAt: new Date().toISOString(),
    };
    this.state.channels.set(id, record);
    this.state.guilds.get(parent.guildId)?.channelIds.push(id);
    this.hooks.echo(GatewayDispatchEvents.ThreadCreate, {
      ...toApiChannel(record, this.state.users, true),
      newly_created: true,
    });
    return record;
  }

  // ---- guilds ----------------------------------------------------------------

  private guild(guildId: string | undefined): GuildRecord {
    const guild = this.state.guilds.get(guildId ?? '');
    if (!guild) throw notFound(ErrorCode.UnknownGuild, 'Unknown Guild');
    return guild;
  }

  private registerGuildRoutes(): void {
    const s = this.state;
    this.add('GET', '/guilds/:guildId', ({ params, query }) => {
      const guild = this.guild(params['guildId']);
      const body: Record<string, unknown> = {
        id: guild.id,
        name: guild.name,
        icon: null,
        splash: null,
        discovery_splash: null,
        banner: null,
        description: null,
        owner_id: guild.ownerId,
        roles: guild.roles,
        emojis: [],
        stickers: [],
        features: [],
        preferred_locale: guild.preferredLocale,
        afk_channel_id: null,
        afk_timeout: 300,
        verification_level: 1,
        default_message_notifications: 1,
        explicit_content_filter: 2,
        mfa_level: 0,
        application_id: null,
        system_channel_id: null,
        system_channel_flags: 0,
        rules_channel_id: null,
        vanity_url_code: null,
        premium_tier: 0,
        public_updates_channel_id: null,
        nsfw_level: 0,
        premium_progress_bar_enabled: false,
        safety_alerts_channel_id: null,
      };
      if (query['with_counts'] === 'true') {
        body['approximate_member_count'] = guild.members.size;
        body['approximate_presence_count'] = 0;
      }
      return ok(body);
    });
    this.add('GET', '/guilds/:guildId/channels', ({ params }) => {
      const guild = this.guild(params['guildId']);
      return ok(
        guild.channelIds
          .map((id) => s.channels.get(id))
          .filter(
            (channel): channel is ChannelRecord =>
              channel !== undefined && !isThreadType(channel.type),
          )
          .map((channel) => toApiChannel(channel, s.users, true)),
      );
    });
    this.add('GET', '/guilds/:guildId/roles', ({ params }) =>
      ok(this.guild(params['guildId']).roles),
    );
    this.add('GET', '/guilds/:guildId/members/:userId', ({ params }) => {
      const member = this.guild(params['guildId']).members.get(params['userId'] ?? '');
      if (!member) throw notFound(ErrorCode.UnknownMember, 'Unknown Member');
      return ok(member);
    });
    this.add('GET', '/guilds/:guildId/members', ({ params, query }) => {
      const guild = this.guild(params['guildId']);
      if ((this.hooks.allowedPrivilegedIntents & GatewayIntentBits.GuildMembers) === 0) {
        throw httpError(403, ErrorCode.MissingAccess, 'Missing Access');
      }
      const limit = Math.min(Math.max(Number(query['limit'] ?? 1) || 1, 1), 1000);
      const after = BigInt(query['after'] ?? '0');
      return ok(
        [...guild.members.values()]
          .filter((member) => BigInt(member.user.id) > after)
          .sort((a, b) => (BigInt(a.user.id) < BigInt(b.user.id) ? -1 : 1))
          .slice(0, limit),
      );
    });
  }
}

function allowedResponseTypes(record: InteractionRecord): number[] {
  switch (record.type) {
    case InteractionType.ApplicationCommand:
      return [
        InteractionResponseType.ChannelMessageWithSource,
        InteractionResponseType.DeferredChannelMessageWithSource,
        InteractionResponseType.Modal,
        InteractionResponseType.PremiumRequired,
        InteractionResponseType.LaunchActivity,
      ];
    case InteractionType.MessageComponent:
      return [
        InteractionResponseType.ChannelMessageWithSource,
        InteractionResponseType.DeferredChannelMessageWithSource,
        InteractionResponseType.DeferredMessageUpdate,
        InteractionResponseType.UpdateMessage,
        InteractionResponseType.Modal,
        InteractionResponseType.PremiumRequired,
      ];
    case InteractionType.ApplicationCommandAutocomplete:
      return [InteractionResponseType.ApplicationCommandAutocompleteResult];
    case InteractionType.ModalSubmit:
      return record.sourceMessageId !== null
        ? [
            InteractionResponseType.ChannelMessageWithSource,
            InteractionResponseType.DeferredChannelMessageWithSource,
            InteractionResponseType.DeferredMessageUpdate,
            InteractionResponseType.UpdateMessage,
          ]
        : [
            InteractionResponseType.ChannelMessageWithSource,
            InteractionResponseType.DeferredChannelMessageWithSource,
          ];
    default:
      return [];
  }
}

function parseEmoji(raw: string): { id: string | null; name: string; animated?: boolean } {
  const custom = /^(a:)?([\w~-]{2,32}):(\d{17,20})$/.exec(raw);
  if (custom) {
    return {
      id: custom[3] ?? null,
      name: custom[2] ?? '',
      ...(custom[1] ? { animated: true } : {}),
    };
  }
  if (raw.length === 0 || raw.length > 32 || /^[\w:]+$/.test(raw)) {
    throw httpError(400, ErrorCode.UnknownEmoji, 'Unknown Emoji');
  }
  return { id: null, name: raw };
}

function decodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

function rateLimited(rule: RateLimitRule, method: string, path: string): RouteResult {
  // One bucket per route shape, like Discord's (ids stand for their position only).
  const bucket = createHash('sha1')
    .update(`${method} ${path.replace(/\d{17,20}/g, ':id')}`)
    .digest('hex')
    .slice(0, 16);
  const retryAfter = rule.retryAfterSeconds;
  const global = rule.global ?? false;
  const headers: Record<string, string> = {
    'retry-after': String(retryAfter),
    'x-ratelimit-scope': global ? 'global' : (rule.scope ?? 'user'),
  };
  if (global) {
    headers['x-ratelimit-global'] = 'true';
  } else {
    headers['x-ratelimit-limit'] = '5';
    headers['x-ratelimit-remaining'] = '0';
    headers['x-ratelimit-reset'] = (Date.now() / 1000 + retryAfter).toFixed(3);
    headers['x-ratelimit-reset-after'] = String(retryAfter);
    headers['x-ratelimit-bucket'] = bucket;
  }
  return {
    status: 429,
    headers,
    body: { message: 'You are being rate limited.', retry_after: retryAfter, global, code: 0 },
  };
}

function failure(rule: FailureRule): RouteResult {
  return {
    status: rule.status,
    body: { message: rule.message ?? `${rule.status}: Injected failure`, code: rule.code ?? 0 },
  };
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

async function parseBody(
  raw: Buffer,
  contentType: string,
): Promise<{ body: unknown; files: RecordedFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType.startsWith('multipart/form-data')) {
    const form = await new Request('http://127.0.0.1/upload', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: raw,
    }).formData();
    let body: unknown;
    const files: RecordedFile[] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = parseJson(value);
      } else {
        files.push({
          field,
          name: value.name,
          contentType: value.type || 'application/octet-stream',
          size: value.size,
          data: Buffer.from(await value.arrayBuffer()),
        });
      }
    }
    return { body, files };
  }
  const text = raw.toString('utf8');
  if (contentType.startsWith('application/json')) return { body: parseJson(text), files: [] };
  return { body: text, files: [] };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw httpError(400, ErrorCode.InvalidJson, 'The request body contains invalid JSON.');
  }
}
