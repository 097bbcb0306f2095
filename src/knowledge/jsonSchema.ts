import * as z from '../zod.js';
import { packSchema } from './schema.js';

/**
 * The JSON Schema editors use to complete and check pack files, generated from the zod schema
 * so the two cannot drift. Checked in as `knowledge/schema.json`; a test fails when it is stale.
 */
export function packJsonSchema(): string {
  const schema = z.toJSONSchema(packSchema, { io: 'input', target: 'draft-7' });
  const document = {
    ...schema,
    $id: 'https://almanac.invalid/knowledge/schema.json',
    title: 'Almanac knowledge pack',
    description:
      'One pack of cited facts. Generated from src/knowledge/schema.ts by `npm run schema`: do not edit by hand.',
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
