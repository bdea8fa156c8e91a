import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildFunctions } from '../../scripts/build-functions';

// The Functions worker hands '@azure/functions-core' to the app through its require hook. Core
// Tools cannot be installed offline, so this installs the same hook in a plain Node process,
// loads the compiled CommonJS bundle and lists what it registered.
const HOOK = `
const Module = require('module');
const seen = [];
const core = {
  version: 'test', hostVersion: 'test',
  registerFunction(metadata) { seen.push(metadata); return { dispose() {} }; },
  setProgrammingModel() {}, getProgrammingModel() {},
  registerHook() { return { dispose() {} }; },
  Disposable: class { dispose() {} },
};
const original = Module.prototype.require;
Module.prototype.require = function (id) { return id === '@azure/functions-core' ? core : original.apply(this, arguments); };
require(require('path').resolve(process.argv[1]));
process.stdout.write(JSON.stringify(seen));
`;

describe('the compiled functions', () => {
  it('register every function of the list with the host: routes, methods, anonymous auth, UTC schedules', async () => {
    const outfile = 'dist/test-functions/index.js';
    await buildFunctions(outfile);
    const out = execFileSync(process.execPath, ['-e', HOOK, outfile], { encoding: 'utf8' });
    const seen = JSON.parse(out) as { name: string; bindings: Record<string, Record<string, unknown>> }[];
    const trigger = (name: string) =>
      Object.values(seen.find((m) => m.name === name)?.bindings ?? {}).find((b) =>
        String(b.type).endsWith('Trigger'),
      );
    expect(seen.map((m) => m.name).sort()).toEqual([
      'aggregate',
      'escalations',
      'intake-key',
      'intake-list',
      'intake-meeting',
      'intake-meeting-public',
      'intake-public',
      'intake-rating',
      'intake-receipt',
      'intake-signin',
      'intake-statuses',
      'intake-submit',
      'intake-taken',
      'me',
      'pairing-bootstrap',
      'pairing-codes',
      'pairing-list',
      'pairing-redeem',
      'pairing-revoke',
      'reminders',
      'reminders-list',
      'retention',
      'summary',
      'sync',
      'unit-config',
      'units',
    ]);
    expect(trigger('sync')).toMatchObject({
      type: 'httpTrigger',
      route: 'units/{unitId}/sync',
      methods: ['POST'],
      authLevel: 'anonymous',
    });
    expect(trigger('reminders-list')).toMatchObject({ route: 'units/{unitId}/reminders', methods: ['GET'] });
    expect(trigger('escalations')).toMatchObject({ route: 'units/{unitId}/escalations', methods: ['POST'] });
    expect(trigger('summary')).toMatchObject({ route: 'orgs/{orgId}/summary', methods: ['GET'] });
    expect(trigger('units')).toMatchObject({ route: 'orgs/{orgId}/units', methods: ['GET'] });
    expect(trigger('pairing-redeem')).toMatchObject({
      route: 'units/{unitId}/pairing/redeem',
      methods: ['POST'],
      authLevel: 'anonymous',
    });
    expect(trigger('intake-rating')).toMatchObject({
      route: 'public/units/{unitId}/intake/receipts/{receiptId}/rating',
      methods: ['POST'],
      authLevel: 'anonymous',
    });
    expect(trigger('intake-signin')).toMatchObject({
      route: 'public/units/{unitId}/intake/meetings/signins',
      methods: ['POST'],
    });
    expect(trigger('intake-meeting-public')).toMatchObject({
      route: 'public/units/{unitId}/intake/meetings/view',
      methods: ['POST'],
      authLevel: 'anonymous',
    });
    expect(trigger('intake-meeting')).toMatchObject({
      route: 'units/{unitId}/intake/meetings',
      methods: ['PUT'],
    });
    expect(trigger('pairing-revoke')).toMatchObject({
      route: 'units/{unitId}/pairing/credentials/{credentialId}',
      methods: ['DELETE'],
    });
    expect(trigger('intake-submit')).toMatchObject({
      route: 'public/units/{unitId}/intake/submissions',
      methods: ['POST'],
      authLevel: 'anonymous',
    });
    expect(trigger('intake-public')).toMatchObject({
      route: 'public/units/{unitId}/intake',
      methods: ['GET'],
    });
    expect(trigger('intake-key')).toMatchObject({ route: 'units/{unitId}/intake/key', methods: ['PUT'] });
    expect(trigger('intake-taken')).toMatchObject({
      route: 'units/{unitId}/intake/submissions/{receiptId}/taken',
      methods: ['POST'],
    });
    expect(trigger('me')).toMatchObject({ route: 'units/{unitId}/me', methods: ['GET'] });
    expect(trigger('reminders')).toMatchObject({ type: 'timerTrigger', schedule: '0 30 0 * * *' });
    expect(trigger('aggregate')).toMatchObject({ type: 'timerTrigger', schedule: '0 0 17 * * *' });
    expect(trigger('retention')).toMatchObject({ type: 'timerTrigger', schedule: '0 0 18 * * *' });
  });
});
