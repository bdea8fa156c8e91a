// Issue 10: "Robot secrets are stored encrypted (a key from configuration), never in plain text."
// Robots an older build stored in the clear must not stay so: the reminders timer seals them where
// their address is still allowed and drops them where it is not, with an audit entry each.
import { InvocationContext } from '@azure/functions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remindersTimer } from '../../../functions/src/functions/remindersTimer';
import { openTables } from '../../../functions/src/storage/tables';
import { startEnv, type TestEnv } from '../support';

let env: TestEnv;
beforeAll(async () => {
  env = await startEnv('2026-03-31T00:30:00Z');
});
afterAll(() => env.stop());

const TOKEN = 'legacy-robot-token-7f3a';
const SECRET = 'SEClegacy-signing-secret';

describe('robots stored unsealed by an older build', () => {
  it('are sealed (or dropped when their address is no longer allowed) by the reminders timer', async () => {
    const { store } = env.services;
    await store.units.configure('u-old', { name: '旧配置单位' });
    const tables = openTables(env.azurite.connectionString, 't');
    const plain = [
      {
        id: 'wecom',
        kind: 'wecom',
        url: `http://127.0.0.1:9/cgi-bin/webhook/send?key=${TOKEN}`,
        secret: SECRET,
      },
      { id: 'evil', kind: 'teams', url: 'https://169.254.169.254/latest/meta-data' },
    ];
    await tables.units.updateEntity(
      { partitionKey: 'u-old', rowKey: 'profile', channels: JSON.stringify(plain) },
      'Merge',
    );
    const logs: string[] = [];
    const context = new InvocationContext({
      functionName: 'reminders',
      logHandler: (_level, ...args) => logs.push(args.map(String).join(' ')),
    });
    await remindersTimer.run(env.services, context);

    const raw = await tables.units.getEntity<{ channels?: string }>('u-old', 'profile');
    expect(raw.channels).not.toContain(TOKEN);
    expect(raw.channels).not.toContain(SECRET);
    const unit = await store.units.get('u-old');
    expect(unit?.channels.map((c) => c.id)).toEqual(['wecom']);
    expect(typeof unit?.channels[0]?.sealed).toBe('string');
    const audit = await store.audit.list('u-old', 20);
    expect(audit.some((a) => a.action === 'unit.channels.seal-legacy')).toBe(true);
    expect(logs.join('\n')).toMatch(/sealed 1 and removed 1 robot/);
  });
});
