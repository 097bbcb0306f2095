import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, REDACTED } from '../../src/logger.js';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.GfAkE0.not-a-real-token-used-only-by-the-tests';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'trace', secrets: [TOKEN], destination }) };
}

describe('the logger', () => {
  it('writes JSON lines', () => {
    const { lines, logger } = capture();
    logger.info({ guilds: 1 }, 'logged in to Discord');
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      level: 30,
      guilds: 1,
      msg: 'logged in to Discord',
    });
  });

  it('redacts token fields wherever they are', () => {
    const { lines, logger } = capture();
    logger.info(
      { token: 'abc', config: { discordToken: 'def' }, headers: { authorization: 'Bot ghi' } },
      'x',
    );
    const line = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    expect(line).toMatchObject({
      token: REDACTED,
      config: { discordToken: REDACTED },
      headers: { authorization: REDACTED },
    });
  });

  it('scrubs the token from messages, errors and nested text it was not told about', () => {
    const { lines, logger } = capture();
    logger.warn(`debug: Provided token: ${TOKEN}`);
    logger.error(
      { err: new Error(`request with Bot ${TOKEN} failed`), detail: { deep: [TOKEN] } },
      'failed',
    );
    logger.child({ session: TOKEN }).trace('child');
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).not.toContain(TOKEN);
      expect(line).toContain(REDACTED);
    }
  });

  it('redacts an Authorization header whatever its case, and keeps the other headers', () => {
    const { lines, logger } = capture();
    logger.warn(
      {
        headers: { Authorization: 'Bearer abc', 'User-Agent': 'DiscordBot' },
        request: { headers: { Authorization: 'Bot def', authorization: 'Bot ghi' } },
      },
      'request failed',
    );
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      headers: { Authorization: REDACTED, 'User-Agent': 'DiscordBot' },
      request: { headers: { Authorization: REDACTED, authorization: REDACTED } },
    });
  });
});
