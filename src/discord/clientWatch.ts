import { Events, Status, type Client } from 'discord.js';
import type { Metrics } from '../monitoring/metrics.js';

/** The gateway as the health check sees it: ready when every shard of this process is. */
export interface GatewayState {
  readonly ready: boolean;
  /** `ready`, or the state of the first shard that is not (`connecting`, `resuming`…). */
  readonly state: string;
}

/** `WaitingForGuilds` → `waiting for guilds`. */
const describeStatus = (status: Status): string =>
  Status[status].replace(/(?<=[a-z])(?=[A-Z])/g, ' ').toLowerCase();

/** Reads the state of the client's gateway connections, as discord.js tracks them. */
export function gatewayStateOf(client: Client): GatewayState {
  const shards = [...client.ws.shards.values()];
  const behind = shards.find((shard) => shard.status !== Status.Ready);
  if (shards.length === 0) return { ready: false, state: describeStatus(client.ws.status) };
  if (behind) return { ready: false, state: describeStatus(behind.status) };
  return { ready: true, state: 'ready' };
}

/**
 * Counts what the client goes through that an operator should see on a graph: gateway
 * reconnections (discord.js reconnects by itself; a steady rate means the network or Discord is
 * unwell) and REST requests Discord answered with 429 (discord.js waits them out; a steady rate
 * means the bot asks too much, on the way to an invalid-request ban).
 */
export function countClientEvents(client: Client, metrics: Metrics): void {
  client.on(Events.ShardReconnecting, () => metrics.gatewayReconnect());
  client.rest.on('rateLimited', (info) => metrics.rateLimited(info.scope));
}
