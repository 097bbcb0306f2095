import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

/** `dist/`, rebuilt by the tests' global setup before any test runs. */
const DIST = resolve('dist');

/** discord.js as the bot's bundle carries it: the chunk's export that gives its module. */
async function bundledDiscordJs(): Promise<Record<string, unknown>> {
  const chunk = readdirSync(DIST).find(
    (name) =>
      name.endsWith('.js') && readFileSync(join(DIST, name), 'utf8').includes('cacheWithLimits'),
  );
  if (!chunk) throw new Error('no chunk of dist/ carries discord.js');
  const module: Record<string, unknown> = await import(pathToFileURL(join(DIST, chunk)).href);
  for (const value of Object.values(module)) {
    if (typeof value !== 'function') continue;
    const exported: unknown = value();
    if (typeof exported === 'object' && exported !== null && 'Client' in exported) {
      return exported as Record<string, unknown>; // checked: an object with the Client export
    }
  }
  throw new Error('the discord.js chunk exports no module with a Client');
}

describe('the bundle npm start runs', () => {
  it('keeps discord.js’s class names, by which its cache limits are found', async () => {
    const discord = await bundledDiscordJs();
    const renamed = Object.entries(discord)
      .filter(([name, value]) => /^[A-Z]/.test(name) && typeof value === 'function')
      .filter(([name, value]) => (value as { name: string }).name !== name) // functions have names
      .map(([name]) => name);
    expect(renamed).toEqual([]);
  });

  it('limits the message, user and member caches the bot limits', async () => {
    const discord = await bundledDiscordJs();
    const options = discord['Options'] as {
      cacheWithLimits(settings: Record<string, number>): (...args: unknown[]) => unknown;
    }; // discord.js's Options class, whose static method is called as the bot calls it
    const make = options.cacheWithLimits({ MessageManager: 7, UserManager: 3 });
    for (const [manager, limit] of [
      ['GuildMessageManager', 7],
      ['DMMessageManager', 7],
      ['UserManager', 3],
    ] as const) {
      const type = discord[manager] as { name: string }; // a class, checked by the test above
      // discord.js asks for a message manager's cache by the base class, as this does.
      const base = manager.endsWith('MessageManager') ? discord['MessageManager'] : type;
      const cache = make(base, undefined, type) as { maxSize?: number };
      expect(cache.maxSize, manager).toBe(limit);
    }
  });
});
