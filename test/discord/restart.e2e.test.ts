import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { InteractionType } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRIVIA_TEXT } from '../../src/discord/render/triviaText.js';
import type { Pack } from '../../src/knowledge/schema.js';
import {
  DEFAULT_IDS,
  startDiscordStandIn,
  type DiscordStandIn,
  type RecordedRequest,
} from '../support/discord/standIn.js';
import { startCommand } from '../support/botProcess.js';
import { temporaryDatabasePath } from '../support/spawn.js';
import {
  LEARNER,
  MESSAGE_ROUTE,
  TOKEN,
  callbackData,
  createdMessageId,
  customIds,
  loadAll,
  messageBody,
  type SentMessage,
} from './harness.js';

// As `npm start` runs it: one process, so SIGKILL kills the bot itself, not a relay in front.
const START = startCommand();
const CHANNEL = DEFAULT_IDS.textChannel;
const EDIT_ROUTE = '/channels/:channelId/messages/:messageId';

describe('a restart in the middle of a game, through the real bot process and the stand-in', () => {
  let standIn: DiscordStandIn;
  let database: string;
  let packs: Pack[];
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    standIn = await startDiscordStandIn({ token: TOKEN });
    database = temporaryDatabasePath();
    packs = await loadAll(['knowledge']);
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await standIn?.close();
    rmSync(dirname(database), { recursive: true, force: true });
  });

  /** Starts `npm start` as a child process on the shared database; resolves once logged in. */
  async function startBot(): Promise<{ child: ChildProcess; output: () => string }> {
    const child = spawn(START.command, START.args, {
      env: {
        PATH: process.env['PATH'] ?? '',
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_URL: standIn.apiUrl,
        DISCORD_GUILD_ID: DEFAULT_IDS.guild,
        SYNC_COMMANDS_ON_START: 'true',
        DATABASE_PATH: database,
        LOG_LEVEL: 'info',
      },
    });
    children.push(child);
    let output = '';
    await new Promise<void>((done, fail) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('"msg":"logged in to Discord"')) done();
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('exit', () => fail(new Error(`the bot exited before logging in:\n${output}`)));
    });
    return { child, output: () => output };
  }

  /** The right answer of the pack item a question message asks. */
  function rightButton(message: SentMessage): string {
    const prompt = /^\*\*(.+?)\*\*/.exec(message.embeds?.[0]?.description ?? '')?.[1];
    const item = packs
      .flatMap((p) => p.facts.flatMap((f) => f.trivia))
      .find((t) => t.prompt.replace(/\s+/g, ' ') === prompt);
    const button = (message.components ?? [])
      .flatMap((row) => row.components)
      .find((b) => item && b.label?.replace(/^[A-D]\. /, '') === item.answer);
    if (!button?.custom_id) throw new Error(`cannot tell the right answer to "${prompt}"`);
    return button.custom_id;
  }

  const questionPosted = (index: number, since: number) =>
    standIn.waitForRequest(
      (r) =>
        r.method === 'POST' &&
        r.route === MESSAGE_ROUTE &&
        r.status < 300 &&
        messageBody(r).embeds?.[0]?.title === `Question ${index} of 3`,
      { since, timeoutMs: 15_000 },
    );

  /** The learner answers a question right; resolves with its reveal. */
  async function answerRight(question: RecordedRequest): Promise<SentMessage> {
    const messageId = createdMessageId(question);
    const since = standIn.mark();
    standIn.sendInteraction({
      type: InteractionType.MessageComponent,
      customId: rightButton(messageBody(question)),
      message: messageId,
      userId: LEARNER,
    });
    const reveal = await standIn.waitForRequest(
      (r) => r.method === 'PATCH' && r.route === EDIT_ROUTE && r.path.endsWith(messageId),
      { since, timeoutMs: 15_000 },
    );
    return messageBody(reveal);
  }

  it('keeps every point revealed before a SIGKILL on the leaderboard, and tells the channel the game was interrupted', async () => {
    const first = await startBot();
    const since = standIn.mark();
    standIn.sendInteraction({
      type: InteractionType.ApplicationCommand,
      name: 'trivia',
      subcommand: 'start',
      options: { questions: 3, seconds: 120 },
      userId: LEARNER,
      channelId: CHANNEL,
    });
    // The starter answering reveals each question at once: no waiting on the real clock.
    const revealed: SentMessage[] = [];
    revealed.push(await answerRight(await questionPosted(1, since)));
    revealed.push(await answerRight(await questionPosted(2, since)));
    const third = await questionPosted(3, since);
    const points = revealed.map((reveal) => {
      const who = reveal.embeds?.[0]?.fields?.find((f) => f.name === TRIVIA_TEXT.whoGotIt);
      return Number(/^Learner \+(\d+)$/.exec(who?.value ?? '')?.[1]);
    });
    expect(points.every((p) => p >= 1)).toBe(true);

    // The bot stores the message of a question once Discord has answered its post: the kill
    // comes after that, so the restart has the third question's message to reply to.
    await storedMessage(database, createdMessageId(third));
    const exited = new Promise((done) => first.child.on('exit', done));
    first.child.kill('SIGKILL');
    await exited;

    const afterKill = standIn.mark();
    const second = await startBot();
    const notice = await standIn.waitForRequest(
      (r) =>
        r.method === 'POST' &&
        r.route === MESSAGE_ROUTE &&
        r.path === `/channels/${CHANNEL}/messages` &&
        messageBody(r).embeds?.[0]?.title === TRIVIA_TEXT.interruptedTitle,
      { since: afterKill, timeoutMs: 15_000 },
    );
    const told = messageBody(notice);
    expect(told.embeds?.[0]?.description).toBe(TRIVIA_TEXT.interrupted(2, 3));
    expect(told.message_reference?.message_id).toBe(createdMessageId(third));
    const total = points.reduce((a, b) => a + b, 0);
    expect(told.embeds?.[0]?.fields?.[0]?.value).toBe(
      TRIVIA_TEXT.standingLine(1, 'Learner', total, 2, 2),
    );
    // The interrupted question's buttons are taken away, so nobody answers a game that is over.
    const cleared = standIn.findRequests(
      (r) =>
        r.method === 'PATCH' && r.route === EDIT_ROUTE && r.path.endsWith(createdMessageId(third)),
      afterKill,
    );
    expect(cleared.map((r) => customIds(messageBody(r)))).toEqual([[]]);

    const asked = standIn.sendInteraction({
      type: InteractionType.ApplicationCommand,
      name: 'trivia',
      subcommand: 'leaderboard',
      userId: LEARNER,
      channelId: CHANNEL,
    });
    const board = callbackData(await standIn.waitForInteractionResponse(asked.id));
    expect(board.embeds?.[0]?.description).toBe(
      TRIVIA_TEXT.leaderboardLine(1, 'Learner', {
        points: total,
        correct: 2,
        answered: 2,
        accuracy: 1,
        games: 1,
      }),
    );
    second.child.kill('SIGTERM');
  });
});

/** Polls the database (read-only, beside the bot's writes) until the running game shows `messageId`. */
async function storedMessage(path: string, messageId: string): Promise<void> {
  for (;;) {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      const row: unknown = db
        .prepare(`SELECT message_id FROM games WHERE status = 'running'`)
        .get();
      if (
        typeof row === 'object' &&
        row !== null &&
        'message_id' in row &&
        row.message_id === messageId
      ) {
        return;
      }
    } finally {
      db.close();
    }
    await new Promise((done) => setTimeout(done, 20));
  }
}
