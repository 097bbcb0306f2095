import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  MessageFlags,
} from 'discord.js';

/**
 * Discord-style request validation: the limits Discord enforces on message bodies, autocomplete
 * choices and application commands, reported the way Discord reports them.
 */

export interface DiscordErrorBody {
  code: number;
  message: string;
  errors?: Record<string, unknown>;
}

export class DiscordHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: DiscordErrorBody,
  ) {
    super(`${status}: ${body.message}`);
  }
}

export const ErrorCode = {
  General: 0,
  UnknownApplication: 10002,
  UnknownChannel: 10003,
  UnknownGuild: 10004,
  UnknownMember: 10007,
  UnknownMessage: 10008,
  UnknownRole: 10011,
  UnknownEmoji: 10014,
  UnknownUser: 10013,
  UnknownWebhook: 10015,
  UnknownInteraction: 10062,
  UnknownApplicationCommand: 10063,
  InteractionAlreadyAcknowledged: 40060,
  MissingAccess: 50001,
  CannotEditOtherUsersMessage: 50005,
  CannotSendEmptyMessage: 50006,
  CannotSendMessagesToThisUser: 50007,
  MissingPermissions: 50013,
  InvalidFormBody: 50035,
  InvalidJson: 50109,
} as const;

export function httpError(status: number, code: number, message: string): DiscordHttpError {
  return new DiscordHttpError(status, { code, message });
}

export function notFound(code: number, message: string): DiscordHttpError {
  return httpError(404, code, message);
}

interface FieldError {
  path: readonly (string | number)[];
  code: string;
  message: string;
}

export function invalidFormBody(errors: readonly FieldError[]): DiscordHttpError {
  const tree: Record<string, unknown> = {};
  for (const error of errors) {
    let node: Record<string, unknown> = tree;
    for (const key of error.path) {
      const name = String(key);
      const next = node[name];
      if (isRecord(next)) {
        node = next;
      } else {
        const created: Record<string, unknown> = {};
        node[name] = created;
        node = created;
      }
    }
    const list = node['_errors'];
    const entry = { code: error.code, message: error.message };
    if (Array.isArray(list)) list.push(entry);
    else node['_errors'] = [entry];
  }
  return new DiscordHttpError(400, {
    code: ErrorCode.InvalidFormBody,
    message: 'Invalid Form Body',
    errors: tree,
  });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function maxLength(errors: FieldError[], path: (string | number)[], value: unknown, max: number) {
  if (value === undefined || value === null) return;
  if (typeof value !== 'string') {
    errors.push({ path, code: 'BASE_TYPE_STRING', message: 'Value must be a string.' });
  } else if (value.length > max) {
    errors.push({
      path,
      code: 'BASE_TYPE_MAX_LENGTH',
      message: `Must be ${max} or fewer in length.`,
    });
  }
}

function required(errors: FieldError[], path: (string | number)[], value: unknown) {
  if (value === undefined || value === null || value === '') {
    errors.push({ path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
    return false;
  }
  return true;
}

function embedLength(embed: Record<string, unknown>): number {
  const text = (value: unknown) => (typeof value === 'string' ? value.length : 0);
  let total = text(embed['title']) + text(embed['description']);
  const footer = embed['footer'];
  if (isRecord(footer)) total += text(footer['text']);
  const author = embed['author'];
  if (isRecord(author)) total += text(author['name']);
  const fields = embed['fields'];
  if (Array.isArray(fields)) {
    for (const field of fields) {
      if (isRecord(field)) total += text(field['name']) + text(field['value']);
    }
  }
  return total;
}

function validateEmbeds(errors: FieldError[], embeds: unknown): void {
  if (embeds === undefined || embeds === null) return;
  if (!Array.isArray(embeds)) {
    errors.push({ path: ['embeds'], code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' });
    return;
  }
  if (embeds.length > 10) {
    errors.push({
      path: ['embeds'],
      code: 'BASE_TYPE_MAX_LENGTH',
      message: 'Must be 10 or fewer in length.',
    });
  }
  let total = 0;
  embeds.forEach((embed: unknown, index) => {
    if (!isRecord(embed)) {
      errors.push({
        path: ['embeds', index],
        code: 'MODEL_TYPE_CONVERT',
        message: 'Not an object.',
      });
      return;
    }
    total += embedLength(embed);
    maxLength(errors, ['embeds', index, 'title'], embed['title'], 256);
    maxLength(errors, ['embeds', index, 'description'], embed['description'], 4096);
    const footer = embed['footer'];
    if (isRecord(footer))
      maxLength(errors, ['embeds', index, 'footer', 'text'], footer['text'], 2048);
    const author = embed['author'];
    if (isRecord(author))
      maxLength(errors, ['embeds', index, 'author', 'name'], author['name'], 256);
    const fields = embed['fields'];
    if (Array.isArray(fields)) {
      if (fields.length > 25) {
        errors.push({
          path: ['embeds', index, 'fields'],
          code: 'BASE_TYPE_MAX_LENGTH',
          message: 'Must be 25 or fewer in length.',
        });
      }
      fields.forEach((field: unknown, fieldIndex) => {
        const path = ['embeds', index, 'fields', fieldIndex];
        if (!isRecord(field)) return;
        if (required(errors, [...path, 'name'], field['name'])) {
          maxLength(errors, [...path, 'name'], field['name'], 256);
        }
        if (required(errors, [...path, 'value'], field['value'])) {
          maxLength(errors, [...path, 'value'], field['value'], 1024);
        }
      });
    }
  });
  if (total > 6000) {
    errors.push({
      path: ['embeds'],
      code: 'MAX_EMBED_SIZE_EXCEEDED',
      message: 'Embed size exceeds maximum size of 6000',
    });
  }
}

const SELECT_TYPES: ReadonlySet<number> = new Set([
  ComponentType.StringSelect,
  ComponentType.UserSelect,
  ComponentType.RoleSelect,
  ComponentType.MentionableSelect,
  ComponentType.ChannelSelect,
]);

function validateLegacyComponents(errors: FieldError[], components: unknown): void {
  if (components === undefined || components === null) return;
  if (!Array.isArray(components)) {
    errors.push({ path: ['components'], code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' });
    return;
  }
  if (components.length > 5) {
    errors.push({
      path: ['components'],
      code: 'BASE_TYPE_MAX_LENGTH',
      message: 'Must be 5 or fewer in length.',
    });
  }
  const customIds = new Set<string>();
  components.forEach((row: unknown, rowIndex) => {
    const rowPath = ['components', rowIndex];
    if (!isRecord(row) || row['type'] !== ComponentType.ActionRow) {
      errors.push({
        path: rowPath,
        code: 'UNION_TYPE_CHOICES',
        message: 'Top-level components must be action rows unless IS_COMPONENTS_V2 is set.',
      });
      return;
    }
    const children = row['components'];
    if (!Array.isArray(children) || children.length === 0) {
      errors.push({
        path: [...rowPath, 'components'],
        code: 'BASE_TYPE_MIN_LENGTH',
        message: 'Must be 1 or more in length.',
      });
      return;
    }
    if (children.length > 5) {
      errors.push({
        path: [...rowPath, 'components'],
        code: 'BASE_TYPE_MAX_LENGTH',
        message: 'Must be 5 or fewer in length.',
      });
    }
    children.forEach((child: unknown, childIndex) => {
      const path = [...rowPath, 'components', childIndex];
      if (!isRecord(child)) return;
      const type = child['type'];
      const customId = child['custom_id'];
      if (typeof customId === 'string') {
        if (customIds.has(customId)) {
          errors.push({
            path: [...path, 'custom_id'],
            code: 'COMPONENT_CUSTOM_ID_DUPLICATED',
            message: 'Component custom id cannot be duplicated',
          });
        }
        customIds.add(customId);
      }
      maxLength(errors, [...path, 'custom_id'], customId, 100);
      if (type === ComponentType.Button) {
        const style = child['style'];
        maxLength(errors, [...path, 'label'], child['label'], 80);
        if (style === 5) {
          required(errors, [...path, 'url'], child['url']);
        } else if (style !== 6) {
          required(errors, [...path, 'custom_id'], customId);
        }
        if (child['label'] === undefined && child['emoji'] === undefined && style !== 6) {
          errors.push({
            path,
            code: 'BUTTON_COMPONENT_INVALID',
            message: 'A button needs a label or an emoji.',
          });
        }
      } else if (typeof type === 'number' && SELECT_TYPES.has(type)) {
        if (children.length > 1) {
          errors.push({
            path: [...rowPath, 'components'],
            code: 'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
            message: 'The specified component exceeds the maximum width',
          });
        }
        required(errors, [...path, 'custom_id'], customId);
        maxLength(errors, [...path, 'placeholder'], child['placeholder'], 150);
        const options = child['options'];
        if (type === ComponentType.StringSelect) {
          if (!Array.isArray(options) || options.length === 0) {
            errors.push({
              path: [...path, 'options'],
              code: 'BASE_TYPE_MIN_LENGTH',
              message: 'Must be 1 or more in length.',
            });
          } else if (options.length > 25) {
            errors.push({
              path: [...path, 'options'],
              code: 'BASE_TYPE_MAX_LENGTH',
              message: 'Must be 25 or fewer in length.',
            });
          }
        }
      } else {
        errors.push({
          path: [...path, 'type'],
          code: 'UNION_TYPE_CHOICES',
          message: `Component type ${String(type)} is not allowed in an action row of a message.`,
        });
      }
    });
  });
}

function validateAllowedMentions(errors: FieldError[], allowed: unknown): void {
  if (!isRecord(allowed)) return;
  const parse = allowed['parse'];
  const parseList = Array.isArray(parse) ? parse : [];
  for (const kind of ['users', 'roles'] as const) {
    const ids = allowed[kind];
    if (parseList.includes(kind) && Array.isArray(ids) && ids.length > 0) {
      errors.push({
        path: ['allowed_mentions'],
        code: 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
        message: `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.`,
      });
    }
  }
}

export interface MessageBodyContext {
  /** Creating (rather than editing) requires some content. */
  creating: boolean;
  /** Number of uploaded files in the request. */
  fileCount: number;
}

/** Throws a Discord-style error when the body breaks one of Discord's message rules. */
export function validateMessageBody(body: unknown, context: MessageBodyContext): void {
  if (body !== undefined && !isRecord(body)) {
    throw invalidFormBody([{ path: [], code: 'MODEL_TYPE_CONVERT', message: 'Not an object.' }]);
  }
  const data = body ?? {};
  const errors: FieldError[] = [];
  const flags = typeof data['flags'] === 'number' ? data['flags'] : 0;
  const componentsV2 = (flags & MessageFlags.IsComponentsV2) !== 0;
  maxLength(errors, ['content'], data['content'], 2000);
  validateEmbeds(errors, data['embeds']);
  if (componentsV2) {
    const content = data['content'];
    const embeds = data['embeds'];
    if (
      (typeof content === 'string' && content !== '') ||
      (Array.isArray(embeds) && embeds.length)
    ) {
      errors.push({
        path: ['content'],
        code: 'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2',
        message: 'The content and embeds fields cannot be used when using components v2',
      });
    }
  } else {
    validateLegacyComponents(errors, data['components']);
  }
  validateAllowedMentions(errors, data['allowed_mentions']);
  if (errors.length > 0) throw invalidFormBody(errors);
  if (context.creating && isEmptyMessage(data, context.fileCount)) {
    throw httpError(400, ErrorCode.CannotSendEmptyMessage, 'Cannot send an empty message');
  }
}

function isEmptyMessage(data: Record<string, unknown>, fileCount: number): boolean {
  const content = data['content'];
  const nonEmptyArray = (value: unknown) => Array.isArray(value) && value.length > 0;
  return (
    (typeof content !== 'string' || content.length === 0) &&
    !nonEmptyArray(data['embeds']) &&
    !nonEmptyArray(data['components']) &&
    !nonEmptyArray(data['sticker_ids']) &&
    data['poll'] === undefined &&
    fileCount === 0
  );
}

/** Autocomplete results: at most 25 choices, names 1-100 characters, string values up to 100. */
export function validateAutocompleteChoices(data: unknown): void {
  const choices = isRecord(data) ? data['choices'] : undefined;
  const errors: FieldError[] = [];
  if (!Array.isArray(choices)) {
    errors.push({
      path: ['data', 'choices'],
      code: 'BASE_TYPE_REQUIRED',
      message: 'This field is required',
    });
  } else {
    if (choices.length > 25) {
      errors.push({
        path: ['data', 'choices'],
        code: 'BASE_TYPE_MAX_LENGTH',
        message: 'Must be 25 or fewer in length.',
      });
    }
    choices.forEach((choice: unknown, index) => {
      const path = ['data', 'choices', index];
      if (!isRecord(choice)) return;
      if (required(errors, [...path, 'name'], choice['name'])) {
        maxLength(errors, [...path, 'name'], choice['name'], 100);
      }
      const value = choice['value'];
      if (typeof value === 'string') maxLength(errors, [...path, 'value'], value, 100);
      else if (typeof value !== 'number') required(errors, [...path, 'value'], undefined);
    });
  }
  if (errors.length > 0) throw invalidFormBody(errors);
}

const CHAT_INPUT_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function validateCommandName(
  errors: FieldError[],
  path: (string | number)[],
  name: unknown,
  chatInput: boolean,
): void {
  if (!required(errors, [...path, 'name'], name)) return;
  if (typeof name !== 'string') {
    errors.push({
      path: [...path, 'name'],
      code: 'BASE_TYPE_STRING',
      message: 'Value must be a string.',
    });
    return;
  }
  if (chatInput) {
    if (!CHAT_INPUT_NAME.test(name) || name !== name.toLowerCase()) {
      errors.push({
        path: [...path, 'name'],
        code: 'APPLICATION_COMMAND_INVALID_NAME',
        message: 'Command name is invalid',
      });
    }
  } else {
    maxLength(errors, [...path, 'name'], name, 32);
  }
}

function validateOptions(errors: FieldError[], path: (string | number)[], options: unknown): void {
  if (options === undefined || options === null) return;
  if (!Array.isArray(options)) {
    errors.push({ path, code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' });
    return;
  }
  if (options.length > 25) {
    errors.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
  }
  const names = new Set<string>();
  let sawOptional = false;
  options.forEach((option: unknown, index) => {
    const optionPath = [...path, index];
    if (!isRecord(option)) return;
    validateCommandName(errors, optionPath, option['name'], true);
    const name = option['name'];
    if (typeof name === 'string') {
      if (names.has(name)) {
        errors.push({
          path: [...optionPath, 'name'],
          code: 'APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS',
          message: 'Option name already exists',
        });
      }
      names.add(name);
    }
    if (required(errors, [...optionPath, 'description'], option['description'])) {
      maxLength(errors, [...optionPath, 'description'], option['description'], 100);
    }
    const type = option['type'];
    const nested =
      type === ApplicationCommandOptionType.Subcommand ||
      type === ApplicationCommandOptionType.SubcommandGroup;
    if (nested) {
      validateOptions(errors, [...optionPath, 'options'], option['options']);
    } else if (option['required'] === true) {
      if (sawOptional) {
        errors.push({
          path: optionPath,
          code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
          message: 'Required options must be placed before non-required options',
        });
      }
    } else {
      sawOptional = true;
    }
    const choices = option['choices'];
    if (Array.isArray(choices)) {
      if (choices.length > 25) {
        errors.push({
          path: [...optionPath, 'choices'],
          code: 'BASE_TYPE_MAX_LENGTH',
          message: 'Must be 25 or fewer in length.',
        });
      }
      if (choices.length > 0 && option['autocomplete'] === true) {
        errors.push({
          path: [...optionPath, 'autocomplete'],
          code: 'APPLICATION_COMMAND_AUTOCOMPLETE_INVALID',
          message: 'Autocomplete cannot be enabled on options that have choices',
        });
      }
    }
  });
}

/** Validates one command payload; `index` is its position in a bulk overwrite (if any). */
export function collectCommandErrors(
  errors: FieldError[],
  command: unknown,
  index: number | null,
): void {
  const path = index === null ? [] : [index];
  if (!isRecord(command)) {
    errors.push({ path, code: 'MODEL_TYPE_CONVERT', message: 'Not an object.' });
    return;
  }
  const type = command['type'] ?? ApplicationCommandType.ChatInput;
  const chatInput = type === ApplicationCommandType.ChatInput;
  validateCommandName(errors, path, command['name'], chatInput);
  const description = command['description'];
  if (chatInput) {
    if (required(errors, [...path, 'description'], description)) {
      maxLength(errors, [...path, 'description'], description, 100);
    }
    validateOptions(errors, [...path, 'options'], command['options']);
  } else if (typeof description === 'string' && description !== '') {
    errors.push({
      path: [...path, 'description'],
      code: 'APPLICATION_COMMAND_DESCRIPTION_INVALID',
      message: 'Context menu commands cannot have a description',
    });
  }
}

export function validateCommand(command: unknown): void {
  const errors: FieldError[] = [];
  collectCommandErrors(errors, command, null);
  if (errors.length > 0) throw invalidFormBody(errors);
}

export function validateCommandList(commands: unknown): unknown[] {
  if (!Array.isArray(commands)) {
    throw invalidFormBody([{ path: [], code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' }]);
  }
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const perType = new Map<unknown, number>();
  commands.forEach((command: unknown, index) => {
    collectCommandErrors(errors, command, index);
    if (!isRecord(command)) return;
    const type = command['type'] ?? ApplicationCommandType.ChatInput;
    perType.set(type, (perType.get(type) ?? 0) + 1);
    const key = `${String(type)}:${String(command['name'])}`;
    if (seen.has(key)) {
      errors.push({
        path: [index, 'name'],
        code: 'APPLICATION_COMMANDS_DUPLICATE_NAME',
        message: `Application command names must be unique`,
      });
    }
    seen.add(key);
  });
  const limits: [unknown, number][] = [
    [ApplicationCommandType.ChatInput, 100],
    [ApplicationCommandType.User, 5],
    [ApplicationCommandType.Message, 5],
  ];
  for (const [type, limit] of limits) {
    if ((perType.get(type) ?? 0) > limit) {
      errors.push({
        path: [],
        code: 'BASE_TYPE_MAX_LENGTH',
        message: `Must be ${limit} or fewer commands of type ${String(type)}.`,
      });
    }
  }
  if (errors.length > 0) throw invalidFormBody(errors);
  return commands;
}
