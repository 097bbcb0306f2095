import {
  ChannelType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  OverwriteType,
  PermissionFlagsBits,
} from 'discord.js';
import type {
  APIChannel,
  APIEmoji,
  APIGuildMember,
  APIOverwrite,
  APIRole,
  APIUser,
  GatewayGuildCreateDispatchData,
} from 'discord.js';

/** Well-known ids of the default world, so tests can refer to them without a lookup. */
export const DEFAULT_IDS = {
  botUser: '100000000000000001',
  application: '100000000000000001',
  guild: '200000000000000001',
  textChannel: '300000000000000001',
  secondTextChannel: '300000000000000002',
  category: '300000000000000003',
  thread: '300000000000000004',
  humanUser: '400000000000000001',
  secondHumanUser: '400000000000000002',
  botRole: '500000000000000001',
  moderatorRole: '500000000000000002',
} as const;

// ---------------------------------------------------------------------------
// Snowflakes

const DISCORD_EPOCH = 1_420_070_400_000n;
let lastSnowflakeMs = 0n;
let snowflakeIncrement = 0n;

/** A fresh snowflake for the current time; strictly increasing within the process. */
export function nextSnowflake(now: number = Date.now()): string {
  let ms = BigInt(now) - DISCORD_EPOCH;
  if (ms <= lastSnowflakeMs) {
    ms = lastSnowflakeMs;
    snowflakeIncrement += 1n;
    if (snowflakeIncrement > 4095n) {
      ms += 1n;
      snowflakeIncrement = 0n;
    }
  } else {
    snowflakeIncrement = 0n;
  }
  lastSnowflakeMs = ms;
  return ((ms << 22n) | (1n << 17n) | snowflakeIncrement).toString();
}

export function snowflakeTimestamp(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}

// ---------------------------------------------------------------------------
// Permissions

export const ALL_PERMISSIONS: bigint = Object.values(PermissionFlagsBits).reduce(
  (all, flag) => all | flag,
  0n,
);

export const DEFAULT_EVERYONE_PERMISSIONS: bigint =
  PermissionFlagsBits.CreateInstantInvite |
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseApplicationCommands |
  PermissionFlagsBits.ChangeNickname |
  PermissionFlagsBits.Connect |
  PermissionFlagsBits.Speak;

/** What a typical invite link grants a question-answering bot. */
export const DEFAULT_BOT_PERMISSIONS: bigint =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseApplicationCommands;

export const DEFAULT_MODERATOR_PERMISSIONS: bigint =
  PermissionFlagsBits.ManageMessages |
  PermissionFlagsBits.ManageThreads |
  PermissionFlagsBits.ModerateMembers |
  PermissionFlagsBits.ManageGuild;

// ---------------------------------------------------------------------------
// Specs: the compact description a test gives; the stand-in expands them into API payloads.

export interface UserSpec {
  id: string;
  username: string;
  globalName?: string | null;
  bot?: boolean;
}

export interface RoleSpec {
  id: string;
  name: string;
  permissions?: bigint;
  position?: number;
  color?: number;
  hoist?: boolean;
  mentionable?: boolean;
  managed?: boolean;
  /** Marks the role as the managed role of this bot user. */
  botId?: string;
}

export interface OverwriteSpec {
  id: string;
  type: 'role' | 'member';
  allow?: bigint;
  deny?: bigint;
}

export type GuildChannelKind =
  | ChannelType.GuildText
  | ChannelType.GuildAnnouncement
  | ChannelType.GuildCategory
  | ChannelType.GuildVoice
  | ChannelType.PublicThread
  | ChannelType.PrivateThread;

export interface ChannelSpec {
  id: string;
  name: string;
  /** Defaults to a guild text channel. */
  type?: GuildChannelKind;
  /** Category for channels, parent text channel for threads. */
  parentId?: string | null;
  topic?: string | null;
  position?: number;
  nsfw?: boolean;
  overwrites?: readonly OverwriteSpec[];
  /** Threads only: who created the thread (defaults to the guild owner). */
  ownerId?: string;
  archived?: boolean;
  locked?: boolean;
}

export interface MemberSpec {
  user: UserSpec;
  roleIds?: readonly string[];
  nick?: string | null;
  joinedAt?: string;
}

export interface EmojiSpec {
  id: string;
  name: string;
  animated?: boolean;
}

export interface GuildSpec {
  id: string;
  name?: string;
  ownerId?: string;
  preferredLocale?: Locale;
  /** Guild channels and threads. Defaults to one text channel. */
  channels?: readonly ChannelSpec[];
  /** Extra roles; @everyone and the bot's managed role are always added. */
  roles?: readonly RoleSpec[];
  /** Human (or other bot) members; the bot member is always added. */
  members?: readonly MemberSpec[];
  /** Custom emojis of the guild (the bot can react with these). */
  emojis?: readonly EmojiSpec[];
  everyonePermissions?: bigint;
  botRoleId?: string;
  botPermissions?: bigint;
}

export const DEFAULT_HUMAN_USERS: readonly UserSpec[] = [
  { id: DEFAULT_IDS.humanUser, username: 'learner', globalName: 'Learner' },
  { id: DEFAULT_IDS.secondHumanUser, username: 'tutor', globalName: 'Tutor' },
];

export function defaultGuildSpec(): GuildSpec {
  const [learner, tutor] = DEFAULT_HUMAN_USERS;
  if (!learner || !tutor) throw new Error('default users are missing');
  return {
    id: DEFAULT_IDS.guild,
    name: 'Study Group',
    ownerId: tutor.id,
    channels: [
      { id: DEFAULT_IDS.category, name: 'Study', type: ChannelType.GuildCategory, position: 0 },
      {
        id: DEFAULT_IDS.textChannel,
        name: 'general',
        parentId: DEFAULT_IDS.category,
        topic: 'Ask questions here',
        position: 0,
      },
      {
        id: DEFAULT_IDS.secondTextChannel,
        name: 'trivia',
        parentId: DEFAULT_IDS.category,
        position: 1,
      },
      {
        id: DEFAULT_IDS.thread,
        name: 'exam-prep',
        type: ChannelType.PublicThread,
        parentId: DEFAULT_IDS.textChannel,
        ownerId: learner.id,
      },
    ],
    roles: [
      {
        id: DEFAULT_IDS.moderatorRole,
        name: 'Moderators',
        permissions: DEFAULT_MODERATOR_PERMISSIONS,
        position: 2,
        hoist: true,
        mentionable: true,
      },
    ],
    members: [
      { user: learner, roleIds: [] },
      { user: tutor, roleIds: [DEFAULT_IDS.moderatorRole] },
    ],
    botRoleId: DEFAULT_IDS.botRole,
  };
}

// ---------------------------------------------------------------------------
// Records kept by the stand-in

/** A channel as the stand-in keeps it; turned into API payloads by `toApiChannel`. */
export interface ChannelRecord {
  id: string;
  type: ChannelType;
  name: string | null;
  guildId: string | null;
  parentId: string | null;
  topic: string | null;
  position: number;
  nsfw: boolean;
  overwrites: APIOverwrite[];
  /** DM channels only. */
  recipientIds: string[];
  /** Threads only. */
  ownerId: string | null;
  archived: boolean;
  locked: boolean;
  lastMessageId: string | null;
  createdAt: string;
}

export interface GuildRecord {
  id: string;
  name: string;
  ownerId: string;
  preferredLocale: Locale;
  joinedAt: string;
  botRoleId: string;
  roles: APIRole[];
  emojis: APIEmoji[];
  members: Map<string, APIGuildMember>;
  /** Channel and thread ids in creation order. */
  channelIds: string[];
}

/** Flag fields are typed as enums without a zero member; a plain number is what Discord sends. */
const NO_FLAGS: number = 0;

export function buildUser(spec: UserSpec): APIUser {
  return {
    id: spec.id,
    username: spec.username,
    discriminator: '0',
    global_name: spec.globalName ?? null,
    avatar: null,
    bot: spec.bot ?? false,
    system: false,
    public_flags: NO_FLAGS,
    flags: NO_FLAGS,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
    collectibles: null,
    primary_guild: null,
  };
}

export function buildBotUser(id: string, username: string): APIUser {
  return {
    ...buildUser({ id, username, bot: true }),
    verified: true,
    mfa_enabled: false,
    locale: 'en-US',
    email: null,
    flags: NO_FLAGS,
  };
}

export function buildRole(spec: RoleSpec): APIRole {
  const color = spec.color ?? 0;
  const role: APIRole = {
    id: spec.id,
    name: spec.name,
    color,
    colors: { primary_color: color, secondary_color: null, tertiary_color: null },
    hoist: spec.hoist ?? false,
    icon: null,
    unicode_emoji: null,
    position: spec.position ?? 1,
    permissions: (spec.permissions ?? 0n).toString(),
    managed: spec.managed ?? spec.botId !== undefined,
    mentionable: spec.mentionable ?? false,
    flags: NO_FLAGS,
  };
  if (spec.botId !== undefined) role.tags = { bot_id: spec.botId };
  return role;
}

export function buildMember(
  user: APIUser,
  roleIds: readonly string[],
  joinedAt: string,
): APIGuildMember {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles: [...roleIds],
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: NO_FLAGS,
    pending: false,
    communication_disabled_until: null,
  };
}

/** A member object without its `user`, as nested in messages and mentions. */
export function memberWithoutUser(member: APIGuildMember): Omit<APIGuildMember, 'user'> {
  const { user, ...rest } = member;
  void user;
  return rest;
}

export function buildEmoji(spec: EmojiSpec): APIEmoji {
  return {
    id: spec.id,
    name: spec.name,
    roles: [],
    require_colons: true,
    managed: false,
    animated: spec.animated ?? false,
    available: true,
  };
}

function buildOverwrite(spec: OverwriteSpec): APIOverwrite {
  return {
    id: spec.id,
    type: spec.type === 'role' ? OverwriteType.Role : OverwriteType.Member,
    allow: (spec.allow ?? 0n).toString(),
    deny: (spec.deny ?? 0n).toString(),
  };
}

export function channelRecordFromSpec(
  spec: ChannelSpec,
  guildId: string,
  defaultOwnerId: string,
): ChannelRecord {
  const type = spec.type ?? ChannelType.GuildText;
  const isThread = type === ChannelType.PublicThread || type === ChannelType.PrivateThread;
  return {
    id: spec.id,
    type,
    name: spec.name,
    guildId,
    parentId: spec.parentId ?? null,
    topic: spec.topic ?? null,
    position: spec.position ?? 0,
    nsfw: spec.nsfw ?? false,
    overwrites: (spec.overwrites ?? []).map(buildOverwrite),
    recipientIds: [],
    ownerId: isThread ? (spec.ownerId ?? defaultOwnerId) : null,
    archived: spec.archived ?? false,
    locked: spec.locked ?? false,
    lastMessageId: null,
    createdAt: new Date(snowflakeTimestamp(spec.id)).toISOString(),
  };
}

export function dmChannelRecord(id: string, recipientId: string): ChannelRecord {
  return {
    id,
    type: ChannelType.DM,
    name: null,
    guildId: null,
    parentId: null,
    topic: null,
    position: 0,
    nsfw: false,
    overwrites: [],
    recipientIds: [recipientId],
    ownerId: null,
    archived: false,
    locked: false,
    lastMessageId: null,
    createdAt: new Date().toISOString(),
  };
}

export function isThreadType(type: ChannelType): boolean {
  return (
    type === ChannelType.PublicThread ||
    type === ChannelType.PrivateThread ||
    type === ChannelType.AnnouncementThread
  );
}

export function isTextBasedType(type: ChannelType): boolean {
  return (
    type === ChannelType.GuildText ||
    type === ChannelType.GuildAnnouncement ||
    type === ChannelType.GuildVoice ||
    type === ChannelType.DM ||
    isThreadType(type)
  );
}

/**
 * The API form of a channel. `includeGuildId` is false inside GUILD_CREATE (Discord leaves it out
 * there) and true for REST responses.
 */
export function toApiChannel(
  record: ChannelRecord,
  users: ReadonlyMap<string, APIUser>,
  includeGuildId: boolean,
): APIChannel {
  const guildPart = includeGuildId && record.guildId !== null ? { guild_id: record.guildId } : {};
  switch (record.type) {
    case ChannelType.DM:
      return {
        id: record.id,
        type: ChannelType.DM,
        name: null,
        last_message_id: record.lastMessageId,
        flags: NO_FLAGS,
        recipients: record.recipientIds.flatMap((id) => {
          const user = users.get(id);
          return user ? [user] : [];
        }),
      };
    case ChannelType.GuildCategory:
      return {
        id: record.id,
        type: ChannelType.GuildCategory,
        name: record.name ?? 'category',
        position: record.position,
        permission_overwrites: record.overwrites,
        parent_id: null,
        nsfw: record.nsfw,
        flags: NO_FLAGS,
        ...guildPart,
      };
    case ChannelType.GuildVoice:
      return {
        id: record.id,
        type: ChannelType.GuildVoice,
        name: record.name ?? 'voice',
        position: record.position,
        permission_overwrites: record.overwrites,
        parent_id: record.parentId,
        nsfw: record.nsfw,
        bitrate: 64000,
        user_limit: 0,
        rtc_region: null,
        rate_limit_per_user: 0,
        last_message_id: record.lastMessageId,
        flags: NO_FLAGS,
        ...guildPart,
      };
    case ChannelType.PublicThread:
    case ChannelType.PrivateThread:
    case ChannelType.AnnouncementThread:
      return {
        id: record.id,
        type: record.type,
        name: record.name ?? 'thread',
        parent_id: record.parentId ?? undefined,
        owner_id: record.ownerId ?? undefined,
        last_message_id: record.lastMessageId,
        rate_limit_per_user: 0,
        message_count: 0,
        member_count: 1,
        total_message_sent: 0,
        flags: NO_FLAGS,
        thread_metadata: {
          archived: record.archived,
          auto_archive_duration: 1440,
          archive_timestamp: record.createdAt,
          locked: record.locked,
          create_timestamp: record.createdAt,
          ...(record.type === ChannelType.PrivateThread ? { invitable: true } : {}),
        },
        ...guildPart,
      };
    case ChannelType.GuildAnnouncement:
      return {
        id: record.id,
        type: ChannelType.GuildAnnouncement,
        name: record.name ?? 'announcements',
        position: record.position,
        permission_overwrites: record.overwrites,
        parent_id: record.parentId,
        nsfw: record.nsfw,
        topic: record.topic,
        last_message_id: record.lastMessageId,
        rate_limit_per_user: 0,
        flags: NO_FLAGS,
        ...guildPart,
      };
    default:
      return {
        id: record.id,
        type: ChannelType.GuildText,
        name: record.name ?? 'text',
        position: record.position,
        permission_overwrites: record.overwrites,
        parent_id: record.parentId,
        nsfw: record.nsfw,
        topic: record.topic,
        last_message_id: record.lastMessageId,
        rate_limit_per_user: 0,
        default_auto_archive_duration: 1440,
        flags: NO_FLAGS,
        ...guildPart,
      };
  }
}

export function buildGuildCreate(
  guild: GuildRecord,
  channels: ReadonlyMap<string, ChannelRecord>,
  users: ReadonlyMap<string, APIUser>,
): GatewayGuildCreateDispatchData {
  const records = guild.channelIds.flatMap((id) => {
    const record = channels.get(id);
    return record ? [record] : [];
  });
  const members = [...guild.members.values()];
  const channelPayloads = records
    .filter((record) => !isThreadType(record.type))
    .map((record) => toApiChannel(record, users, false));
  const threadPayloads = records
    .filter((record) => isThreadType(record.type))
    .map((record) => toApiChannel(record, users, true));
  const firstText = records.find((record) => record.type === ChannelType.GuildText);
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: GuildVerificationLevel.Low,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.AllMembers,
    roles: guild.roles,
    emojis: guild.emojis,
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: firstText?.id ?? null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotificationReplies,
    rules_channel_id: null,
    max_members: 500_000,
    max_presences: null,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: guild.preferredLocale,
    public_updates_channel_id: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    joined_at: guild.joinedAt,
    large: false,
    unavailable: false,
    member_count: members.length,
    voice_states: [],
    members,
    // The payloads above are guild channels and threads respectively; the union type cannot see
    // that through the record's runtime `type`.
    channels: channelPayloads as GatewayGuildCreateDispatchData['channels'],
    threads: threadPayloads as GatewayGuildCreateDispatchData['threads'],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

// ---------------------------------------------------------------------------
// Permission computation (the algorithm from Discord's permissions documentation)

export function basePermissions(guild: GuildRecord, userId: string): bigint {
  if (guild.ownerId === userId) return ALL_PERMISSIONS;
  const everyone = guild.roles.find((role) => role.id === guild.id);
  let permissions = everyone ? BigInt(everyone.permissions) : 0n;
  const member = guild.members.get(userId);
  for (const roleId of member?.roles ?? []) {
    const role = guild.roles.find((candidate) => candidate.id === roleId);
    if (role) permissions |= BigInt(role.permissions);
  }
  if ((permissions & PermissionFlagsBits.Administrator) !== 0n) return ALL_PERMISSIONS;
  return permissions;
}

export function channelPermissions(
  guild: GuildRecord,
  channel: ChannelRecord,
  channels: ReadonlyMap<string, ChannelRecord>,
  userId: string,
): bigint {
  let permissions = basePermissions(guild, userId);
  if ((permissions & PermissionFlagsBits.Administrator) !== 0n) return ALL_PERMISSIONS;
  // Threads take their permissions from the parent channel.
  const source =
    isThreadType(channel.type) && channel.parentId !== null
      ? (channels.get(channel.parentId) ?? channel)
      : channel;
  const overwrites = source.overwrites;
  const everyone = overwrites.find((o) => o.id === guild.id);
  if (everyone) {
    permissions &= ~BigInt(everyone.deny);
    permissions |= BigInt(everyone.allow);
  }
  const member = guild.members.get(userId);
  let allow = 0n;
  let deny = 0n;
  for (const roleId of member?.roles ?? []) {
    const overwrite = overwrites.find((o) => o.type === OverwriteType.Role && o.id === roleId);
    if (overwrite) {
      allow |= BigInt(overwrite.allow);
      deny |= BigInt(overwrite.deny);
    }
  }
  permissions &= ~deny;
  permissions |= allow;
  const own = overwrites.find((o) => o.type === OverwriteType.Member && o.id === userId);
  if (own) {
    permissions &= ~BigInt(own.deny);
    permissions |= BigInt(own.allow);
  }
  // Without View Channel, nothing else in the channel applies.
  if ((permissions & PermissionFlagsBits.ViewChannel) === 0n) return 0n;
  return permissions;
}

// ---------------------------------------------------------------------------
// Mentions in content

export interface ParsedMentions {
  userIds: string[];
  roleIds: string[];
  everyone: boolean;
}

export function parseMentions(content: string): ParsedMentions {
  const userIds = new Set<string>();
  const roleIds = new Set<string>();
  for (const match of content.matchAll(/<@!?(\d{17,20})>/g)) {
    if (match[1] !== undefined) userIds.add(match[1]);
  }
  for (const match of content.matchAll(/<@&(\d{17,20})>/g)) {
    if (match[1] !== undefined) roleIds.add(match[1]);
  }
  return {
    userIds: [...userIds],
    roleIds: [...roleIds],
    everyone: /@(?:everyone|here)\b/.test(content),
  };
}

export const DEFAULT_LOCALE: Locale = Locale.EnglishUS;
