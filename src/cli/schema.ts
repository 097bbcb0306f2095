import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { packJsonSchema } from '../knowledge/jsonSchema.js';

/** Regenerates `knowledge/schema.json` from the zod schema. */
const target = resolve(process.argv[2] ?? 'knowledge/schema.json');
writeFileSync(target, packJsonSchema());
console.log(`wrote ${target}`);
