import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ButtonStyle,
  ChannelType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  PermissionFlagsBits,
} from 'discord.js';
import type {
  APIActionRowComponent,
  APIApplicationCommandAutocompleteInteraction,
  APIApplicationCommandInteractionDataOption,
  APIAttachment,
  APIChatInputApplicationCommandInteraction,
  APIComponentInMessageActionRow,
  APIEmbed,
  APIInteraction,
  APIInteractionDataResolved,
  APIInteractionDataResolvedGuildMember,
  APIInteractionGuildMember,
  APIMessage,
  APIMessageApplicationCommandInteraction,
  APIMessageComponentInteraction,
  APIMessageTopLevelComponent,
  APIModalSubmissionComponent,
  APIModalSubmitInteraction,
  APIUser,
  APIUserApplicationCommandInteraction,
  Locale,
} from 'discord.js';
import {
  DEFAULT_BOT_PERMISSIONS,
  DEFAULT_IDS,
  isThreadType,
  memberWithoutUser,
  nextSnowflake,
  parseMentions,
  toApiChannel,
} from './fixtures.js';
import type { ChannelRecord, GuildRecord } from './fixtures.js';
import { isRecord } from './validation.js';
import type { InteractionRecord, StandInState } from './state.js';

// ---------------------------------------------------------------------------
// Messages written by users

export interface UserMessageInput {
  content: string;
  /** Defaults to the first human member of the guild (the default world's `learner`). */
  authorId?: string;
  /** Marks an author the stand-in does not know yet as a bot. */
  authorBot?: boolean;
  /** Defaults to the guild's first text channel, or the author's DM channel when `guildId` is null. */
  channelId?: string;
  /** null sends a DM; defaults to the guild of `channelId`, or the first guild. */
  guildId?: string | null;
  /** Adds the bot user to `mentions` (the content is left as given). */
  mentionsBot?: boolean;
  mentionUserIds?: readonly string[];
  mentionRoleIds?: readonly string[];
  mentionEveryone?: boolean;
  /** Makes the message a reply: the id of a stored message, or a message object. */
  referencedMessage?: string | APIMessage;
  /** Whether a reply pings the replied-to author (adds them to `mentions`); defaults to true. */
  replyMention?: boolean;
  embeds?: APIEmbed[];
  attachments?: APIAttachment[];
  components?: APIMessageTopLevelComponent[];
}

interface MessageLocation {
  channel: ChannelRecord;
  guild: GuildRecord | null;
}

function firstHuman(state: StandInState, guild: GuildRecord | null): APIUser {
  if (guild) {
    for (const member of guild.members.values()) {
      if (!member.user.bot) return member.user;
    }
  }
  return state.ensureUser(DEFAULT_IDS.humanUser);
}

/** Resolves where a user action happens from the optional channel/guild/user hints. */
export function locate(
  state: StandInState,
  hints: { channelId?: string; guildId?: string | null; userId?: string },
): MessageLocation & { user: APIUser } {
  if (hints.channelId !== undefined) {
    const channel = state.channels.get(hints.channelId);
    if (!channel) throw new Error(`The stand-in has no channel ${hints.channelId}`);
    const guild = state.guildOfChannel(channel.id);
    const user =
      hints.userId !== undefined
        ? state.ensureUser(hints.userId)
        : channel.type === ChannelType.DM
          ? state.ensureUser(channel.recipientIds[0] ?? DEFAULT_IDS.humanUser)
          : firstHuman(state, guild);
    return { channel, guild, user };
  }
  if (hints.guildId === null) {
    const user = state.ensureUser(hints.userId ?? DEFAULT_IDS.humanUser);
    return { channel: state.ensureDmChannel(user.id), guild: null, user };
  }
  const guild =
    hints.guildId !== undefined
      ? state.guilds.get(hints.guildId)
      : state.guilds.values().next().value;
  if (!guild) throw new Error(`The stand-in has no guild ${hints.guildId ?? '(none configured)'}`);
  const channel = guild.channelIds
    .map((id) => state.channels.get(id))
    .find((candidate) => candidate?.type === ChannelType.GuildText);
  if (!channel) throw new Error(`Guild ${guild.id} has no text channel`);
  const user =
    hints.userId !== undefined ? state.ensureUser(hints.userId) : firstHuman(state, guild);
  return { channel, guild, user };
}

function storeMessage(state: StandInState, message: string | APIMessage): APIMessage {
  if (typeof message !== 'string') {
    if (!state.messages.has(message.id)) state.messages.set(message.id, message);
    return state.messages.get(message.id) ?? message;
  }
  const stored = state.messages.get(message);
  if (!stored) throw new Error(`The stand-in has no message ${message}`);
  return stored;
}

/** Builds, stores and returns a message as a user would send it. */
export function buildUserMessage(state: StandInState, input: UserMessageInput): APIMessage {
  if (input.authorId !== undefined) state.ensureUser(input.authorId, input.authorBot ?? false);
  const location = locate(state, {
    ...(input.channelId !== undefined ? { channelId: input.channelId } : {}),
    ...(input.guildId !== undefined ? { guildId: input.guildId } : {}),
    ...(input.authorId !== undefined ? { userId: input.authorId } : {}),
  });
  const author = location.user;
  if (location.guild) state.ensureMember(location.guild, author);
  const referenced =
    input.referencedMessage !== undefined ? storeMessage(state, input.referencedMessage) : null;
  const parsed = parseMentions(input.content);
  const userIds = new Set([
    ...parsed.userIds.filter((id) => state.users.has(id)),
    ...(input.mentionUserIds ?? []),
  ]);
  if (input.mentionsBot) userIds.add(state.botUser.id);
  if (referenced && input.replyMention !== false) userIds.add(referenced.author.id);
  const roleIds = new Set([...parsed.roleIds, ...(input.mentionRoleIds ?? [])]);
  return state.createMessage({
    channelId: location.channel.id,
    author,
    content: input.content,
    embeds: input.embeds ?? [],
    attachments: input.attachments ?? [],
    components: input.components ?? [],
    referencedMessageId: referenced?.id ?? null,
    mentionUserIds: [...userIds],
    mentionRoleIds: [...roleIds],
    mentionEveryone: input.mentionEveryone ?? parsed.everyone,
  });
}

// ---------------------------------------------------------------------------
// Interactions

export type OptionValue = string | number | boolean;

export interface InteractionInput {
  /** 2 command, 3 component, 4 autocomplete, 5 modal submit. */
  type:
    | InteractionType.ApplicationCommand
    | InteractionType.MessageComponent
    | InteractionType.ApplicationCommandAutocomplete
    | InteractionType.ModalSubmit;
  /** Command name (commands and autocomplete). */
  name?: string;
  /** Defaults to chat input, or message/user context menu when a target is given. */
  commandType?: ApplicationCommandType;
  /**
   * Raw API options, or a name → value record. In a record, the option type comes from the
   * registered command when there is one, else strings are STRING, integers INTEGER, other numbers
   * NUMBER and booleans BOOLEAN.
   */
  options?:
    readonly APIApplicationCommandInteractionDataOption[] | Readonly<Record<string, OptionValue>>;
  /** Wraps record options in this subcommand (and group). */
  subcommand?: string;
  subcommandGroup?: string;
  /** Autocomplete: the option being typed. Defaults to the last option. */
  focused?: string;
  /** Components and modals. */
  customId?: string;
  /** Defaults to a button. */
  componentType?: ComponentType;
  /** Select menus: the chosen values. */
  values?: readonly string[];
  /** Modal submit: text input custom id → value (or values for selects in the modal). */
  fields?: Readonly<Record<string, string | readonly string[]>>;
  userId?: string;
  /** null: the interaction comes from the bot's DM with the user. */
  guildId?: string | null;
  channelId?: string;
  /** Overrides the computed member permissions. */
  memberPermissions?: bigint | string;
  /** Overrides the computed bot permissions in the channel. */
  appPermissions?: bigint | string;
  /** Components: the message the component sits on (id of a stored message, or an object). */
  message?: string | APIMessage;
  /** Message context menu: the target message. */
  targetMessage?: string | APIMessage;
  /** User context menu: the target user. */
  targetUserId?: string;
  locale?: Locale;
  /** Merged into the resolved data that the stand-in fills in for options. */
  resolved?: APIInteractionDataResolved;
}

interface RawOption {
  name: string;
  type: ApplicationCommandOptionType;
  value?: OptionValue;
  options?: RawOption[];
  focused?: boolean;
}

function toRawOptions(options: readonly APIApplicationCommandInteractionDataOption[]): RawOption[] {
  return options.map((option) => {
    const raw: RawOption = { name: option.name, type: option.type };
    if ('value' in option && option.value !== undefined) raw.value = option.value;
    if ('options' in option && option.options !== undefined) {
      raw.options = toRawOptions(option.options);
    }
    if ('focused' in option && option.focused !== undefined) raw.focused = option.focused;
    return raw;
  });
}

function declaredOptionType(
  state: StandInState,
  commandName: string,
  guildId: string | null,
  path: readonly string[],
  optionName: string,
): ApplicationCommandOptionType | undefined {
  const command = findCommand(state, commandName, ApplicationCommandType.ChatInput, guildId);
  let options = command?.options;
  for (const step of path) {
    const next = options?.find((option) => option.name === step);
    options = next && 'options' in next ? next.options : undefined;
  }
  return options?.find((option) => option.name === optionName)?.type;
}

function inferType(value: OptionValue): ApplicationCommandOptionType {
  if (typeof value === 'boolean') return ApplicationCommandOptionType.Boolean;
  if (typeof value === 'number') {
    return Number.isInteger(value)
      ? ApplicationCommandOptionType.Integer
      : ApplicationCommandOptionType.Number;
  }
  return ApplicationCommandOptionType.String;
}

function findCommand(
  state: StandInState,
  name: string,
  type: ApplicationCommandType,
  guildId: string | null,
) {
  const scopes = guildId !== null ? [guildId, 'global'] : ['global'];
  for (const scope of scopes) {
    const found = state.commands
      .get(scope)
      ?.find((command) => command.name === name && command.type === type);
    if (found) return found;
  }
  return undefined;
}

function commandId(
  state: StandInState,
  name: string,
  type: ApplicationCommandType,
  guildId: string | null,
) {
  const registered = findCommand(state, name, type, guildId);
  if (registered) return { id: registered.id, guildId: registered.guild_id };
  const key = `${type}:${name}`;
  let id = state.syntheticCommandIds.get(key);
  if (id === undefined) {
    id = nextSnowflake();
    state.syntheticCommandIds.set(key, id);
  }
  return { id, guildId: undefined };
}

function buildOptions(
  state: StandInState,
  input: InteractionInput,
  guildId: string | null,
): RawOption[] {
  const options = input.options;
  if (options === undefined) {
    return wrapSubcommand(input, []);
  }
  // Array.isArray does not narrow a union with a readonly array type, hence the two casts.
  if (Array.isArray(options)) {
    return toRawOptions(options as readonly APIApplicationCommandInteractionDataOption[]);
  }
  const record = options as Readonly<Record<string, OptionValue>>;
  const path = [input.subcommandGroup, input.subcommand].filter(
    (step): step is string => step !== undefined,
  );
  const leaves = Object.entries(record).map(([name, value]): RawOption => {
    const declared = declaredOptionType(state, input.name ?? '', guildId, path, name);
    return { name, type: declared ?? inferType(value), value };
  });
  return wrapSubcommand(input, leaves);
}

function wrapSubcommand(input: InteractionInput, leaves: RawOption[]): RawOption[] {
  if (input.subcommand === undefined) return leaves;
  const sub: RawOption = {
    name: input.subcommand,
    type: ApplicationCommandOptionType.Subcommand,
    options: leaves,
  };
  if (input.subcommandGroup === undefined) return [sub];
  return [
    {
      name: input.subcommandGroup,
      type: ApplicationCommandOptionType.SubcommandGroup,
      options: [sub],
    },
  ];
}

function markFocused(options: RawOption[], focused: string | undefined): void {
  const leaves: RawOption[] = [];
  const walk = (list: RawOption[]) => {
    for (const option of list) {
      if (option.options) walk(option.options);
      else leaves.push(option);
    }
  };
  walk(options);
  if (leaves.some((option) => option.focused)) return;
  const target =
    focused !== undefined ? leaves.find((option) => option.name === focused) : leaves.at(-1);
  if (!target) throw new Error(`Autocomplete has no option named ${focused ?? '(any)'} to focus`);
  target.focused = true;
  if (target.value !== undefined) target.value = String(target.value);
}

function resolvedMember(
  state: StandInState,
  guild: GuildRecord | null,
  channel: ChannelRecord,
  userId: string,
): APIInteractionDataResolvedGuildMember | undefined {
  const member = guild?.members.get(userId);
  if (!member) return undefined;
  return {
    ...memberWithoutUser(member),
    permissions: (state.permissionsIn(channel.id, userId) ?? 0n).toString(),
  };
}

function fillResolved(
  state: StandInState,
  options: RawOption[],
  guild: GuildRecord | null,
  channel: ChannelRecord,
  resolved: APIInteractionDataResolved,
): void {
  const addUser = (id: string) => {
    const user = state.users.get(id);
    if (!user) return false;
    (resolved.users ??= {})[id] = user;
    const member = resolvedMember(state, guild, channel, id);
    if (member) (resolved.members ??= {})[id] = member;
    return true;
  };
  const addRole = (id: string) => {
    const role = guild?.roles.find((candidate) => candidate.id === id);
    if (!role) return false;
    (resolved.roles ??= {})[id] = role;
    return true;
  };
  for (const option of options) {
    if (option.options) fillResolved(state, option.options, guild, channel, resolved);
    const id = typeof option.value === 'string' ? option.value : undefined;
    if (id === undefined || option.focused) continue;
    if (option.type === ApplicationCommandOptionType.User) addUser(id);
    else if (option.type === ApplicationCommandOptionType.Role) addRole(id);
    else if (option.type === ApplicationCommandOptionType.Mentionable) {
      if (!addUser(id)) addRole(id);
    } else if (option.type === ApplicationCommandOptionType.Channel) {
      const target = state.channels.get(id);
      if (!target) continue;
      const permissions = (state.permissionsIn(target.id, state.botUser.id) ?? 0n).toString();
      const api = toApiChannel(target, state.users, true);
      if (isThreadType(target.type) && 'thread_metadata' in api) {
        (resolved.channels ??= {})[id] = {
          id,
          name: target.name ?? '',
          type: ChannelType.PublicThread,
          permissions,
          parent_id: target.parentId ?? undefined,
          thread_metadata: api.thread_metadata,
        };
      } else if (target.type === ChannelType.GuildText) {
        (resolved.channels ??= {})[id] = {
          id,
          name: target.name ?? '',
          type: ChannelType.GuildText,
          permissions,
        };
      }
    }
  }
}

function defaultComponentMessage(
  state: StandInState,
  channel: ChannelRecord,
  input: InteractionInput,
): APIMessage {
  const customId = input.customId ?? 'stand-in-button';
  const componentType = input.componentType ?? ComponentType.Button;
  let component: APIComponentInMessageActionRow;
  if (componentType === ComponentType.StringSelect) {
    const values = input.values ?? ['a'];
    component = {
      type: ComponentType.StringSelect,
      custom_id: customId,
      options: values.map((value) => ({ label: value, value })),
    };
  } else if (
    componentType === ComponentType.UserSelect ||
    componentType === ComponentType.RoleSelect ||
    componentType === ComponentType.MentionableSelect ||
    componentType === ComponentType.ChannelSelect
  ) {
    component = { type: componentType, custom_id: customId };
  } else {
    component = {
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      label: 'Press',
      custom_id: customId,
    };
  }
  const row: APIActionRowComponent<APIComponentInMessageActionRow> = {
    type: ComponentType.ActionRow,
    components: [component],
  };
  return state.createMessage({
    channelId: channel.id,
    author: state.botUser,
    content: 'Message with components',
    components: [row],
  });
}

function modalComponents(
  state: StandInState,
  customId: string,
  fields: Readonly<Record<string, string | readonly string[]>>,
): APIModalSubmissionComponent[] {
  const submitted = (id: string, type: unknown): Record<string, unknown> => {
    const value = fields[id];
    if (type === ComponentType.TextInput || type === undefined) {
      return {
        type: ComponentType.TextInput,
        custom_id: id,
        value: typeof value === 'string' ? value : '',
      };
    }
    return {
      type,
      custom_id: id,
      values: Array.isArray(value) ? value : value === undefined ? [] : [value],
    };
  };
  const modal = state.modals.get(customId);
  const layout = isRecord(modal) && Array.isArray(modal['components']) ? modal['components'] : null;
  let components: unknown[];
  if (layout) {
    components = layout.filter(isRecord).flatMap((top): Record<string, unknown>[] => {
      if (top['type'] === ComponentType.ActionRow && Array.isArray(top['components'])) {
        return [
          {
            type: ComponentType.ActionRow,
            components: top['components']
              .filter(isRecord)
              .map((inner) => submitted(String(inner['custom_id']), inner['type'])),
          },
        ];
      }
      const inner = top['component'];
      if (top['type'] === ComponentType.Label && isRecord(inner)) {
        return [
          {
            type: ComponentType.Label,
            component: submitted(String(inner['custom_id']), inner['type']),
          },
        ];
      }
      if (top['type'] === ComponentType.TextDisplay) return [{ type: ComponentType.TextDisplay }];
      return [];
    });
  } else {
    components = Object.keys(fields).map((id) => ({
      type: ComponentType.ActionRow,
      components: [submitted(id, undefined)],
    }));
  }
  // Built from the modal the bot showed (or from `fields`), in the shape Discord submits it.
  return components as APIModalSubmissionComponent[];
}

/** Builds an interaction payload and registers it so its callbacks and webhooks can be answered. */
export function buildInteraction(state: StandInState, input: InteractionInput): InteractionRecord {
  const location = locate(state, {
    ...(input.channelId !== undefined ? { channelId: input.channelId } : {}),
    ...(input.guildId !== undefined ? { guildId: input.guildId } : {}),
    ...(input.userId !== undefined ? { userId: input.userId } : {}),
  });
  const { channel, guild, user } = location;
  const id = nextSnowflake();
  const token = state.newInteractionToken();
  const guildId = guild?.id ?? null;
  const locale = input.locale ?? state.localeOf(guildId);
  const memberPermissions =
    input.memberPermissions !== undefined
      ? input.memberPermissions.toString()
      : (state.permissionsIn(channel.id, user.id) ?? 0n).toString();
  const appPermissions =
    input.appPermissions !== undefined
      ? input.appPermissions.toString()
      : (
          state.permissionsIn(channel.id, state.botUser.id) ??
          DEFAULT_BOT_PERMISSIONS | PermissionFlagsBits.UseExternalEmojis
        ).toString();
  const apiChannel = toApiChannel(channel, state.users, true);
  const common = {
    id,
    application_id: state.applicationId,
    token,
    version: 1 as const,
    locale,
    entitlements: [],
    app_permissions: appPermissions,
    channel: apiChannel,
    channel_id: channel.id,
    attachment_size_limit: 10 * 1024 * 1024,
    authorizing_integration_owners: {
      [ApplicationIntegrationType.GuildInstall]: guildId ?? '0',
    },
    context: guildId !== null ? InteractionContextType.Guild : InteractionContextType.BotDM,
  };
  let who:
    | {
        guild_id: string;
        guild: { id: string; locale: Locale; features: [] };
        guild_locale: Locale;
        member: APIInteractionGuildMember;
      }
    | { user: APIUser };
  if (guild) {
    const member = state.ensureMember(guild, user);
    who = {
      guild_id: guild.id,
      guild: { id: guild.id, locale: guild.preferredLocale, features: [] },
      guild_locale: guild.preferredLocale,
      member: { ...member, user, permissions: memberPermissions },
    };
  } else {
    who = { user };
  }

  let payload: APIInteraction;
  let sourceMessageId: string | null = null;
  switch (input.type) {
    case InteractionType.ApplicationCommand: {
      const commandType =
        input.commandType ??
        (input.targetMessage !== undefined
          ? ApplicationCommandType.Message
          : input.targetUserId !== undefined
            ? ApplicationCommandType.User
            : ApplicationCommandType.ChatInput);
      const name = input.name ?? 'ask';
      const command = commandId(state, name, commandType, guildId);
      const commandGuild = command.guildId !== undefined ? { guild_id: command.guildId } : {};
      if (commandType === ApplicationCommandType.Message) {
        if (input.targetMessage === undefined)
          throw new Error('A message command needs targetMessage');
        const target = storeMessage(state, input.targetMessage);
        const message: APIMessageApplicationCommandInteraction = {
          ...common,
          ...who,
          type: InteractionType.ApplicationCommand,
          data: {
            id: command.id,
            name,
            type: ApplicationCommandType.Message,
            target_id: target.id,
            resolved: { messages: { [target.id]: target } },
            ...commandGuild,
          },
        };
        payload = message;
      } else if (commandType === ApplicationCommandType.User) {
        const targetId = input.targetUserId ?? user.id;
        const target = state.ensureUser(targetId);
        const member = resolvedMember(state, guild, channel, targetId);
        const userCommand: APIUserApplicationCommandInteraction = {
          ...common,
          ...who,
          type: InteractionType.ApplicationCommand,
          data: {
            id: command.id,
            name,
            type: ApplicationCommandType.User,
            target_id: targetId,
            resolved: {
              users: { [targetId]: target },
              ...(member ? { members: { [targetId]: member } } : {}),
            },
            ...commandGuild,
          },
        };
        payload = userCommand;
      } else {
        const options = buildOptions(state, input, guildId);
        const resolved: APIInteractionDataResolved = { ...input.resolved };
        fillResolved(state, options, guild, channel, resolved);
        const chatInput: APIChatInputApplicationCommandInteraction = {
          ...common,
          ...who,
          type: InteractionType.ApplicationCommand,
          data: {
            id: command.id,
            name,
            type: ApplicationCommandType.ChatInput,
            // RawOption mirrors the API option shape; its `type` field is the union discriminant.
            options:
              options as APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommand>[],
            ...(Object.keys(resolved).length > 0 ? { resolved } : {}),
            ...commandGuild,
          },
        };
        payload = chatInput;
      }
      break;
    }
    case InteractionType.ApplicationCommandAutocomplete: {
      const name = input.name ?? 'ask';
      const command = commandId(state, name, ApplicationCommandType.ChatInput, guildId);
      const options = buildOptions(state, input, guildId);
      markFocused(options, input.focused);
      const autocomplete: APIApplicationCommandAutocompleteInteraction = {
        ...common,
        ...who,
        type: InteractionType.ApplicationCommandAutocomplete,
        data: {
          id: command.id,
          name,
          type: ApplicationCommandType.ChatInput,
          // RawOption mirrors the API option shape; its `type` field is the union discriminant.
          options:
            options as APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommandAutocomplete>[],
          ...(command.guildId !== undefined ? { guild_id: command.guildId } : {}),
        },
      };
      payload = autocomplete;
      break;
    }
    case InteractionType.MessageComponent: {
      const message =
        input.message !== undefined
          ? storeMessage(state, input.message)
          : defaultComponentMessage(state, channel, input);
      sourceMessageId = message.id;
      const componentType = input.componentType ?? ComponentType.Button;
      const customId = input.customId ?? firstCustomId(message) ?? 'stand-in-button';
      const data =
        componentType === ComponentType.Button
          ? { custom_id: customId, component_type: ComponentType.Button as const }
          : {
              custom_id: customId,
              component_type: componentType,
              values: [...(input.values ?? [])],
            };
      const component: APIMessageComponentInteraction = {
        ...common,
        ...who,
        type: InteractionType.MessageComponent,
        message,
        // A select's data has `values`; a button's does not. The component type picks the shape.
        data: data as APIMessageComponentInteraction['data'],
      };
      payload = component;
      break;
    }
    case InteractionType.ModalSubmit: {
      const customId = input.customId ?? 'stand-in-modal';
      const message = input.message !== undefined ? storeMessage(state, input.message) : undefined;
      sourceMessageId = message?.id ?? null;
      const modal: APIModalSubmitInteraction = {
        ...common,
        ...who,
        type: InteractionType.ModalSubmit,
        ...(message ? { message } : {}),
        data: {
          custom_id: customId,
          components: modalComponents(state, customId, input.fields ?? {}),
        },
      };
      payload = modal;
      break;
    }
  }

  const record: InteractionRecord = {
    id,
    token,
    type: input.type,
    payload,
    channelId: channel.id,
    guildId,
    userId: user.id,
    createdAt: Date.now(),
    response: null,
    originalMessageId: null,
    sourceMessageId,
    followUpIds: [],
  };
  state.interactions.set(id, record);
  state.interactionsByToken.set(token, record);
  return record;
}

function firstCustomId(message: APIMessage): string | undefined {
  for (const row of message.components ?? []) {
    if (row.type !== ComponentType.ActionRow) continue;
    for (const component of row.components) {
      if ('custom_id' in component && typeof component.custom_id === 'string')
        return component.custom_id;
    }
  }
  return undefined;
}
