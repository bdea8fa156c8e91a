import { createRequire } from 'node:module';
import { join } from 'node:path';

let cached: boolean | undefined;

/**
 * Whether this process is a Functions host worker. The worker provides '@azure/functions-core'
 * through its require hook (as @azure/functions itself detects it); elsewhere (tests, the local
 * host) registration would only print the SDK's "test mode" warnings, so functions skip it.
 */
export function underFunctionsHost(): boolean {
  if (cached === undefined) {
    try {
      createRequire(join(process.cwd(), 'index.js'))('@azure/functions-core');
      cached = true;
    } catch {
      cached = false;
    }
  }
  return cached;
}
