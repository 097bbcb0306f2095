import { fc, test } from '@fast-check/vitest';
import { ButtonStyle, ComponentType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS, ELLIPSIS, embedLength } from '../../src/discord/limits.js';
import { COLOURS, renderAlternatives, renderAskResult } from '../../src/discord/render/answer.js';
import { renderHelp, renderSource, renderTopics } from '../../src/discord/render/info.js';
import type { ReplyPayload } from '../../src/discord/render/payload.js';
import { renderReload } from '../../src/discord/render/reload.js';
import { TEXT } from '../../src/discord/render/text.js';
import { toMessageOptions } from '../../src/discord/reply.js';
import type { Problem } from '../../src/knowledge/problem.js';
import { ambiguous, answered, buildFact, buildPack, candidate, declined, ref } from './builders.js';

const WIKI = 'https://en.wikipedia.org/wiki/1972_visit_by_Zulfikar_Ali_Bhutto_to_the_Soviet_Union';

/** Everything Discord would reject a message for, checked at once. */
function expectWithinLimits(payload: ReplyPayload): void {
  expect(payload.allowedMentions).toEqual({ parse: [], repliedUser: false });
  expect(payload.content?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  expect(payload.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedsPerMessage);
  const total = payload.embeds.reduce((n, e) => n + embedLength(e), 0);
  expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
  for (const embed of payload.embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedFooter);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedFields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedFieldName);
      expect(field.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedFieldValue);
    }
  }
  expect(payload.components.length).toBeLessThanOrEqual(DISCORD_LIMITS.actionRows);
  const ids = payload.components.flatMap((row) => row.components.map((b) => b.custom_id));
  expect(new Set(ids).size).toBe(ids.length);
  for (const row of payload.components) {
    expect(row.components.length).toBeLessThanOrEqual(DISCORD_LIMITS.buttonsPerRow);
    for (const button of row.components) {
      expect(button.custom_id.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
      expect(button.label?.length ?? 0).toBeGreaterThan(0);
      expect(button.label?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.buttonLabel);
    }
  }
}

const labels = (payload: ReplyPayload) =>
  payload.components.flatMap((row) => row.components.map((b) => b.label));
const ids = (payload: ReplyPayload) =>
  payload.components.flatMap((row) => row.components.map((b) => b.custom_id));

describe('an answer', () => {
  it('is an embed with the question, the answer, a linked source and the confidence, and buttons to go on', () => {
    expect(renderAskResult(answered(), { surface: 'message' })).toEqual({
      embeds: [
        {
          title: "When did Bhutto's 1972 visit to the Soviet Union take place?",
          description: "Bhutto's meeting with the Soviets lasted from 2 March until 5 March 1972.",
          color: COLOURS.answered,
          fields: [
            {
              name: 'Source',
              value: `Wikipedia: [1972 visit by Zulfikar Ali Bhutto to the Soviet Union](<${WIKI}>)\nLead, paragraph 4`,
            },
          ],
          footer: { text: "Bhutto's 1972 visit to the Soviet Union · confidence 87%" },
        },
      ],
      components: [
        {
          type: ComponentType.ActionRow,
          components: [
            {
              type: ComponentType.Button,
              custom_id: 'ask:fact:visit-location',
              label: 'Question about visit-location?',
              style: ButtonStyle.Primary,
            },
            {
              type: ComponentType.Button,
              custom_id: 'ask:fact:leaders-met',
              label: 'Question about leaders-met?',
              style: ButtonStyle.Primary,
            },
            {
              type: ComponentType.Button,
              custom_id: 'ask:fact:goodwill-visit-1974',
              label: 'Question about goodwill-visit-1974?',
              style: ButtonStyle.Primary,
            },
          ],
        },
        {
          type: ComponentType.ActionRow,
          components: [
            {
              type: ComponentType.Button,
              custom_id: 'ask:more:visit-dates,bhutto-role,visit-purpose',
              label: TEXT.notWhatIAsked,
              style: ButtonStyle.Secondary,
            },
          ],
        },
      ],
      ephemeral: false,
      allowedMentions: { parse: [], repliedUser: false },
    });
  });

  it('says so when the question was cut at 500 characters', () => {
    const payload = renderAskResult(answered({ truncated: true }), { surface: 'command' });
    expect(payload.embeds[0]?.fields?.[1]).toEqual({
      name: TEXT.noteField,
      value: TEXT.questionCut(500),
    });
  });

  it('says the fact was picked instead of giving a confidence', () => {
    const payload = renderAskResult(answered(), { surface: 'command', picked: true });
    expect(payload.embeds[0]?.footer?.text).toBe(
      `Bhutto's 1972 visit to the Soviet Union · ${TEXT.chosenFact}`,
    );
  });

  it('is private only when the asker asked for it', () => {
    expect(renderAskResult(answered(), { surface: 'command' }).ephemeral).toBe(false);
    expect(renderAskResult(answered(), { surface: 'command', private: true }).ephemeral).toBe(true);
  });

  it('cuts a 5,000-character answer cleanly and keeps the source link whole', () => {
    const fact = buildFact({ answer: `${'Moscow talks. '.repeat(357)}🇵🇰 end` });
    const payload = renderAskResult(answered({ fact }), { surface: 'message' });
    expectWithinLimits(payload);
    const description = payload.embeds[0]?.description ?? '';
    expect(description.length).toBeLessThanOrEqual(4096);
    expect(description.endsWith(ELLIPSIS)).toBe(true);
    expect(payload.embeds[0]?.fields?.[0]?.value).toContain(`(<${WIKI}>)`);
  });

  it('cuts long follow-up questions to 80-character button labels', () => {
    const long = ref('visit-location', `Where ${'exactly '.repeat(30)}did Bhutto go?`);
    const payload = renderAskResult(answered({ followUps: [long] }), { surface: 'message' });
    expectWithinLimits(payload);
    expect(labels(payload)[0]?.length).toBeLessThanOrEqual(80);
    expect(labels(payload)[0]?.endsWith(ELLIPSIS)).toBe(true);
  });

  it('leaves out a button whose fact id cannot fit in a custom id', () => {
    const payload = renderAskResult(
      answered({ followUps: [ref('x'.repeat(120)), ref('leaders-met')] }),
      {
        surface: 'message',
      },
    );
    expect(ids(payload)).toContain('ask:fact:leaders-met');
    expect(ids(payload).some((id) => id.includes('xxx'))).toBe(false);
  });

  it('escapes brackets in a source title so the link cannot be broken', () => {
    const pack = buildPack();
    const source = { ...pack.sources[0]!, title: 'Bhutto [1972] visit' };
    const payload = renderAskResult(answered({ pack: { ...pack, sources: [source] } }), {
      surface: 'message',
    });
    expect(payload.embeds[0]?.fields?.[0]?.value).toContain('[Bhutto \\[1972\\] visit](<');
  });
});

describe('a "did you mean"', () => {
  it('offers at most three candidates as buttons and states no answer', () => {
    const candidates = Array.from({ length: 30 }, (_, i) =>
      candidate(`fact-${i}`, 0.6, `Candidate question ${i}?`),
    );
    const payload = renderAskResult(ambiguous(candidates), { surface: 'message' });
    expectWithinLimits(payload);
    expect(payload.embeds[0]?.title).toBe(TEXT.didYouMeanTitle);
    expect(payload.embeds[0]?.color).toBe(COLOURS.ambiguous);
    expect(ids(payload)).toEqual(['ask:fact:fact-0', 'ask:fact:fact-1', 'ask:fact:fact-2']);
    expect(payload.embeds[0]?.description).toContain('1. Candidate question 0?');
    expect(payload.embeds[0]?.description).not.toContain('Candidate question 3?');
    expect(payload.embeds[0]?.fields).toBeUndefined();
  });
});

describe('a decline', () => {
  it('says the packs do not cover it, points to /topics and offers suggestions as buttons', () => {
    const payload = renderAskResult(declined('what is the boiling point of tungsten'), {
      surface: 'message',
    });
    expectWithinLimits(payload);
    expect(payload.embeds[0]).toEqual({
      title: TEXT.declinedTitle,
      description: `${TEXT.declined('“what is the boiling point of tungsten”')}\n${TEXT.declinedSuggestions}`,
      color: COLOURS.declined,
    });
    expect(ids(payload)).toEqual(['ask:fact:visit-purpose', 'ask:fact:visit-dates']);
    expect(payload.ephemeral).toBe(false);
  });

  it('is private for slash commands', () => {
    expect(renderAskResult(declined('pizza'), { surface: 'command' }).ephemeral).toBe(true);
  });

  it('echoes @everyone, role mentions, emoji and masked links without letting any of them work', () => {
    const question =
      '@everyone <@&500000000000000002> 🎉🇵🇰 [click me](https://evil.example) **loud** # heading';
    const payload = renderAskResult(declined(question), { surface: 'message' });
    expectWithinLimits(payload);
    expect(payload.content).toBeUndefined();
    const description = payload.embeds[0]?.description ?? '';
    expect(description).toContain('@everyone');
    expect(description).toContain('🎉🇵🇰');
    expect(description).toContain('\\[click me](https://evil.example)');
    expect(description).toContain('\\*\\*loud\\*\\*');
    expect(toMessageOptions(payload).allowedMentions).toEqual({ parse: [], repliedUser: false });
  });

  it('gives a kind hint, not a decline, for an empty question', () => {
    const payload = renderAskResult(declined('', [ref('visit-purpose')], 'empty'), {
      surface: 'message',
    });
    expect(payload.embeds[0]?.title).toBe(TEXT.emptyTitle);
    expect(payload.embeds[0]?.description).toBe(TEXT.emptyHintMessage);
    expect(ids(payload)).toEqual(['ask:fact:visit-purpose']);
  });

  it.each([
    ['thanks', TEXT.thanksTitle, TEXT.emptyHintMessage],
    ['greeting', TEXT.greetingTitle, TEXT.emptyHintMessage],
    ['no-subject', TEXT.emptyTitle, `${TEXT.noSubjectHint} ${TEXT.emptyHintMessage}`],
    ['help', TEXT.helpTitle, `${TEXT.helpAsking} ${TEXT.helpMore}`],
  ] as const)('answers a %s in kind, with questions to ask', (rejected, title, description) => {
    const payload = renderAskResult(declined('thanks!', [ref('visit-purpose')], rejected), {
      surface: 'message',
    });
    expect(payload.embeds[0]?.title).toBe(title);
    expect(payload.embeds[0]?.description).toBe(description);
    expect(payload.embeds[0]?.description).not.toContain(TEXT.declinedTitle);
    expect(ids(payload)).toEqual(['ask:fact:visit-purpose']);
  });
});

describe('"Not what I asked"', () => {
  it('lists the other candidates privately as buttons', () => {
    const payload = renderAlternatives(ref('visit-dates', 'When?'), [
      ref('bhutto-role'),
      ref('visit-location'),
    ]);
    expect(payload.ephemeral).toBe(true);
    expect(ids(payload)).toEqual(['ask:fact:bhutto-role', 'ask:fact:visit-location']);
  });

  it('says plainly when nothing else comes close', () => {
    expect(renderAlternatives(ref('visit-dates'), [])).toMatchObject({
      content: TEXT.noAlternatives,
      ephemeral: true,
    });
  });
});

describe('the other replies', () => {
  it('/topics stays within 25 fields however many packs are loaded', () => {
    const packs = Array.from({ length: 30 }, (_, i) =>
      buildPack({ id: `pack-${i}`, title: `Pack ${i}` }),
    );
    const tags = new Map(Array.from({ length: 400 }, (_, i) => [`tag-${i}`, i] as const));
    const payload = renderTopics(packs, tags);
    expectWithinLimits(payload);
    expect(payload.embeds[0]?.fields?.at(-1)?.name).toBe(TEXT.topicsTags);
    expect(payload.embeds[0]?.fields?.at(-1)?.value).toContain('more');
  });

  it('/source lists publisher, linked work, section and paragraph', () => {
    const pack = buildPack();
    const payload = renderSource({ fact: pack.facts[0]!, pack }, false);
    expectWithinLimits(payload);
    expect(payload.embeds[0]?.url).toBe(WIKI);
    expect(payload.embeds[0]?.fields?.slice(0, 4)).toEqual([
      { name: TEXT.sourcePublisher, value: 'Wikipedia', inline: true },
      {
        name: TEXT.sourceWork,
        value: `[1972 visit by Zulfikar Ali Bhutto to the Soviet Union](<${WIKI}>)`,
      },
      { name: TEXT.sourceSection, value: 'Lead', inline: true },
      { name: TEXT.sourceParagraph, value: '4', inline: true },
    ]);
  });

  it('/help is private and lists every command it is given', () => {
    const payload = renderHelp([{ name: 'ask', description: 'Ask a question.' }]);
    expect(payload.ephemeral).toBe(true);
    expect(payload.embeds[0]?.fields?.[0]?.value).toContain('`/ask` Ask a question.');
  });

  it('a failed reload lists each problem with file and line, cut to fit, and says the old packs stay', () => {
    const errors: Problem[] = Array.from({ length: 200 }, (_, i) => ({
      file: 'knowledge/pack.yaml',
      line: i + 1,
      col: 3,
      factId: 'visit-dates',
      message: 'answer: must not be empty ```',
    }));
    const payload = renderReload({ ok: false, errors, warnings: [] });
    expectWithinLimits(payload);
    expect(payload.ephemeral).toBe(true);
    expect(payload.embeds[0]?.title).toBe(TEXT.reloadFailedTitle);
    const description = payload.embeds[0]?.description ?? '';
    expect(description).toContain('knowledge/pack.yaml:1:3 visit-dates: answer: must not be empty');
    expect(description).toMatch(/… and \d+ more\n```$/);
    expect(description.match(/```/g)).toHaveLength(2);
  });

  it('a reload abandoned by a shutdown says so privately, and to run it again later', () => {
    const payload = renderReload({ ok: false, errors: [], warnings: [], abandoned: true });
    expectWithinLimits(payload);
    expect(payload.ephemeral).toBe(true);
    expect(payload.embeds[0]?.title).toBe(TEXT.reloadAbandonedTitle);
    expect(payload.embeds[0]?.description).toBe(TEXT.reloadAbandoned);
  });

  it('a successful reload lists the facts added, changed and removed', () => {
    const payload = renderReload({
      ok: true,
      diff: { added: ['new-fact'], changed: ['visit-dates'], removed: [] },
      packs: 1,
      facts: 28,
      warnings: [],
    });
    expect(payload.embeds[0]?.fields).toEqual([
      { name: 'Added (1)', value: '`new-fact`' },
      { name: 'Changed (1)', value: '`visit-dates`' },
    ]);
  });
});

describe('any reply to any question', () => {
  const question = fc.oneof(
    fc.string({ maxLength: 600 }),
    fc.string({ unit: 'grapheme', maxLength: 600 }),
    fc.constantFrom('@everyone', '@here', '<@&1234567890123456789>', '```', '[x](https://a.b)'),
  );
  const refs = fc.array(
    fc.record({
      factId: fc.stringMatching(/^[a-z0-9]{1,40}(?:-[a-z0-9]{1,40}){0,3}$/),
      question: fc.string({ minLength: 1, maxLength: 300 }),
    }),
    { maxLength: 30 },
  );

  test.prop([question, refs, fc.constantFrom('message' as const, 'command' as const)])(
    'stays within Discord limits and pings nobody',
    (text, list, surface) => {
      const candidates = list.map((r) => ({ ...r, confidence: 0.5 }));
      for (const result of [
        ambiguous(candidates, text),
        declined(text, list),
        answered({
          question: text,
          followUps: list,
          alternatives: candidates,
          truncated: text.length > 500,
        }),
      ]) {
        const payload = renderAskResult(result, { surface });
        expectWithinLimits(payload);
        const sent = toMessageOptions(payload);
        expect(sent.allowedMentions).toEqual({ parse: [], repliedUser: false });
      }
    },
  );
});
