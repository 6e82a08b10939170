/**
 * Starts n8n with a node package and keeps it running until Ctrl-C (for the demo and debugging).
 *   npx tsx e2e/start.ts [--custom <dir>] [--community <package dir>] [--port <n>] [--user-folder <dir>]
 * Writes the URL, owner login and API key to <user folder>/connection.json (mode 0600, local only).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startN8n, type StartN8nOptions } from './n8n';

function parseArguments(argv: string[]): StartN8nOptions {
  const options: StartN8nOptions = {};
  for (let index = 0; index < argv.length; index += 2) {
    const [flag, value] = [argv[index], argv[index + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value.`);
    if (flag === '--custom') options.customExtensions = path.resolve(value);
    else if (flag === '--community') options.communityPackages = [...(options.communityPackages ?? []), path.resolve(value)];
    else if (flag === '--port') options.port = Number(value);
    else if (flag === '--user-folder') options.userFolder = path.resolve(value);
    else throw new Error(`Unknown option ${flag}. Use --custom <dir>, --community <package dir>, --port <n> or --user-folder <dir>.`);
  }
  return options;
}

async function main(): Promise<void> {
  const n8n = await startN8n(parseArguments(process.argv.slice(2)));
  const connectionFile = path.join(n8n.userFolder, 'connection.json');
  const connection = { url: n8n.url, email: n8n.owner.email, password: n8n.owner.password, apiKey: n8n.apiKey };
  fs.writeFileSync(connectionFile, JSON.stringify(connection, null, 2), { mode: 0o600 });
  console.log(`n8n is ready at ${n8n.url} (started in ${(n8n.startupMs / 1000).toFixed(1)} s)`);
  console.log(`log in as ${n8n.owner.email}; API key and password in ${connectionFile}; n8n log: ${n8n.logFile}`);
  console.log('Ctrl-C stops n8n.');
  const shutdown = (): void => {
    void n8n.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
