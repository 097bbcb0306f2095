import { Events, GatewayCloseCodes, type Client } from 'discord.js';

/**
 * The gateway close codes after which discord.js gives up on a connection for good (its
 * `UNRECOVERABLE_CLOSE_CODES` in `WebSocketManager.js`, reported through `Events.ShardDisconnect`),
 * each with what it means and what the operator should do. Retrying would only spend the
 * 1,000 identifies a day, so the process ends and says why.
 */
export const FATAL_GATEWAY_CLOSES: Readonly<Record<number, string>> = Object.freeze({
  [GatewayCloseCodes.AuthenticationFailed]:
    'Discord refused the bot token (gateway close 4004, authentication failed): check DISCORD_TOKEN, and if the token was reset in the Developer Portal (Bot → Reset Token), put the new one in',
  [GatewayCloseCodes.InvalidShard]:
    'Discord refused the connection (gateway close 4010, invalid shard): run one process per token without a shard setting',
  [GatewayCloseCodes.ShardingRequired]:
    'Discord refused the connection (gateway close 4011, sharding required): the bot is in too many servers for one connection and needs sharding',
  [GatewayCloseCodes.InvalidAPIVersion]:
    "Discord refused the connection (gateway close 4012, invalid API version): this Almanac's discord.js is too old, update Almanac",
  [GatewayCloseCodes.InvalidIntents]:
    'Discord refused the connection (gateway close 4013, invalid intents): Almanac asked for intents that do not exist, which is a bug to report',
  [GatewayCloseCodes.DisallowedIntents]:
    'Discord refused the connection (gateway close 4014, disallowed intents): PREFIX_MODE=true needs the Message Content intent; enable it in the Developer Portal (Bot → Privileged Gateway Intents), or set PREFIX_MODE=false',
});

/** Discord closed the gateway with a code discord.js does not recover from. */
export class GatewayRefusedError extends Error {
  override readonly name = 'GatewayRefusedError';

  constructor(readonly closeCode: number) {
    super(
      FATAL_GATEWAY_CLOSES[closeCode] ??
        `Discord closed the gateway connection with code ${closeCode} and it will not reconnect`,
    );
  }
}

/** A watch on a client's gateway, from `watchGatewayRefusal`. */
export interface GatewayRefusalWatch {
  /** Rejects with a {@link GatewayRefusedError} when the gateway closes for good; never resolves. */
  readonly refused: Promise<never>;
  /** Stops watching (the promise then never settles). */
  stop(): void;
}

/**
 * Watches `client` for a gateway close it will not recover from. discord.js reports one only as
 * an event: `client.login()` itself then never settles (its shard waits for a READY that cannot
 * come), so a caller races its login, or its serving, against `refused`.
 */
export function watchGatewayRefusal(client: Client): GatewayRefusalWatch {
  let listener: ((event: { code: number }) => void) | undefined;
  const refused = new Promise<never>((_resolve, reject) => {
    listener = (event) => reject(new GatewayRefusedError(event.code));
    client.on(Events.ShardDisconnect, listener);
  });
  // A watch stopped before it fired must not surface as an unhandled rejection later.
  refused.catch(() => undefined);
  return {
    refused,
    stop() {
      if (listener) client.off(Events.ShardDisconnect, listener);
      listener = undefined;
    },
  };
}
