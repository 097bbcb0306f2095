import * as z from '../zod.js';

/** Kebab-case identifiers: `pakistan-steel-mills`, `bhutto-soviet-visit-1972`. */
const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const MAX_ANSWER_LENGTH = 600;
export const MIN_ALTERNATES = 3;
export const MIN_DISTRACTORS = 3;

const id = (what: string) =>
  z
    .string()
    .check(z.regex(KEBAB_ID, `${what} must be kebab-case (lowercase letters, digits and hyphens)`));

/**
 * Control characters other than a line break or a tab: pack text is shown in terminals and in
 * Discord, where they would act rather than read (a terminal escape sequence retitles a window).
 */
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const text = (what: string, max: number) =>
  z.string().check(
    z.trim(),
    z.minLength(1, `${what} must not be empty`),
    z.maxLength(max, `${what} must be at most ${max} characters`),
    z.refine((value) => !CONTROL.test(value), `${what} must not hold control characters`),
  );

export const sectionSchema = z.strictObject({
  name: text('a section name', 200),
  paragraphs: z.number().check(z.int(), z.minimum(1, 'a section has at least one paragraph')),
});

export const sourceSchema = z.strictObject({
  id: id('a source id'),
  title: text('a source title', 200),
  publisher: text('a publisher', 100),
  url: z
    .url({ error: 'a source url must be a web address' })
    .check(
      z.regex(/^https:\/\//, 'a source url must be an https:// address'),
      z.maxLength(500, 'a source url must be at most 500 characters'),
    ),
  sections: z.array(sectionSchema).check(z.minLength(1, 'a source lists at least one section')),
});

export const citationSchema = z.strictObject({
  id: id('a source id'),
  section: text('a section name', 200),
  paragraph: z.number().check(z.int(), z.minimum(1, 'paragraphs are numbered from 1')),
});

export const triviaItemSchema = z.strictObject({
  prompt: text('a trivia prompt', 300),
  answer: text('a trivia answer', 100),
  accept: z._default(z.array(text('an accepted answer', 100)), []),
  distractors: z
    .array(text('a distractor', 100))
    .check(
      z.minLength(MIN_DISTRACTORS, `a trivia item needs at least ${MIN_DISTRACTORS} distractors`),
    ),
});

export const factSchema = z.strictObject({
  id: id('a fact id'),
  question: text('a question', 200),
  alternates: z
    .array(text('an alternate phrasing', 200))
    .check(
      z.minLength(MIN_ALTERNATES, `a fact needs at least ${MIN_ALTERNATES} alternate phrasings`),
    ),
  keywords: z._default(z.array(text('a keyword', 60)), []),
  answer: text('an answer', MAX_ANSWER_LENGTH),
  source: citationSchema,
  related: z._default(z.array(id('a related fact id')), []),
  tags: z._default(z.array(id('a tag')), []),
  trivia: z._default(z.array(triviaItemSchema), []),
});

/** What kind of thing an entity is: it tells a person from a place when a question asks "who". */
export const ENTITY_KINDS = ['person', 'place', 'organisation', 'event', 'thing'] as const;

/**
 * A person, place or organisation a pack talks about, with the other names students use for it:
 * its aliases ("zab" for Zulfikar Ali Bhutto) and the roles or descriptions that name it ("the
 * soviet premier" for Alexei Kosygin). Questions naming it either way read as its name.
 */
export const entitySchema = z.strictObject({
  name: text('an entity name', 100),
  kind: z.enum(ENTITY_KINDS, {
    error: `an entity's kind is one of ${ENTITY_KINDS.join(', ')}`,
  }),
  aliases: z._default(z.array(text('an alias', 100)), []),
  roles: z._default(z.array(text('a role', 100)), []),
});

export const packSchema = z.strictObject({
  id: id('a pack id'),
  title: text('a pack title', 100),
  description: text('a pack description', 500),
  language: z
    .string()
    .check(z.regex(/^[a-z]{2}(?:-[A-Z]{2})?$/, 'language is a code such as "en"')),
  sources: z.array(sourceSchema).check(z.minLength(1, 'a pack cites at least one source')),
  synonyms: z._default(
    z.record(text('a synonym', 100), z.array(text('a synonym variant', 100))),
    {},
  ),
  entities: z._default(z.array(entitySchema), []),
  facts: z.array(factSchema).check(z.minLength(1, 'a pack has at least one fact')),
});

export type Section = z.infer<typeof sectionSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Citation = z.infer<typeof citationSchema>;
export type TriviaItem = z.infer<typeof triviaItemSchema>;
export type Fact = z.infer<typeof factSchema>;
export type Pack = z.infer<typeof packSchema>;
export type Entity = z.infer<typeof entitySchema>;
