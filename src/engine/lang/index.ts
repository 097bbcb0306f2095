import type { LanguageProfile } from '../language.js';
import { english } from './en/index.js';

/** Every language the engine has a profile for, by the code packs name. */
export const LANGUAGES: ReadonlyMap<string, LanguageProfile> = new Map([[english.code, english]]);

/** The profile for a pack's `language`, if there is one. */
export const languageFor = (code: string): LanguageProfile | undefined => LANGUAGES.get(code);

/**
 * The profile packs loaded together are read in: that of their `language` (the validator
 * refuses a language without a profile, and packs of different languages served together),
 * English when there are none.
 */
export function languageOfPacks(packs: readonly { readonly language: string }[]): LanguageProfile {
  return (packs[0] && languageFor(packs[0].language)) ?? english;
}
