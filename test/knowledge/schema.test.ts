import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packJsonSchema } from '../../src/knowledge/jsonSchema.js';

const KNOWLEDGE = fileURLToPath(new URL('../../knowledge/', import.meta.url));
const SCHEMA_HEADER = '# yaml-language-server: $schema=./schema.json';

/** Fails, saying how to fix it, when `checkedIn` is not the schema the zod schema generates. */
function expectCurrentSchema(checkedIn: string): void {
  expect(checkedIn, 'knowledge/schema.json is stale: run `npm run schema`').toBe(packJsonSchema());
}

describe('knowledge/schema.json', () => {
  it('is the JSON Schema generated from the zod schema', () => {
    expectCurrentSchema(readFileSync(join(KNOWLEDGE, 'schema.json'), 'utf8'));
  });

  it('fails a stale copy with a message saying to run npm run schema', () => {
    const stale = packJsonSchema().replace('"maxLength": 600', '"maxLength": 500');
    expect(stale).not.toBe(packJsonSchema());
    expect(() => expectCurrentSchema(stale)).toThrow('run `npm run schema`');
  });
});

describe('pack files', () => {
  const packs = readdirSync(KNOWLEDGE).filter((name) => /\.ya?ml$/i.test(name));

  it('exist in the bundled knowledge folder', () => {
    expect(packs.length).toBeGreaterThan(0);
  });

  it.each(packs)('%s starts by pointing the editor at schema.json', (name) => {
    const firstLine = readFileSync(join(KNOWLEDGE, name), 'utf8').split('\n', 1)[0];
    expect(firstLine?.trimEnd()).toBe(SCHEMA_HEADER);
  });
});
