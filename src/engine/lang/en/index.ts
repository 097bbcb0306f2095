import { doubleMetaphone } from 'double-metaphone';
import { stemmer } from 'stemmer';
import type {
  LanguageData,
  LanguageProfile,
  WordFrequencies,
  WordVectors,
} from '../../language.js';
import { ANSWER_WORDS } from './answers.js';
import { decodeFrequencies } from './frequencies.js';
import { numberForm, QUESTION_WORDS, SHORTHAND } from './questions.js';
import { OPPOSITES } from './opposites.js';
import { REMARKS } from './remarks.js';
import { THESAURUS } from './thesaurus.js';
import { decodeVectors } from './vectors.js';
import { FUNCTION_WORDS, IRREGULAR_FORMS, LIGHT_WORDS } from './words.js';

/**
 * English, as the engine reads it: the Porter stemmer, Double Metaphone for words spelt by ear,
 * SUBTLEX-US word frequencies, GloVe word vectors, and short hand lists of function words,
 * question words, chat shorthand and everyday near-synonyms. The frequencies and vectors are
 * decoded from `data`'s bytes at their first use, once for the profile.
 */
export function englishProfile(data: LanguageData): LanguageProfile {
  let frequencies: WordFrequencies | undefined;
  let vectors: WordVectors | undefined;
  return Object.freeze({
    code: 'en',
    name: 'English',
    functionWords: FUNCTION_WORDS,
    lightWords: LIGHT_WORDS,
    stem: stemmer,
    irregularForms: IRREGULAR_FORMS,
    shorthand: SHORTHAND,
    numberForm,
    questions: QUESTION_WORDS,
    thesaurus: THESAURUS,
    frequencies: () => (frequencies ??= decodeFrequencies(data.frequencies())),
    vectors: () => (vectors ??= decodeVectors(data.vectors())),
    soundCode: (word: string) => doubleMetaphone(word)[0],
    remarks: REMARKS,
    opposites: OPPOSITES,
    answerWords: ANSWER_WORDS,
  });
}
