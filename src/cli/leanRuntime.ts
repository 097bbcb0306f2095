import { setFlagsFromString } from 'node:v8';
import { DEFAULT_KNOWLEDGE_DIR, packBytes } from '../knowledge/folder.js';

/**
 * What the console gives up to stay small. V8's optimising compilers (Sparkplug's baseline code,
 * TurboFan's optimised code) cost a process about 10 MB, the compilers' own code paged in from
 * the node binary, their working memory and the code they make. On a small folder they buy
 * nothing a person at the console could notice (a question in half a millisecond rather than a
 * fifth of one); on a large one they pay for themselves in building it.
 */
export const LEAN_FLAGS = Object.freeze(['--no-turbofan', '--no-sparkplug', '--optimize-for-size']);

/**
 * Pack files up to this many bytes in all are built without the compilers: about 250 facts
 * written like the bundled pack's (44 KB for 26, trivia included), 600 of the benchmark's. Up to
 * there the console's first prompt came 30-40 ms later and 10-14 MB smaller; at 860 KB it came
 * 260 ms later, and at 10,000 facts three times as late (docs/PERFORMANCE.md).
 */
export const LEAN_UP_TO_BYTES = 600_000;

/** How long the folder's size may take to tell; past it, the compilers stay on. */
const SIZE_TIMEOUT_MS = 250;

/**
 * True when this start is the console (no `DISCORD_TOKEN`, or a blank one, as the configuration
 * reads it) over packs small enough to build without the compilers. The bot, which answers a
 * whole server, always keeps them.
 */
export async function wantsLeanRuntime(env: NodeJS.ProcessEnv): Promise<boolean> {
  if (!isBlank(env['DISCORD_TOKEN'])) return false;
  const configured = env['KNOWLEDGE_DIR'];
  const dir = configured === undefined || isBlank(configured) ? DEFAULT_KNOWLEDGE_DIR : configured;
  const bytes = await packBytes(dir, SIZE_TIMEOUT_MS);
  return bytes !== undefined && bytes <= LEAN_UP_TO_BYTES;
}

function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

/**
 * Turns the optimising compilers off for the rest of the process. Call it before any other
 * module runs: code already compiled keeps its compiled form, and the compilers' pages, once
 * touched, stay resident. The flags only take tiers away, which V8 checks each time it would tier
 * a function up.
 */
export function useLeanRuntime(): void {
  setFlagsFromString(LEAN_FLAGS.join(' '));
}
