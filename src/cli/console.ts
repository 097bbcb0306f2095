import { clearLine, createInterface, cursorTo } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { systemClock, type Clock } from '../clock.js';
import { english } from '../knowledge/languages.js';
import type { Engine, FactRef } from '../engine/types.js';
import type { Store } from '../store/types.js';
import type { CheckLanguage } from '../trivia/check.js';
import { createConsoleTrivia, type ConsoleTrivia } from './consoleTrivia.js';
import { citationLines, plain, renderText, type Paint } from './renderText.js';
import { CONSOLE_WHERE, type QuestionRecorder } from '../inbox/recorder.js';
import type { AskedQuestionId } from '../store/types.js';

export interface ConsoleOptions {
  readonly engine: Engine;
  readonly input: Readable;
  readonly output: Writable;
  readonly paint?: Paint;
  /** Random source for `/random`, returning [0, 1). */
  readonly random: () => number;
  /** Whether to show a prompt (only when a person is typing). */
  readonly prompt?: boolean;
  /** Trivia games and scores; without it `/trivia` says the database is needed. */
  readonly store?: Store;
  /** The present and timers, for trivia; the system clock by default. */
  readonly clock?: Clock;
  /** The answer checker's language; English, from the engine's word counts, by default. */
  readonly language?: CheckLanguage;
  /** The player's name on the trivia leaderboard. */
  readonly playerName?: string;
  /**
   * Whether `input` and `output` are a terminal a person types at: then lines can be edited (the
   * arrow keys, Home, End, Ctrl+A/E/U/W) and the Up and Down arrows recall the session's earlier
   * lines. Off for pipes and files, which are read line by line as they are.
   */
  readonly terminal?: boolean;
  /** Ends the chat when aborted (SIGINT or SIGTERM), as the end of the input does. */
  readonly stop?: AbortSignal;
  /**
   * Records the questions typed and the facts picked after a miss, as the bot does (with no
   * server, channel or asker: {@link CONSOLE_WHERE}); nothing is recorded without it.
   */
  readonly questions?: QuestionRecorder;
}

/** How many typed lines the Up arrow can recall in one session. */
const HISTORY_SIZE = 200;

const HELP = [
  'Ask a question in your own words, for example: when did bhutto go to moscow',
  'Type a number to pick a follow-up or a "did you mean" choice.',
  '  /topics          what the knowledge packs cover',
  '  /random          a random fact',
  '  /source <fact>   the full citation of a fact (by id)',
  '  /trivia [topic] [questions] [choice|open] [seconds]s',
  '                   a trivia game: answer by number (choice) or by typing (open);',
  '                   /skip reveals the answer now, /stop ends the game',
  '  /trivia leaderboard [points|accuracy|games]',
  '                   the console leaderboard',
  '  /trivia stats    your games, accuracy, best streak and the facts you miss most',
  '  /help            this help',
  '  /quit            leave (Ctrl-D and Ctrl-C work too)',
].join('\n');

/**
 * The console chat: a read-eval-print loop over the engine. Numbers pick from the last list
 * offered; a question asked after an answer carries that answer as context. Resolves when the
 * input ends or the user quits.
 */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { engine, input, output } = options;
  const paint = options.paint ?? plain;
  const terminal = options.terminal ?? false;
  const rl = createInterface({
    input,
    output,
    terminal,
    historySize: terminal ? HISTORY_SIZE : 0,
    removeHistoryDuplicates: true,
  });
  // On a terminal, text can arrive while a line is being typed (a trivia countdown): it goes on
  // a line of its own, and the prompt with what was typed so far is drawn again below it.
  const write = (text: string) => {
    if (terminal) {
      clearLine(output, 0);
      cursorTo(output, 0);
    }
    output.write(`${text}\n`);
  };
  let choices: readonly FactRef[] = [];
  let previousFactId: string | undefined;
  let trivia: ConsoleTrivia | undefined;
  const prompt = (redraw = false) => {
    if (options.prompt === false) return;
    const text = paint('green', `${trivia?.promptHint() ?? ''}> `);
    if (terminal) {
      rl.setPrompt(text);
      rl.prompt(redraw);
    } else {
      output.write(text);
    }
  };
  let interrupted = false;
  const interrupt = () => {
    interrupted = true;
    rl.close();
  };
  // Ctrl+C on a terminal reaches readline, not the process: it leaves, as Ctrl+D does.
  rl.on('SIGINT', interrupt);
  if (options.stop?.aborted) interrupt();
  else options.stop?.addEventListener('abort', interrupt, { once: true });
  if (options.store) {
    trivia = createConsoleTrivia({
      engine,
      store: options.store,
      clock: options.clock ?? systemClock,
      language: options.language ?? {
        wordCount: (word) => english.frequencies().counts.get(word) ?? 0,
      },
      random: options.random,
      playerName: options.playerName ?? 'You',
      paint,
      write,
      onTimerOutput: () => prompt(true),
    });
  }

  /** The recorded miss the numbered choices on screen were offered for, if any. */
  let offeredFor: AskedQuestionId | undefined;
  const answer = (question: string, exactFact?: string) => {
    const picked = exactFact ? engine.answerFact(exactFact) : undefined;
    const result = picked ?? engine.ask(question, { previousFactId });
    if (picked && exactFact && offeredFor !== undefined) {
      options.questions?.picked(offeredFor, exactFact, null);
    }
    const recorded = picked ? undefined : options.questions?.asked(result, CONSOLE_WHERE);
    // A number picked after a miss names the fact the question meant; after an answer it only
    // follows up.
    offeredFor = result.status === 'answered' ? undefined : recorded;
    const reply = renderText(result, paint);
    choices = reply.choices;
    if (result.status === 'answered') previousFactId = result.fact.id;
    write(reply.text);
  };

  const command = (line: string): boolean => {
    const [name = '', ...rest] = line.slice(1).split(/\s+/);
    const arg = rest.join(' ').trim();
    switch (name.toLowerCase()) {
      case 'help':
        write(HELP);
        return true;
      case 'topics': {
        for (const pack of engine.packs) {
          write(`${paint('bold', pack.title)} (${pack.id}): ${pack.facts.length} facts`);
          write(`  ${pack.description}`);
        }
        const tags = [...engine.tags()].map(([tag, n]) => `${tag} (${n})`).join(', ');
        write(`Tags: ${tags}`);
        return true;
      }
      case 'random': {
        const picked = engine.randomFact(options.random);
        if (picked) answer(picked.fact.question, picked.fact.id);
        return true;
      }
      case 'trivia':
        if (trivia) trivia.command(arg);
        else write('Trivia needs the database: set DATABASE_PATH to a writable file.');
        return true;
      case 'source': {
        const found =
          engine.fact(arg) ??
          (arg ? undefined : previousFactId ? engine.fact(previousFactId) : undefined);
        if (!found) {
          write(
            arg
              ? `No fact has the id "${arg}". Ask a question first, or try /topics.`
              : 'Usage: /source <fact-id>',
          );
          return true;
        }
        write(`${paint('bold', found.fact.question)} (${found.fact.id})`);
        write(citationLines(found.fact, found.pack, paint).join('\n'));
        return true;
      }
      case 'quit':
      case 'exit':
        return false;
      default:
        write(`Unknown command "/${name}". Type /help.`);
        return true;
    }
  };

  write(
    paint(
      'bold',
      `Almanac: ${engine.size} facts from ${engine.packs.length} pack(s). Type /help for help.`,
    ),
  );
  prompt();
  for await (const raw of rl) {
    const line = raw.replace(/\0/g, '').trim();
    if (trivia?.input(line)) {
      prompt();
      continue;
    }
    if (line.startsWith('/')) {
      if (!command(line)) break;
    } else if (/^\d{1,2}$/.test(line)) {
      const choice = choices[Number(line) - 1];
      if (choice) answer(choice.question, choice.factId);
      else
        write(
          choices.length > 0
            ? `Pick a number from 1 to ${choices.length}.`
            : 'There is nothing to pick from yet: ask a question.',
        );
    } else if (line.length > 0) {
      answer(line);
    }
    prompt();
  }
  rl.close();
  options.stop?.removeEventListener('abort', interrupt);
  // A prompt was waiting for a line that will not come: leave it on a line of its own.
  if (interrupted && !terminal && options.prompt !== false) output.write('\n');
  // A game still on when the player leaves counts as stopped: its points are kept.
  trivia?.stop();
  write('Bye.');
}
