import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  Client,
  ComponentType,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  InteractionType,
  MessageFlags,
  ModalBuilder,
  Partials,
  PermissionFlagsBits,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import type { ClientEvents, ClientOptions } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HUMAN_USERS } from './fixtures.js';
import { isRecord } from './validation.js';
import {
  DEFAULT_IDS,
  defaultGuildSpec,
  instantIdentifyThrottler,
  requestTo,
  startDiscordStandIn,
} from './standIn.js';
import type { DiscordStandIn, DiscordStandInOptions } from './standIn.js';

const TOKEN = 'test-token.xyz';
const BOT = DEFAULT_IDS.botUser;
const CHANNEL = DEFAULT_IDS.textChannel;
const CALLBACK = /^\/interactions\/\d+\/[^/]+\/callback$/;

function createClient(standIn: DiscordStandIn, extra: Partial<ClientOptions> = {}): Client {
  return new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.DirectMessages,
    ],
    partials: [Partials.Channel],
    rest: { api: standIn.apiUrl },
    allowedMentions: { parse: [], repliedUser: false },
    ...extra,
  });
}

/** Resolves with the arguments of the next matching event; rejects after `timeoutMs`. */
function nextEvent<K extends keyof ClientEvents>(
  client: Client,
  event: K,
  predicate: (...args: ClientEvents[K]) => boolean = () => true,
  timeoutMs = 3000,
): Promise<ClientEvents[K]> {
  return new Promise((resolve, reject) => {
    const listener = (...args: ClientEvents[K]) => {
      if (!predicate(...args)) return;
      clearTimeout(timer);
      client.off(event, listener);
      resolve(args);
    };
    const timer = setTimeout(() => {
      client.off(event, listener);
      reject(new Error(`No ${String(event)} event within ${timeoutMs} ms`));
    }, timeoutMs);
    client.on(event, listener);
  });
}

async function connect(
  options: DiscordStandInOptions = {},
  clientOptions: Partial<ClientOptions> = {},
): Promise<{ standIn: DiscordStandIn; client: Client }> {
  const standIn = await startDiscordStandIn(options);
  const client = createClient(standIn, clientOptions);
  try {
    const ready = nextEvent(client, Events.ClientReady);
    await client.login(TOKEN);
    await ready;
  } catch (error) {
    await shutDown(client, standIn);
    throw error;
  }
  return { standIn, client };
}

async function shutDown(client: Client | undefined, standIn: DiscordStandIn | undefined) {
  await client?.destroy();
  await standIn?.close();
}

describe('Discord stand-in with the real discord.js client', () => {
  let standIn: DiscordStandIn;
  let client: Client;

  beforeAll(async () => {
    ({ standIn, client } = await connect());
  });

  afterAll(async () => {
    await shutDown(client, standIn);
  });

  it('logs in: READY with the bot user, the guild cached with members.me and the bot role', () => {
    expect(client.user?.id).toBe(BOT);
    expect(client.user?.bot).toBe(true);
    expect(client.application?.id).toBe(standIn.applicationId);
    const guild = client.guilds.cache.get(DEFAULT_IDS.guild);
    expect(guild?.available).toBe(true);
    expect(guild?.members.me?.id).toBe(BOT);
    expect(guild?.members.me?.roles.botRole?.id).toBe(DEFAULT_IDS.botRole);
    expect(guild?.roles.botRoleFor(BOT)?.managed).toBe(true);
    expect(guild?.members.me?.roles.cache.has(DEFAULT_IDS.botRole)).toBe(true);
    const channel = guild?.channels.cache.get(CHANNEL);
    expect(channel?.type).toBe(ChannelType.GuildText);
    expect(channel?.permissionsFor(BOT)?.has('SendMessages')).toBe(true);
    expect(guild?.channels.cache.get(DEFAULT_IDS.thread)?.isThread()).toBe(true);

    expect(standIn.identifyCount).toBe(1);
    expect(standIn.connections[0]?.query).toEqual({ v: '10', encoding: 'json' });
    const gatewayBot = standIn.requests.find(requestTo('GET', '/gateway/bot'));
    expect(gatewayBot?.headers['authorization']).toBe(`Bot ${TOKEN}`);
    expect(standIn.unhandledRequests).toEqual([]);
  });

  it('delivers MESSAGE_CREATE with mentions; message.reply() posts a message_reference', async () => {
    const received = nextEvent(client, Events.MessageCreate, (m) => m.content.includes('osmosis'));
    const question = standIn.sendMessage({
      content: `<@${BOT}> what is osmosis?`,
      mentionsBot: true,
    });
    const [message] = await received;
    expect(message.id).toBe(question.id);
    expect(message.author.id).toBe(DEFAULT_IDS.humanUser);
    expect(message.guildId).toBe(DEFAULT_IDS.guild);
    expect(message.mentions.users.has(BOT)).toBe(true);
    expect(message.member?.id).toBe(DEFAULT_IDS.humanUser);

    const mark = standIn.mark();
    const reply = await message.reply({ content: 'Water crossing a membrane.' });
    const request = await standIn.waitForRequest(
      requestTo('POST', `/channels/${CHANNEL}/messages`),
      {
        since: mark,
      },
    );
    expect(request.status).toBe(200);
    expect(request.body).toMatchObject({
      content: 'Water crossing a membrane.',
      message_reference: { message_id: question.id },
      allowed_mentions: { parse: [], replied_user: false },
    });
    expect(reply.author.id).toBe(BOT);
    expect(reply.reference?.messageId).toBe(question.id);
    // allowed_mentions said not to ping the replied-to user.
    expect(reply.mentions.users.size).toBe(0);
  });

  it('sets message.reference when a user replies to the bot', async () => {
    const channel = client.channels.cache.get(CHANNEL);
    if (!channel?.isSendable()) throw new Error('channel is not sendable');
    const sent = await channel.send('Question 1: what is ATP?');

    const received = nextEvent(client, Events.MessageCreate, (m) => m.reference !== null);
    standIn.sendMessage({ content: 'adenosine triphosphate', referencedMessage: sent.id });
    const [answer] = await received;
    expect(answer.reference?.messageId).toBe(sent.id);
    expect(answer.mentions.repliedUser?.id).toBe(BOT);
    // A reply that pings the bot counts as a mention, so the content arrives.
    expect(answer.content).toBe('adenosine triphosphate');
  });

  it('empties guild message content without the Message Content intent unless the bot is mentioned', async () => {
    const received = nextEvent(
      client,
      Events.MessageCreate,
      (m) => m.author.id === DEFAULT_IDS.secondHumanUser,
    );
    standIn.sendMessage({ content: 'just chatting', authorId: DEFAULT_IDS.secondHumanUser });
    const [message] = await received;
    expect(message.content).toBe('');
  });

  it('delivers DMs (with Partials.Channel) and lets the bot answer in the DM channel', async () => {
    const received = nextEvent(client, Events.MessageCreate, (m) => m.guildId === null);
    const dm = standIn.sendMessage({ content: 'hello in private', guildId: null });
    const [message] = await received;
    expect(message.content).toBe('hello in private');
    expect(message.channel.type).toBe(ChannelType.DM);
    const mark = standIn.mark();
    await message.reply('hi!');
    await standIn.waitForRequest(requestTo('POST', `/channels/${dm.channel_id}/messages`), {
      since: mark,
    });
  });

  it('dispatches chat-input commands with options; reply() hits the callback route', async () => {
    const got = nextEvent(client, Events.InteractionCreate, (i) => i.isChatInputCommand());
    const sent = standIn.sendInteraction({
      type: InteractionType.ApplicationCommand,
      name: 'ask',
      options: { question: 'What is ATP?', count: 2, public: true },
    });
    const [interaction] = await got;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    expect(interaction.id).toBe(sent.id);
    expect(interaction.commandName).toBe('ask');
    expect(interaction.options.getString('question')).toBe('What is ATP?');
    expect(interaction.options.getInteger('count')).toBe(2);
    expect(interaction.options.getBoolean('public')).toBe(true);
    expect(interaction.guildId).toBe(DEFAULT_IDS.guild);
    expect(interaction.channelId).toBe(CHANNEL);
    expect(interaction.memberPermissions?.has('SendMessages')).toBe(true);
    expect(interaction.appPermissions.has('EmbedLinks')).toBe(true);

    await interaction.reply({ content: 'Energy currency of the cell.' });
    const callback = await standIn.waitForInteractionResponse(sent.id);
    expect(callback.status).toBe(204);
    expect(callback.query).toEqual({ with_response: 'false' });
    expect(callback.headers['authorization']).toBeUndefined();
    expect(callback.body).toEqual({
      type: 4,
      data: expect.objectContaining({ content: 'Energy currency of the cell.' }),
    });
    const original = standIn.interaction(sent.id)?.originalMessageId;
    expect(original && standIn.message(original)?.content).toBe('Energy currency of the cell.');
  });

  it('deferReply() + editReply() + followUp() use the callback and webhook routes', async () => {
    const got = nextEvent(client, Events.InteractionCreate, (i) => i.isChatInputCommand());
    const sent = standIn.sendInteraction({
      type: InteractionType.ApplicationCommand,
      name: 'quiz',
      options: { topic: 'cells' },
    });
    const [interaction] = await got;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    const mark = standIn.mark();

    await interaction.deferReply();
    const edited = await interaction.editReply({ content: 'Question 1 of 5' });
    const followUp = await interaction.followUp({ content: 'Hint', flags: MessageFlags.Ephemeral });

    const webhook = `/webhooks/${standIn.applicationId}/${sent.token}`;
    const calls = standIn
      .findRequests(() => true, mark)
      .map((r) => `${r.method} ${r.path} ${r.status}`);
    expect(calls).toEqual([
      `POST /interactions/${sent.id}/${sent.token}/callback 204`,
      `PATCH ${webhook}/messages/@original 200`,
      `POST ${webhook} 200`,
    ]);
    expect(standIn.requests.find(requestTo('POST', CALLBACK))).toBeDefined();
    const defer = standIn.findRequests(requestTo('POST', CALLBACK), mark)[0];
    expect(defer?.body).toEqual({ type: 5, data: { flags: 0 } });
    const post = standIn.findRequests(requestTo('POST', webhook), mark)[0];
    expect(post?.query['wait']).toBe('true');

    expect(edited.content).toBe('Question 1 of 5');
    expect(edited.flags.has(MessageFlags.Loading)).toBe(false);
    expect(followUp.flags.has(MessageFlags.Ephemeral)).toBe(true);
    const record = standIn.interaction(sent.id);
    expect(record?.followUpIds).toEqual([followUp.id]);
  });

  it('answers autocomplete with respond() (type 8)', async () => {
    const got = nextEvent(client, Events.InteractionCreate, (i) => i.isAutocomplete());
    const sent = standIn.sendInteraction({
      type: InteractionType.ApplicationCommandAutocomplete,
      name: 'ask',
      options: { pack: 'bio', question: 'mito' },
      focused: 'pack',
    });
    const [interaction] = await got;
    if (!interaction.isAutocomplete()) throw new Error('expected autocomplete');
    expect(interaction.options.getFocused()).toBe('bio');
    await interaction.respond([{ name: 'Biology 101', value: 'biology-101' }]);
    const callback = await standIn.waitForInteractionResponse(sent.id);
    expect(callback.body).toEqual({
      type: 8,
      data: { choices: [{ name: 'Biology 101', value: 'biology-101' }] },
    });
  });

  it('handles buttons: update() edits the message, reply() creates one', async () => {
    const channel = client.channels.cache.get(CHANNEL);
    if (!channel?.isSendable()) throw new Error('channel is not sendable');
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId('reveal').setLabel('Reveal').setStyle(ButtonStyle.Primary),
      new ButtonBuilder().setCustomId('more').setLabel('More').setStyle(ButtonStyle.Secondary),
    );
    const question = await channel.send({ content: 'What is DNA?', components: [row] });

    const clicked = nextEvent(client, Events.InteractionCreate, (i) => i.isButton());
    const first = standIn.sendInteraction({
      type: InteractionType.MessageComponent,
      customId: 'reveal',
      message: question.id,
    });
    const [button] = await clicked;
    if (!button.isButton()) throw new Error('expected a button');
    expect(button.customId).toBe('reveal');
    expect(button.message.id).toBe(question.id);
    await button.update({ content: 'Deoxyribonucleic acid', components: [] });
    const update = await standIn.waitForInteractionResponse(first.id);
    expect(update.body).toMatchObject({
      type: 7,
      data: { content: 'Deoxyribonucleic acid', components: [] },
    });
    expect(standIn.message(question.id)?.content).toBe('Deoxyribonucleic acid');
    expect(standIn.message(question.id)?.edited_timestamp).not.toBeNull();

    const clickedAgain = nextEvent(client, Events.InteractionCreate, (i) => i.isButton());
    const second = standIn.sendInteraction({
      type: InteractionType.MessageComponent,
      componentType: ComponentType.Button,
      customId: 'more',
    });
    const [other] = await clickedAgain;
    if (!other.isButton()) throw new Error('expected a button');
    const response = await other.reply({ content: 'More facts', withResponse: true });
    expect(response.resource?.message?.content).toBe('More facts');
    const reply = await standIn.waitForInteractionResponse(second.id);
    expect(reply.query['with_response']).toBe('true');
    expect(reply.status).toBe(200);
  });

  it('round-trips a modal: showModal() (type 9) then a modal submit with the fields', async () => {
    const opened = nextEvent(client, Events.InteractionCreate, (i) => i.isChatInputCommand());
    const command = standIn.sendInteraction({
      type: InteractionType.ApplicationCommand,
      name: 'feedback',
    });
    const [interaction] = await opened;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    await interaction.showModal(
      new ModalBuilder()
        .setCustomId('feedback-modal')
        .setTitle('Feedback')
        .addComponents(
          new ActionRowBuilder<TextInputBuilder>().addComponents(
            new TextInputBuilder()
              .setCustomId('comment')
              .setLabel('Comment')
              .setStyle(TextInputStyle.Paragraph),
          ),
        ),
    );
    const shown = await standIn.waitForInteractionResponse(command.id);
    expect(shown.body).toMatchObject({ type: 9, data: { custom_id: 'feedback-modal' } });

    const submitted = nextEvent(client, Events.InteractionCreate, (i) => i.isModalSubmit());
    const submit = standIn.sendInteraction({
      type: InteractionType.ModalSubmit,
      customId: 'feedback-modal',
      fields: { comment: 'Great bot' },
    });
    const [modal] = await submitted;
    if (!modal.isModalSubmit()) throw new Error('expected a modal submit');
    expect(modal.fields.getTextInputValue('comment')).toBe('Great bot');
    await modal.reply({ content: 'Thanks!', flags: MessageFlags.Ephemeral });
    await standIn.waitForInteractionResponse(submit.id);
  });

  it('stores registered commands and types record options from their declaration', async () => {
    const registered = await client.application?.commands.set([
      {
        name: 'explain',
        description: 'Explain a term',
        options: [
          {
            name: 'term',
            description: 'Term',
            type: ApplicationCommandOptionType.String,
            required: true,
          },
          {
            name: 'for',
            description: 'Who to explain it to',
            type: ApplicationCommandOptionType.User,
          },
        ],
      },
    ]);
    expect(registered?.size).toBe(1);
    expect(standIn.commands().map((c) => c.name)).toEqual(['explain']);
    const put = standIn.requests.find(
      requestTo('PUT', `/applications/${standIn.applicationId}/commands`),
    );
    expect(put?.status).toBe(200);

    const got = nextEvent(client, Events.InteractionCreate, (i) => i.isChatInputCommand());
    standIn.sendInteraction({
      type: InteractionType.ApplicationCommand,
      name: 'explain',
      options: { term: 'enzyme', for: DEFAULT_IDS.secondHumanUser },
    });
    const [interaction] = await got;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    expect(interaction.commandId).toBe(standIn.commands()[0]?.id);
    expect(interaction.options.getUser('for')?.username).toBe('tutor');
    expect(interaction.options.getMember('for')).not.toBeNull();
    await interaction.reply('An enzyme speeds up a reaction.');
  });

  it('rejects what Discord rejects: an over-long reply is a 50035 error', async () => {
    const got = nextEvent(client, Events.InteractionCreate, (i) => i.isChatInputCommand());
    standIn.sendInteraction({ type: InteractionType.ApplicationCommand, name: 'ask' });
    const [interaction] = await got;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    const error: unknown = await interaction.reply('x'.repeat(2001)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ status: 400, code: 50035 });
  });

  it('retries a rate-limited interaction callback and replies exactly once', async () => {
    standIn.rateLimitNext({ method: 'POST', pathPattern: CALLBACK, retryAfterSeconds: 0.05 });
    const got = nextEvent(client, Events.InteractionCreate, (i) => i.isChatInputCommand());
    const sent = standIn.sendInteraction({ type: InteractionType.ApplicationCommand, name: 'ask' });
    const [interaction] = await got;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    const mark = standIn.mark();
    await interaction.reply('After the limit.');
    const attempts = standIn.findRequests(
      (r) => r.path.startsWith(`/interactions/${sent.id}/`),
      mark,
    );
    expect(attempts.map((r) => r.status)).toEqual([429, 204]);
    expect(attempts[0]?.response).toMatchObject({ retry_after: 0.05, global: false });
    const replies = [...standIn.state.messages.values()].filter(
      (m) => m.content === 'After the limit.',
    );
    expect(replies).toHaveLength(1);
  });

  it('records unknown routes as Discord-style 404s', async () => {
    const error: unknown = await client.rest.get('/nonexistent/route').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ status: 404, code: 0 });
    expect(standIn.unhandledRequests.map((r) => r.path)).toContain('/nonexistent/route');
  });
});

describe('Discord stand-in gateway recovery', () => {
  it('resumes after a TCP reset and replays an event sent while disconnected', async () => {
    const { standIn, client } = await connect();
    try {
      const gatewayMark = standIn.gatewayMark();
      standIn.dropConnections();
      // Sent while the socket is down: the session keeps it and replays it on RESUME.
      const received = nextEvent(client, Events.MessageCreate, (m) =>
        m.content.includes('replayed'),
      );
      standIn.sendMessage({ content: `<@${BOT}> replayed?`, mentionsBot: true });
      await standIn.waitForResume({ since: gatewayMark });
      const [message] = await received;
      expect(message.mentions.has(BOT)).toBe(true);
      expect(standIn.resumeCount).toBe(1);
      expect(standIn.identifyCount).toBe(1);
      expect(standIn.connections.at(-1)?.path).toBe('/resume');

      const next = nextEvent(client, Events.MessageCreate, (m) => m.content.includes('after'));
      standIn.sendMessage({ content: `<@${BOT}> after the resume`, mentionsBot: true });
      await next;
    } finally {
      await shutDown(client, standIn);
    }
  });

  it('resumes after a 4000 close and after an op 7 RECONNECT', async () => {
    const { standIn, client } = await connect({ heartbeatIntervalMs: 1000 });
    try {
      let mark = standIn.gatewayMark();
      standIn.dropConnections(4000);
      await standIn.waitForSessionStart({ since: mark });
      mark = standIn.gatewayMark();
      standIn.requestReconnect();
      await standIn.waitForSessionStart({ since: mark });
      expect(standIn.resumeCount).toBe(2);

      const received = nextEvent(client, Events.InteractionCreate);
      const sent = standIn.sendInteraction({
        type: InteractionType.ApplicationCommand,
        name: 'ask',
      });
      const [interaction] = await received;
      expect(interaction.id).toBe(sent.id);
    } finally {
      await shutDown(client, standIn);
    }
  });

  it('re-identifies after a non-resumable INVALID_SESSION', async () => {
    const { standIn, client } = await connect(
      {},
      { ws: { buildIdentifyThrottler: instantIdentifyThrottler } },
    );
    try {
      const mark = standIn.gatewayMark();
      standIn.invalidateSessions(false);
      await standIn.waitForIdentify({ since: mark });
      await standIn.waitForSessionStart({ since: mark });
      expect(standIn.identifyCount).toBe(2);

      const received = nextEvent(client, Events.MessageCreate);
      standIn.sendMessage({ content: `<@${BOT}> still there?`, mentionsBot: true });
      const [message] = await received;
      expect(message.content).toContain('still there?');
    } finally {
      await shutDown(client, standIn);
    }
  });
});

describe('Discord stand-in outages and slow answers', () => {
  it('refuses new gateway connections while down, and lets the client back in once open', async () => {
    // Back in, the client identifies afresh: no need to wait out discord.js's 5 s throttle.
    const { standIn, client } = await connect(
      {},
      { ws: { buildIdentifyThrottler: instantIdentifyThrottler } },
    );
    try {
      standIn.setGatewayAvailability('refuse');
      const before = standIn.connections.length;
      standIn.dropConnections();
      await nextEvent(client, Events.ShardReconnecting);
      // Refused sockets never become connections.
      await new Promise((done) => setTimeout(done, 1_200));
      expect(standIn.connections.length).toBe(before);
      // Fully ready again (guilds included) before the client is destroyed: discord.js never
      // finishes destroying a shard still waiting for an event.
      const ready = nextEvent(client, Events.ShardReady, () => true, 5_000);
      standIn.setGatewayAvailability('open');
      await ready;
      expect(standIn.connections.at(-1)?.open).toBe(true);
    } finally {
      await shutDown(client, standIn);
    }
  });

  it('accepts a connection without saying HELLO while silent', async () => {
    const { standIn, client } = await connect(
      {},
      { ws: { buildIdentifyThrottler: instantIdentifyThrottler } },
    );
    try {
      standIn.setGatewayAvailability('silent');
      const before = standIn.connections.length;
      const mark = standIn.gatewayMark();
      standIn.dropConnections();
      await nextEvent(client, Events.ShardReconnecting);
      while (standIn.connections.length === before) {
        await new Promise((done) => setTimeout(done, 20));
      }
      expect(standIn.connections.at(-1)?.open).toBe(true);
      expect(standIn.gatewayFrames.slice(mark).filter((f) => f.direction === 'out')).toEqual([]);
      // Let the client back in (it resumes), so it can be destroyed: not while it waits for HELLO.
      const ready = nextEvent(client, Events.ShardResume, () => true, 5_000);
      standIn.setGatewayAvailability('open');
      standIn.dropConnections();
      await ready;
    } finally {
      await shutDown(client, standIn);
    }
  });

  it('holds a response while the test acts, then answers it as usual', async () => {
    const { standIn, client } = await connect();
    try {
      const channel = await client.channels.fetch(CHANNEL);
      if (!channel?.isSendable()) throw new Error('expected a text channel');
      const arrived = standIn.holdNext({
        method: 'POST',
        pathPattern: /\/messages$/,
        ms: 200,
      });
      let answered = false;
      const sending = channel.send('held').then(() => (answered = true));
      await arrived;
      expect(answered).toBe(false);
      await sending;
      expect(standIn.findRequests(requestTo('POST', `/channels/${CHANNEL}/messages`))).toHaveLength(
        1,
      );
    } finally {
      await shutDown(client, standIn);
    }
  });
});

describe('Discord stand-in with a custom guild', () => {
  it('enforces channel permission overwrites on the bot (403 Missing Permissions)', async () => {
    const readOnly = '300000000000000042';
    const { standIn, client } = await connect({
      guilds: [
        {
          id: '200000000000000042',
          name: 'Read-only guild',
          ownerId: DEFAULT_IDS.humanUser,
          channels: [
            { id: '300000000000000041', name: 'open' },
            {
              id: readOnly,
              name: 'announcements',
              overwrites: [
                { id: '500000000000000042', type: 'role', deny: PermissionFlagsBits.SendMessages },
              ],
            },
          ],
          members: [{ user: { id: DEFAULT_IDS.humanUser, username: 'learner' } }],
          botRoleId: '500000000000000042',
        },
      ],
    });
    try {
      const channel = client.guilds.cache.get('200000000000000042')?.channels.cache.get(readOnly);
      if (!channel?.isSendable()) throw new Error('channel is not sendable');
      // discord.js computes the same answer from the cached overwrites.
      expect(channel.permissionsFor(BOT)?.has('SendMessages')).toBe(false);
      const error: unknown = await channel.send('hello').catch((e: unknown) => e);
      expect(error).toMatchObject({ status: 403, code: 50013 });
    } finally {
      await shutDown(client, standIn);
    }
  });
});

describe('Discord stand-in shutdown', () => {
  function tcpHandles(): number {
    return process
      .getActiveResourcesInfo()
      .filter((kind) => kind === 'TCPSocketWrap' || kind === 'TCPServerWrap').length;
  }

  it('close() releases the server and every socket', async () => {
    const before = tcpHandles();
    const { standIn, client } = await connect();
    expect(tcpHandles()).toBeGreaterThan(before);
    await shutDown(client, standIn);
    const error: unknown = await fetch(`${standIn.apiUrl}/v10/gateway`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    for (let attempt = 0; attempt < 50 && tcpHandles() > before; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // Sockets left over from earlier tests may close meanwhile, hence "at most".
    expect(tcpHandles()).toBeLessThanOrEqual(before);
  });
});

describe('Discord stand-in serving two shards', () => {
  // 200000000000000001 >> 22 is even (shard 0 of 2); 200000000002883584 >> 22 is odd (shard 1).
  const SECOND_GUILD = '200000000002883584';
  const SECOND_CHANNEL = '300000000000000009';

  it('recommends two shards, gives each its own guilds, and sends each guild’s events to its shard only', async () => {
    const [learner] = DEFAULT_HUMAN_USERS;
    if (!learner) throw new Error('the default users are missing');
    const standIn = await startDiscordStandIn({
      guilds: [
        defaultGuildSpec(),
        {
          id: SECOND_GUILD,
          name: 'Second Group',
          channels: [{ id: SECOND_CHANNEL, name: 'general' }],
          members: [{ user: learner }],
        },
      ],
      gatewayBot: { shards: 2, maxConcurrency: 2 },
    });
    const clients = [0, 1].map((shard) => createClient(standIn, { shards: shard, shardCount: 2 }));
    try {
      const gatewayBot = await fetch(`${standIn.apiUrl}/v10/gateway/bot`, {
        headers: { Authorization: `Bot ${TOKEN}` },
      });
      expect(await gatewayBot.json()).toMatchObject({
        shards: 2,
        session_start_limit: { max_concurrency: 2 },
      });
      await Promise.all(
        clients.map(async (client) => {
          const ready = nextEvent(client, Events.ClientReady);
          await client.login(TOKEN);
          await ready;
        }),
      );
      const [first, second] = clients;
      if (!first || !second) throw new Error('two clients were made');
      expect([...first.guilds.cache.keys()]).toEqual([DEFAULT_IDS.guild]);
      expect([...second.guilds.cache.keys()]).toEqual([SECOND_GUILD]);
      const shardsIdentified = standIn.gatewayFrames
        .filter((frame) => frame.direction === 'in' && frame.op === 2)
        .map((frame) => (isRecord(frame.d) ? frame.d['shard'] : undefined));
      expect(shardsIdentified).toEqual(
        expect.arrayContaining([
          [0, 2],
          [1, 2],
        ]),
      );

      const seenBy: number[] = [];
      first.on(Events.MessageCreate, () => seenBy.push(0));
      second.on(Events.MessageCreate, () => seenBy.push(1));
      const received = nextEvent(second, Events.MessageCreate);
      standIn.sendMessage({
        content: `<@${BOT}> hello`,
        channelId: SECOND_CHANNEL,
        authorId: learner.id,
        mentionsBot: true,
      });
      await received;
      const again = nextEvent(first, Events.MessageCreate);
      standIn.sendMessage({ content: `<@${BOT}> hello`, mentionsBot: true });
      await again;
      expect(seenBy).toEqual([1, 0]);
    } finally {
      for (const client of clients) await client.destroy();
      await standIn.close();
    }
  });
});
