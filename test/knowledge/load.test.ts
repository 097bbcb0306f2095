import { fc, test } from '@fast-check/vitest';
import { execFileSync } from 'node:child_process';
import {
  chmod,
  copyFile,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createKnowledgeService } from '../../src/discord/reload.js';
import { loadPacks, loadServingPacks } from '../../src/knowledge/load.js';
import { PACK_FILE_PROBLEMS } from '../../src/knowledge/parse.js';
import { formatProblem } from '../../src/knowledge/problem.js';

const VALID_PACK = 'test/fixtures/knowledge/valid/moon.yaml';
const isRoot = process.getuid?.() === 0;
const onWindows = process.platform === 'win32';

/** A folder holding a valid pack, `moon.yaml`, for each test to add one odd entry to. */
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'almanac-load-'));
  await copyFile(VALID_PACK, join(dir, 'moon.yaml'));
});
afterEach(async () => {
  await chmod(join(dir, 'locked.yaml'), 0o644).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

/** The folder's error lines, as `npm run validate` prints them. */
async function errorLines(): Promise<string[]> {
  const result = await loadPacks(dir, dir);
  return result.ok ? [] : result.errors.map(formatProblem);
}

/** A Unix socket bound at `path`, until `close`. */
function listenAt(path: string): Promise<Server> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(path, () => done(server));
  });
}

describe.skipIf(onWindows)('a pack folder on a real file system', () => {
  it('loads a pack through a symbolic link to a file elsewhere', async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'almanac-elsewhere-'));
    try {
      await copyFile('test/fixtures/knowledge/valid/planets.yaml', join(elsewhere, 'p.yaml'));
      await symlink(join(elsewhere, 'p.yaml'), join(dir, 'planets.yaml'));
      const result = await loadServingPacks(dir, dir);
      expect(result.ok && result.packs.map((p) => p.id)).toEqual([
        'earth-moon',
        'solar-system-planets',
      ]);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it('reports a symbolic link to itself as a link loop', async () => {
    await symlink('loop.yaml', join(dir, 'loop.yaml'));
    expect(await errorLines()).toEqual([`loop.yaml:1:1: ${PACK_FILE_PROBLEMS.linkLoop}`]);
  });

  it('reports two links to each other as a link loop, under both names', async () => {
    await symlink('b.yaml', join(dir, 'a.yaml'));
    await symlink('a.yaml', join(dir, 'b.yaml'));
    expect(await errorLines()).toEqual([
      `a.yaml:1:1: ${PACK_FILE_PROBLEMS.linkLoop}`,
      `b.yaml:1:1: ${PACK_FILE_PROBLEMS.linkLoop}`,
    ]);
  });

  it('reports a link to nothing', async () => {
    await symlink('missing.yaml', join(dir, 'gone.yaml'));
    expect(await errorLines()).toEqual([`gone.yaml:1:1: ${PACK_FILE_PROBLEMS.danglingLink}`]);
  });

  it('reports a folder named like a pack, and a link to a folder', async () => {
    await mkdir(join(dir, 'x.yaml'));
    await symlink(tmpdir(), join(dir, 'y.yaml'));
    expect(await errorLines()).toEqual([
      `x.yaml:1:1: ${PACK_FILE_PROBLEMS.folder}`,
      `y.yaml:1:1: ${PACK_FILE_PROBLEMS.folder}`,
    ]);
  });

  it('reports a link to /dev/zero as a device, reading none of it', async () => {
    await symlink('/dev/zero', join(dir, 'zero.yaml'));
    expect(await errorLines()).toEqual([`zero.yaml:1:1: ${PACK_FILE_PROBLEMS.device}`]);
  });

  it('reports a named pipe without waiting for a writer', async () => {
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    expect(await errorLines()).toEqual([`pipe.yaml:1:1: ${PACK_FILE_PROBLEMS.fifo}`]);
  });

  it('reports a socket', async () => {
    const server = await listenAt(join(dir, 'socket.yaml'));
    try {
      expect(await errorLines()).toEqual([`socket.yaml:1:1: ${PACK_FILE_PROBLEMS.socket}`]);
    } finally {
      server.close();
    }
  });

  it.skipIf(isRoot)('reports a file it may not read as permission denied', async () => {
    await copyFile(VALID_PACK, join(dir, 'locked.yaml'));
    await chmod(join(dir, 'locked.yaml'), 0o000);
    expect(await errorLines()).toEqual([`locked.yaml:1:1: ${PACK_FILE_PROBLEMS.permissionDenied}`]);
  });

  it('reports a Latin-1 file and a UTF-16 file as not UTF-8, serving neither', async () => {
    const text = (await readFile(VALID_PACK, 'utf8')).replace('id: earth-moon', 'id: lune');
    await writeFile(
      join(dir, 'latin1.yaml'),
      Buffer.from(text.replace('The Moon', 'La Lune, vue de la Terre à'), 'latin1'),
    );
    await writeFile(join(dir, 'utf16.yaml'), Buffer.from(`\uFEFF${text}`, 'utf16le'));
    expect(await errorLines()).toEqual([
      `latin1.yaml:2:33: ${PACK_FILE_PROBLEMS.notUtf8('Latin-1 or Windows-1252')}`,
      `utf16.yaml:1:1: ${PACK_FILE_PROBLEMS.notUtf8('UTF-16, little-endian')}`,
    ]);
  });

  it('says why the folder itself cannot be read when it is a file or a link loop', async () => {
    await symlink('self', join(dir, 'self'));
    const loop = await loadPacks(join(dir, 'self'), dir);
    expect(loop.ok ? [] : loop.errors.map(formatProblem)).toEqual([
      'self:1:1: the knowledge folder is a symbolic link that leads back to itself (a link loop)',
    ]);
    const file = await loadPacks(join(dir, 'moon.yaml'), dir);
    expect(file.ok ? [] : file.errors.map(formatProblem)).toEqual([
      'moon.yaml:1:1: the knowledge folder is not a folder',
    ]);
  });

  it('keeps the old packs serving when a reload meets an odd file, and names it', async () => {
    const first = await loadServingPacks(dir, dir);
    if (!first.ok) throw new Error('the valid pack should load');
    const service = createKnowledgeService({ dir, packs: first.packs });
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    const outcome = await service.reload();
    expect(outcome.ok ? [] : outcome.errors.map(formatProblem)).toEqual([
      `${relative(process.cwd(), join(dir, 'pipe.yaml'))}:1:1: ${PACK_FILE_PROBLEMS.fifo}`,
    ]);
    expect(service.packs()).toBe(first.packs);
    expect(service.engine().ask('how far away is the moon').status).toBe('answered');
  });
});

/** Text a mutation may insert: YAML syntax, odd characters and encodings' tell-tale bytes. */
const TOKENS = [
  '&a ',
  '*a',
  '<<: *a',
  '!!binary ',
  '!!str ',
  '? ',
  '- ',
  ': ',
  '\t',
  '  ',
  '\n',
  '\r',
  '\r\n',
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  '#',
  '|',
  '>',
  '%YAML 1.1\n',
  '---\n',
  '...\n',
  '\uFEFF',
  '\0',
  '\x1b]0;title\x07',
  '\u202e',
  '\u2028',
  'é',
  '🙂',
  'facts:',
  'id: moon-distance',
  'x'.repeat(700),
];

type Mutation =
  | { readonly kind: 'set'; readonly at: number; readonly byte: number }
  | { readonly kind: 'insert'; readonly at: number; readonly bytes: Uint8Array }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'truncate'; readonly at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('set' as const),
    at: fc.nat(),
    byte: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 8 }),
      fc.constantFrom(...TOKENS).map((t) => new TextEncoder().encode(t)),
    ),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

function mutate(bytes: Buffer, m: Mutation): Buffer {
  const at = bytes.length === 0 ? 0 : m.at % (bytes.length + 1);
  switch (m.kind) {
    case 'set':
      return at < bytes.length
        ? Buffer.concat([bytes.subarray(0, at), Buffer.from([m.byte]), bytes.subarray(at + 1)])
        : bytes;
    case 'insert':
      return Buffer.concat([bytes.subarray(0, at), m.bytes, bytes.subarray(at)]);
    case 'delete':
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + m.length)]);
    case 'truncate':
      return bytes.subarray(0, at);
  }
}

/** Something odd to put beside the mutated pack, by name. */
const ODDITIES: Readonly<Record<string, (folder: string) => Promise<unknown>>> = {
  none: async () => undefined,
  loop: (d: string) => symlink('loop.yaml', join(d, 'loop.yaml')),
  folder: (d: string) => mkdir(join(d, 'x.yaml')),
  fifo: async (d: string) => {
    execFileSync('mkfifo', [join(d, 'pipe.yaml')]);
  },
  device: (d: string) => symlink('/dev/zero', join(d, 'zero.yaml')),
  dangling: (d: string) => symlink('nowhere', join(d, 'gone.yaml')),
  utf16: (d: string) => writeFile(join(d, 'utf16.yaml'), Buffer.from('\uFEFFid: x\n', 'utf16le')),
};

/** A character a terminal acts on, which no printed problem line may hold. */
const ACTIVE = /[\p{Cc}\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;

describe.skipIf(onWindows)('loading a mutated pack beside an odd file', () => {
  let fuzzDir: string;
  let original: Buffer;
  beforeAll(async () => {
    fuzzDir = await mkdtemp(join(tmpdir(), 'almanac-fuzz-'));
    original = await readFile(VALID_PACK);
  });
  afterAll(async () => {
    await rm(fuzzDir, { recursive: true, force: true });
  });

  test.prop(
    [
      fc.array(mutation, { minLength: 1, maxLength: 6 }),
      fc.constantFrom(...Object.entries(ODDITIES)),
    ],
    { numRuns: 200 },
  )(
    'gives loaded packs or located, printable problems: never a throw or a hang',
    async (mutations, [oddity, addOddity]) => {
      for (const name of await readdir(fuzzDir))
        await rm(join(fuzzDir, name), { recursive: true, force: true });
      await writeFile(join(fuzzDir, 'pack.yaml'), mutations.reduce(mutate, original));
      await addOddity(fuzzDir);
      const warn = vi.spyOn(process, 'emitWarning');
      let result;
      try {
        result = await loadPacks(fuzzDir, fuzzDir);
        // The library's own warnings would reach standard error unescaped.
        expect(warn).not.toHaveBeenCalled();
      } finally {
        warn.mockRestore();
      }
      const names = new Set(await readdir(fuzzDir));
      if (result.ok) {
        expect(result.packs.length).toBe(1);
        expect(oddity).toBe('none');
      } else {
        expect(result.errors.length).toBeGreaterThan(0);
      }
      for (const problem of [...(result.ok ? [] : result.errors), ...result.warnings]) {
        expect(names).toContain(problem.file);
        expect(problem.line).toBeGreaterThanOrEqual(1);
        expect(problem.col).toBeGreaterThanOrEqual(1);
        expect(problem.message.length).toBeGreaterThan(0);
        expect(formatProblem(problem)).not.toMatch(ACTIVE);
      }
    },
  );
});
