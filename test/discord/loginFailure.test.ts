import { Client, DiscordAPIError, Events, GatewayCloseCodes } from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  FATAL_GATEWAY_CLOSES,
  GatewayRefusedError,
  watchGatewayRefusal,
} from '../../src/discord/gatewayClose.js';
import { describeLoginFailure } from '../../src/discord/loginFailure.js';

const API = 'http://127.0.0.1:9/api';

/** Errors shaped as Node and undici give them: a code, on the error or on its cause. */
function networkError(code: string, onCause = false): Error {
  const socket = Object.assign(new Error(`connect ${code} 127.0.0.1:9`), { code });
  return onCause ? new TypeError('fetch failed', { cause: socket }) : socket;
}

describe('a gateway close discord.js gives up on', () => {
  it('has a sentence saying what to do for each of its codes', () => {
    expect(Object.keys(FATAL_GATEWAY_CLOSES).map(Number).sort()).toEqual([
      4004, 4010, 4011, 4012, 4013, 4014,
    ]);
    expect(new GatewayRefusedError(4004).message).toMatch(/check DISCORD_TOKEN/);
    expect(new GatewayRefusedError(4014).message).toMatch(/Message Content.*PREFIX_MODE=false/);
  });

  it('rejects the watch when the client reports it, and not after the watch stopped', async () => {
    const client = new Client({ intents: [] });
    const first = watchGatewayRefusal(client);
    client.emit(Events.ShardDisconnect, { code: 4014, reason: '', wasClean: true }, 0);
    await expect(first.refused).rejects.toMatchObject({ closeCode: 4014 });
    first.stop();

    const second = watchGatewayRefusal(client);
    second.stop();
    client.emit(Events.ShardDisconnect, { code: 4004, reason: '', wasClean: true }, 0);
    const settled = await Promise.race([
      second.refused.then(
        () => 'settled',
        () => 'settled',
      ),
      new Promise((done) => setTimeout(() => done('pending'), 20)),
    ]);
    expect(settled).toBe('pending');
    await client.destroy();
  });
});

describe('what the bot says when it cannot log in', () => {
  it.each([
    [
      'the gateway refusing the token',
      new GatewayRefusedError(GatewayCloseCodes.AuthenticationFailed),
      { closeCode: 4004 },
      /check DISCORD_TOKEN/,
    ],
    [
      'REST refusing the token',
      Object.assign(new Error('An invalid token was provided.'), { code: 'TokenInvalid' }),
      { status: 401 },
      /refused the bot token \(401 Unauthorized\): check DISCORD_TOKEN/,
    ],
    [
      'a refused connection',
      networkError('ECONNREFUSED'),
      { code: 'ECONNREFUSED' },
      new RegExp(`could not reach Discord at ${API} \\(ECONNREFUSED\\)`),
    ],
    [
      'an unknown host, reported on the cause',
      networkError('ENOTFOUND', true),
      { code: 'ENOTFOUND' },
      /could not reach Discord .* \(ENOTFOUND\): check the network, and DISCORD_API_URL/,
    ],
    [
      'an answer Discord gave',
      new DiscordAPIError(
        { code: 0, message: 'Service Unavailable' },
        0,
        503,
        'GET',
        `${API}/v10/gateway/bot`,
        {},
      ),
      { status: 503 },
      /GET \/gateway\/bot answered 503 \(Service Unavailable\)/,
    ],
    ['anything else', new Error('odd'), {}, /^could not log in to Discord: odd$/],
  ] as const)('names %s in one line', (_case, error, fields, message) => {
    const failure = describeLoginFailure(error, API);
    expect(failure.fields).toEqual(fields);
    expect(failure.message).toMatch(message);
    expect(failure.message).not.toContain('\n');
  });
});
