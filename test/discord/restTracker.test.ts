import { REST, RESTEvents } from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  createRestTracker,
  RequestAbandonedError,
  routeOf,
  type RestTrackerOptions,
} from '../../src/discord/restTracker.js';

const API = 'http://127.0.0.1:9/api/v10';
const REPLY = `${API}/channels/300000000000000001/messages`;

type Send = NonNullable<RestTrackerOptions['send']>;

/** A request that is answered when the test says so. */
function pendingSend(): { send: Send; answer: (response: Response) => void; sent: string[] } {
  const sent: string[] = [];
  let answer: (response: Response) => void = () => undefined;
  return {
    sent,
    answer: (response) => answer(response),
    send: (url) => {
      sent.push(url);
      return new Promise((done) => {
        answer = done;
      });
    },
  };
}

describe('the route a request is logged under', () => {
  it('drops the API prefix and keeps ids', () => {
    expect(routeOf(REPLY)).toBe('/channels/300000000000000001/messages');
  });

  it('hides the token of an interaction callback and of a webhook', () => {
    expect(routeOf(`${API}/interactions/123/aW50ZXJhY3Rpb24/callback`)).toBe(
      '/interactions/123/:token/callback',
    );
    expect(routeOf(`${API}/webhooks/456/aW50ZXJhY3Rpb24/messages/@original`)).toBe(
      '/webhooks/456/:token/messages/@original',
    );
  });
});

describe('the Discord request tracker', () => {
  it('settles at once when nothing is on the wire', async () => {
    const tracker = createRestTracker({ send: () => Promise.resolve(new Response(null)) });
    expect(await tracker.settle(10_000)).toEqual({ inFlight: [], waiting: [] });
  });

  it('waits for a request on the wire to be answered', async () => {
    const network = pendingSend();
    const tracker = createRestTracker({ send: network.send });
    const reply = tracker.makeRequest(REPLY, { method: 'POST' });
    const settled = tracker.settle(10_000);
    let done = false;
    void settled.then(() => (done = true));
    await new Promise((wait) => setTimeout(wait, 20));
    expect(done).toBe(false);
    network.answer(new Response('{}', { status: 200 }));
    expect((await reply).status).toBe(200);
    expect(await settled).toEqual({ inFlight: [], waiting: [] });
  });

  it('does not wait for a request waiting out a rate limit, and says how long it had left', async () => {
    let clock = 1_000;
    const tracker = createRestTracker({
      send: () =>
        Promise.resolve(new Response('{}', { status: 429, headers: { 'retry-after': '30' } })),
      now: () => clock,
    });
    await tracker.makeRequest(REPLY, { method: 'post' });
    clock += 5_000;
    expect(await tracker.settle(10_000)).toEqual({
      inFlight: [],
      waiting: [
        { method: 'POST', route: '/channels/300000000000000001/messages', retryInMs: 25_000 },
      ],
    });
  });

  it('forgets a wait once its request is sent again', async () => {
    let status = 429;
    const tracker = createRestTracker({
      send: () => Promise.resolve(new Response('{}', { status, headers: { 'retry-after': '1' } })),
    });
    await tracker.makeRequest(REPLY, { method: 'POST' });
    status = 200;
    await tracker.makeRequest(REPLY, { method: 'POST' });
    expect(await tracker.settle(1_000)).toEqual({ inFlight: [], waiting: [] });
  });

  it('counts the waits discord.js makes before sending, from its rate-limit events', async () => {
    const tracker = createRestTracker({ now: () => 0 });
    const rest = new REST();
    tracker.observe(rest);
    rest.emit(RESTEvents.RateLimited, {
      global: false,
      hash: 'bucket',
      limit: 5,
      majorParameter: '1',
      method: 'patch',
      retryAfter: 4_000,
      route: '/channels/:id/messages/:id',
      scope: 'user',
      sublimitTimeout: 0,
      timeToReset: 4_000,
      url: `${API}/channels/1/messages/2`,
    });
    expect((await tracker.settle(1_000)).waiting).toEqual([
      { method: 'PATCH', route: '/channels/1/messages/2', retryInMs: 4_000 },
    ]);
  });

  it('stops waiting after the time given and reports what is still unanswered', async () => {
    const network = pendingSend();
    const tracker = createRestTracker({ send: network.send });
    void tracker.makeRequest(REPLY, { method: 'POST' });
    expect(await tracker.settle(50)).toEqual({
      inFlight: [{ method: 'POST', route: '/channels/300000000000000001/messages' }],
      waiting: [],
    });
  });

  it('refuses to send anything once the shutdown abandoned what was left', async () => {
    const network = pendingSend();
    const tracker = createRestTracker({ send: network.send });
    tracker.abandon();
    await expect(tracker.makeRequest(REPLY, { method: 'POST' })).rejects.toBeInstanceOf(
      RequestAbandonedError,
    );
    expect(network.sent).toEqual([]);
  });
});
