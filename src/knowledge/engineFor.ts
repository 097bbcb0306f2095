import { createEngine, engineSteps, type EngineOptions } from '../engine/engine.js';
import type { Steps } from '../engine/steps.js';
import { languageOfPacks } from './languages.js';
import type { Engine } from '../engine/types.js';
import type { Pack } from './schema.js';

/** The engine over packs, reading them and their questions in the packs' own language. */
export function engineFor(
  packs: readonly Pack[],
  options: Omit<EngineOptions, 'language'> = {},
): Engine {
  return createEngine(packs, { ...options, language: languageOfPacks(packs) });
}

/** {@link engineFor} in steps (see `src/engine/steps.ts`). */
export function engineStepsFor(
  packs: readonly Pack[],
  options: Omit<EngineOptions, 'language'> = {},
): Steps<Engine> {
  return engineSteps(packs, { ...options, language: languageOfPacks(packs) });
}
