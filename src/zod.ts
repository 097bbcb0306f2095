/**
 * The one place Almanac imports zod: `zod/mini`, the tree-shakable build of zod, with the English
 * messages. Classic `zod` bundles every schema type and all of zod's locales, whose loading costs
 * each start several megabytes and tens of milliseconds; mini bundles only the schemas and checks
 * used. Mini loads no locale of its own (its issues would all read "Invalid input"), so English is
 * configured here, before any module can build a schema. Modules import this one as a namespace
 * (`import * as z from './zod.js'`) and only name what they use, so the bundler leaves the rest of
 * zod, its other locales included, out.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export * from 'zod/mini';
