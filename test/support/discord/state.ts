import { randomBytes } from 'node:crypto';
import { ChannelType, MessageFlags, MessageReferenceType, MessageType } from 'discord.js';
import type {
  APIApplicationCommand,
  APIAttachment,
  APIEmbed,
  APIGuildMember,
  APIInteraction,
  APIMessage,
  APIMessageInteractionMetadata,
  APIMessageTopLevelComponent,
  APIUser,
  APIUserWithMember,
  GatewayMessageCreateDispatchData,
  InteractionResponseType,
  InteractionType,
  Locale,
} from 'discord.js';
import {
  DEFAULT_BOT_PERMISSIONS,
  DEFAULT_EVERYONE_PERMISSIONS,
  DEFAULT_LOCALE,
  buildBotUser,
  buildEmoji,
  buildMember,
  buildRole,
  buildUser,
  channelPermissions,
  channelRecordFromSpec,
  dmChannelRecord,
  memberWithoutUser,
  nextSnowflake,
} from './fixtures.js';
import type { ChannelRecord, GuildRecord, GuildSpec, UserSpec } from './fixtures.js';

export interface InteractionRecord {
  id: string;
  token: string;
  type: InteractionType;
  payload: APIInteraction;
  channelId: string;
  guildId: string | null;
  userId: string;
  createdAt: number;
  /** The initial callback that was accepted, if any. */
  response: { type: InteractionResponseType; data: unknown } | null;
  /** Message id behind `@original` once the interaction has been answered. */
  originalMessageId: string | null;
  /** For component interactions: the message the component sits on. */
  sourceMessageId: string | null;
  followUpIds: string[];
}

export interface MessageDraft {
  channelId: string;
  author: APIUser;
  content?: string;
  embeds?: APIEmbed[];
  components?: APIMessageTopLevelComponent[];
  attachments?: APIAttachment[];
  flags?: number;
  tts?: boolean;
  nonce?: string | number;
  type?: MessageType;
  referencedMessageId?: string | null;
  mentionUserIds?: readonly string[];
  mentionRoleIds?: readonly string[];
  mentionEveryone?: boolean;
  webhookId?: string;
  applicationId?: string;
  interactionMetadata?: APIMessageInteractionMetadata;
}

export interface StateOptions {
  botUser: UserSpec;
  applicationId: string;
  guilds: readonly GuildSpec[];
  extraUsers: readonly UserSpec[];
}

export interface StoredFile {
  data: Buffer;
  contentType: string;
}

/** Everything the stand-in knows: users, guilds, channels, messages, interactions, commands. */
export class StandInState {
  readonly botUser: APIUser;
  readonly applicationId: string;
  readonly users = new Map<string, APIUser>();
  readonly guilds = new Map<string, GuildRecord>();
  readonly channels = new Map<string, ChannelRecord>();
  readonly messages = new Map<string, APIMessage>();
  readonly interactions = new Map<string, InteractionRecord>();
  readonly interactionsByToken = new Map<string, InteractionRecord>();
  /** Application commands by scope: 'global' or a guild id. */
  readonly commands = new Map<string, APIApplicationCommand[]>();
  readonly files = new Map<string, StoredFile>();
  /** Last modal shown per custom id, so modal submissions can mirror its layout. */
  readonly modals = new Map<string, unknown>();
  /** Ids for commands used in interactions but never registered, stable per type and name. */
  readonly syntheticCommandIds = new Map<string, string>();

  constructor(options: StateOptions) {
    this.botUser = buildBotUser(options.botUser.id, options.botUser.username);
    this.applicationId = options.applicationId;
    this.users.set(this.botUser.id, this.botUser);
    for (const spec of options.extraUsers) this.users.set(spec.id, buildUser(spec));
    for (const spec of options.guilds) this.addGuild(spec);
  }

  private addGuild(spec: GuildSpec): void {
    const joinedAt = new Date().toISOString();
    const memberSpecs = spec.members ?? [];
    const ownerId = spec.ownerId ?? memberSpecs[0]?.user.id ?? this.botUser.id;
    const botRoleId = spec.botRoleId ?? nextSnowflake();
    const extraRoles = (spec.roles ?? []).map(buildRole);
    const roles = [
      buildRole({
        id: spec.id,
        name: '@everyone',
        permissions: spec.everyonePermissions ?? DEFAULT_EVERYONE_PERMISSIONS,
        position: 0,
      }),
      buildRole({
        id: botRoleId,
        name: this.botUser.username,
        permissions: spec.botPermissions ?? DEFAULT_BOT_PERMISSIONS,
        position: 1,
        botId: this.botUser.id,
      }),
      ...extraRoles,
    ];
    const members = new Map<string, APIGuildMember>();
    members.set(this.botUser.id, buildMember(this.botUser, [botRoleId], joinedAt));
    for (const memberSpec of memberSpecs) {
      const user = this.users.get(memberSpec.user.id) ?? buildUser(memberSpec.user);
      this.users.set(user.id, user);
      const member = buildMember(user, memberSpec.roleIds ?? [], memberSpec.joinedAt ?? joinedAt);
      if (memberSpec.nick !== undefined) member.nick = memberSpec.nick;
      members.set(user.id, member);
    }
    const channelSpecs = spec.channels ?? [{ id: nextSnowflake(), name: 'general' }];
    const channelIds: string[] = [];
    for (const channelSpec of channelSpecs) {
      const record = channelRecordFromSpec(channelSpec, spec.id, ownerId);
      this.channels.set(record.id, record);
      channelIds.push(record.id);
    }
    this.guilds.set(spec.id, {
      id: spec.id,
      name: spec.name ?? `Guild ${spec.id}`,
      ownerId,
      preferredLocale: spec.preferredLocale ?? DEFAULT_LOCALE,
      joinedAt,
      botRoleId,
      roles,
      emojis: (spec.emojis ?? []).map(buildEmoji),
      members,
      channelIds,
    });
  }

  /** The user with this id, created on first use (as a human unless `bot` says otherwise). */
  ensureUser(id: string, bot = false): APIUser {
    const existing = this.users.get(id);
    if (existing) return existing;
    const user = buildUser({ id, username: `user${id.slice(-4)}`, bot });
    this.users.set(id, user);
    return user;
  }

  /** Adds the user to the guild as a role-less member if not already there. */
  ensureMember(guild: GuildRecord, user: APIUser): APIGuildMember {
    const existing = guild.members.get(user.id);
    if (existing) return existing;
    const member = buildMember(user, [], new Date().toISOString());
    guild.members.set(user.id, member);
    return member;
  }

  guildOfChannel(channelId: string): GuildRecord | null {
    const channel = this.channels.get(channelId);
    if (!channel || channel.guildId === null) return null;
    return this.guilds.get(channel.guildId) ?? null;
  }

  /** The DM channel between the bot and this user, created on first use. */
  ensureDmChannel(userId: string): ChannelRecord {
    for (const channel of this.channels.values()) {
      if (channel.type === ChannelType.DM && channel.recipientIds[0] === userId) return channel;
    }
    const record = dmChannelRecord(nextSnowflake(), userId);
    this.channels.set(record.id, record);
    return record;
  }

  /** The permissions the user has in the channel; null outside guilds (DMs have no permissions). */
  permissionsIn(channelId: string, userId: string): bigint | null {
    const channel = this.channels.get(channelId);
    const guild = this.guildOfChannel(channelId);
    if (!channel || !guild) return null;
    return channelPermissions(guild, channel, this.channels, userId);
  }

  newInteractionToken(): string {
    return `aW50ZXJhY3Rpb24.${randomBytes(24).toString('base64url')}`;
  }

  /** Builds a full message object, stores it and returns it. */
  createMessage(draft: MessageDraft): APIMessage {
    const id = nextSnowflake();
    const channel = this.channels.get(draft.channelId);
    const guild = this.guildOfChannel(draft.channelId);
    const referenced =
      draft.referencedMessageId !== undefined && draft.referencedMessageId !== null
        ? this.messages.get(draft.referencedMessageId)
        : undefined;
    const message: APIMessage = {
      id,
      channel_id: draft.channelId,
      author: draft.author,
      content: draft.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: draft.tts ?? false,
      mention_everyone: draft.mentionEveryone ?? false,
      mentions: (draft.mentionUserIds ?? []).map((userId) => this.ensureUser(userId)),
      mention_roles: [...(draft.mentionRoleIds ?? [])],
      attachments: draft.attachments ?? [],
      embeds: draft.embeds ?? [],
      components: draft.components ?? [],
      pinned: false,
      type: draft.type ?? (referenced ? MessageType.Reply : MessageType.Default),
      flags: draft.flags ?? 0,
    };
    if (draft.nonce !== undefined) message.nonce = draft.nonce;
    if (draft.webhookId !== undefined) message.webhook_id = draft.webhookId;
    if (draft.applicationId !== undefined) message.application_id = draft.applicationId;
    if (draft.interactionMetadata !== undefined) {
      message.interaction_metadata = draft.interactionMetadata;
    }
    if (referenced) {
      message.message_reference = {
        type: MessageReferenceType.Default,
        message_id: referenced.id,
        channel_id: referenced.channel_id,
        ...(guild ? { guild_id: guild.id } : {}),
      };
      message.referenced_message = referenced;
    }
    this.messages.set(id, message);
    // Ephemeral messages never become the channel's last message.
    const ephemeral = ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
    if (channel && !ephemeral) channel.lastMessageId = id;
    return message;
  }

  /** Message ids in a channel, oldest first (ephemeral ones excluded). */
  channelMessages(channelId: string): APIMessage[] {
    return [...this.messages.values()].filter(
      (message) =>
        message.channel_id === channelId && ((message.flags ?? 0) & MessageFlags.Ephemeral) === 0,
    );
  }

  /** The MESSAGE_CREATE/MESSAGE_UPDATE shape of a stored message: guild_id, member, mentions. */
  toGatewayMessage(message: APIMessage): GatewayMessageCreateDispatchData {
    const guild = this.guildOfChannel(message.channel_id);
    const channel = this.channels.get(message.channel_id);
    const mentions: APIUserWithMember[] = message.mentions.map((user) => {
      const member = guild?.members.get(user.id);
      if (!member) return user;
      return { ...user, member: memberWithoutUser(member) };
    });
    const payload: GatewayMessageCreateDispatchData = { ...message, mentions };
    const channelType = channel ? messageChannelType(channel.type) : undefined;
    if (channelType !== undefined) payload.channel_type = channelType;
    if (guild) {
      payload.guild_id = guild.id;
      const member =
        message.webhook_id === undefined ? guild.members.get(message.author.id) : undefined;
      if (member) payload.member = memberWithoutUser(member);
    }
    return payload;
  }

  localeOf(guildId: string | null): Locale {
    if (guildId === null) return DEFAULT_LOCALE;
    return this.guilds.get(guildId)?.preferredLocale ?? DEFAULT_LOCALE;
  }
}

type MessageChannelType = NonNullable<GatewayMessageCreateDispatchData['channel_type']>;

function messageChannelType(type: ChannelType): MessageChannelType | undefined {
  switch (type) {
    case ChannelType.GuildText:
    case ChannelType.DM:
    case ChannelType.GuildVoice:
    case ChannelType.GroupDM:
    case ChannelType.GuildAnnouncement:
    case ChannelType.AnnouncementThread:
    case ChannelType.PublicThread:
    case ChannelType.PrivateThread:
    case ChannelType.GuildStageVoice:
      return type;
    default:
      return undefined;
  }
}
