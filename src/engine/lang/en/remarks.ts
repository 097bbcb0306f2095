import type { LanguageProfile } from '../../language.js';

/**
 * How English chat opens a remark that is no question, as typed in a study group's channel:
 * thanks and greetings, with their everyday chat spellings. A message that opens with one of
 * these and names nothing the packs hold is answered in kind.
 */
export const REMARKS: LanguageProfile['remarks'] = Object.freeze({
  thanks: Object.freeze([
    'thanks',
    'thank you',
    'thank u',
    'thankyou',
    'thanx',
    'thnx',
    'thx',
    'tx',
    'ty',
    'tysm',
    'tyvm',
    'cheers',
    'much appreciated',
    'appreciate it',
    'appreciated',
    'ok thanks',
    'ok thank you',
    'ok ty',
    'okay thanks',
    'great thanks',
    'cool thanks',
    'nice thanks',
    'perfect thanks',
  ]),
  greeting: Object.freeze([
    'hi',
    'hii',
    'hiii',
    'hello',
    'helo',
    'hallo',
    'hey',
    'heya',
    'hey there',
    'hiya',
    'howdy',
    'yo',
    'sup',
    'wassup',
    'whats up',
    'good morning',
    'good afternoon',
    'good evening',
    'morning',
    'evening',
    'gm',
  ]),
});
