import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { azuriteConnectionString } from '../storage';
import { freePort } from './freePort';

/** A running Azurite table service. */
export interface AzuriteHandle {
  readonly port: number;
  readonly connectionString: string;
  stop(): Promise<void>;
}

// Resolved from the working directory (the repository root, where npm runs scripts and tests).
const azuriteTableBin = (): string =>
  createRequire(join(process.cwd(), 'package.json')).resolve('azurite/dist/src/table/main.js');

function waitForStart(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`Azurite did not start in ${timeoutMs} ms: ${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('successfully started')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited (${code}): ${output}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts Azurite's table service in memory on 127.0.0.1 and a free port (retrying if another
 * process takes the port first), and resolves once it accepts requests.
 */
export async function startAzurite(options: { readonly port?: number } = {}): Promise<AzuriteHandle> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = options.port ?? (await freePort());
    const args = [
      '--inMemoryPersistence',
      '--disableTelemetry',
      '--tableHost',
      '127.0.0.1',
      '--tablePort',
      String(port),
    ];
    // Its own working directory, so nothing it might write lands in the repository.
    const child = spawn(process.execPath, [azuriteTableBin(), ...args], {
      cwd: tmpdir(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      await waitForStart(child, 20_000);
      child.stdout?.resume();
      child.stderr?.resume();
      return { port, connectionString: azuriteConnectionString(port), stop: () => stopChild(child) };
    } catch (e) {
      lastError = e;
      await stopChild(child);
      if (options.port) break;
    }
  }
  throw lastError;
}
