import { existsSync } from 'node:fs';
import { REST, Routes, type APIApplication } from 'discord.js';
import { parseConfig, describeConfigProblems } from '../config.js';
import { commandDefinitions } from './commands/index.js';
import { describeSync, syncCommands } from './registerCommands.js';

/**
 * `npm run deploy-commands`: registers the command list with Discord, to DISCORD_GUILD_ID when
 * set (instant, for development) or globally, and prints what changed. Nothing is sent when
 * Discord already has exactly these definitions.
 */
async function deploy(): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    console.error(describeConfigProblems(parsed.errors));
    return 1;
  }
  const { config } = parsed;
  if (!config.discordToken) {
    console.error('DISCORD_TOKEN is not set: registering commands needs the bot token.');
    return 1;
  }
  const rest = new REST({ api: config.discordApiUrl }).setToken(config.discordToken);
  try {
    // The REST client returns unknown JSON; this route's response is the application.
    const applicationId =
      config.discordClientId ??
      ((await rest.get(Routes.currentApplication())) as APIApplication).id;
    const result = await syncCommands({
      rest,
      applicationId,
      guildId: config.discordGuildId,
      commands: commandDefinitions(),
    });
    console.log(describeSync(result));
    return 0;
  } catch (error) {
    // Discord's error text names the route and status; it never contains the token.
    console.error(
      `Registering the commands failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  }
}

process.exitCode = await deploy();
