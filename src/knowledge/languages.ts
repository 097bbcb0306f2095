import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { englishProfile } from '../engine/lang/en/index.js';
import type { LanguageProfile } from '../engine/language.js';

/**
 * Where the English data files are: beside the engine's English profile in the sources, in
 * `data/` beside the bundle in a build (`npm run build` copies them there).
 */
const ENGLISH_DATA = import.meta.url.endsWith('.ts')
  ? new URL('../engine/lang/en/data/', import.meta.url)
  : new URL('./data/', import.meta.url);

/** The bytes of a bundled data file; a file that is not there says which and what to do. */
function dataFile(name: string, folder: URL): () => Uint8Array {
  return () => {
    const url = new URL(name, folder);
    try {
      return readFileSync(url);
    } catch (error) {
      const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
      throw new Error(
        `the language data file ${fileURLToPath(url)} cannot be read (${reason}): reinstall Almanac or run npm run build`,
        { cause: error },
      );
    }
  };
}

/** English, with its word counts and vectors read from the bundled files at their first use. */
export const english: LanguageProfile = englishProfile({
  frequencies: dataFile('word-frequencies.bin', ENGLISH_DATA),
  vectors: dataFile('word-vectors.bin', ENGLISH_DATA),
});

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
