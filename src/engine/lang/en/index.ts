import { doubleMetaphone } from 'double-metaphone';
import { stemmer } from 'stemmer';
import type { LanguageProfile } from '../../language.js';
import { englishFrequencies } from './frequencies.js';
import { numberForm, QUESTION_WORDS, SHORTHAND } from './questions.js';
import { THESAURUS } from './thesaurus.js';
import { englishVectors } from './vectors.js';
import { FUNCTION_WORDS, IRREGULAR_FORMS, LIGHT_WORDS } from './words.js';

/**
 * English, as the engine reads it: the Porter stemmer, Double Metaphone for words spelt by ear,
 * SUBTLEX-US word frequencies, GloVe word vectors, and short hand lists of function words,
 * question words, chat shorthand and everyday near-synonyms.
 */
export const english: LanguageProfile = Object.freeze({
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
  frequencies: englishFrequencies,
  vectors: englishVectors,
  soundCode: (word: string) => doubleMetaphone(word)[0],
});
