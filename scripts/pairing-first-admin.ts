/**
 * The first administrator's pairing code, for the deployer: asks the functions' bootstrap endpoint,
 * authorised by XIESHANG_PAIRING_BOOTSTRAP_SECRET taken from the environment (never the command line,
 * which shell history and process lists keep).
 *   XIESHANG_PAIRING_BOOTSTRAP_SECRET=… npm run pairing:first-admin -- --api https://xieshang-fn.example.cn --unit U001
 */
import { parseArgs } from 'node:util';
import { apiErrorSchema, pairingCodeResponseSchema, UNIT_ID, type PairingCode } from '../shared';

/** What the command needs. */
export interface FirstAdminOptions {
  /** The functions' origin: https, or http on a loopback address for a local host. */
  readonly api: string;
  readonly unit: string;
  readonly secret: string;
  readonly fetch?: typeof fetch;
}

const LOOPBACK = /^(127\.0\.0\.1|localhost|\[::1\])$/;

/** Asks for the code; throws with the functions' bilingual message when refused. */
export async function firstAdminCode(o: FirstAdminOptions): Promise<PairingCode> {
  let url: URL;
  try {
    url = new URL(o.api);
  } catch {
    throw new Error(`--api ${o.api}: not a URL; give the functions' https origin`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.test(url.hostname)))
    throw new Error(`--api ${o.api}: the secret travels over https only (http only to this machine)`);
  if (!UNIT_ID.test(o.unit))
    throw new Error(
      `--unit ${o.unit}: a unit id (单位代码) has letters, digits, - _ . and at most 64 characters`,
    );
  if (!o.secret)
    throw new Error(
      'XIESHANG_PAIRING_BOOTSTRAP_SECRET is not set in this shell: set it to the app setting’s value',
    );
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  const res = await (o.fetch ?? fetch)(`${base}/api/units/${encodeURIComponent(o.unit)}/pairing/bootstrap`, {
    method: 'POST',
    headers: { 'x-xieshang-bootstrap': o.secret },
    redirect: 'error',
  });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const error = apiErrorSchema.safeParse(body);
    throw new Error(
      error.success
        ? `${res.status} ${error.data.error.code}: ${error.data.error.message.zh} / ${error.data.error.message.en}`
        : `the functions answered ${res.status}`,
    );
  }
  return pairingCodeResponseSchema.parse(body);
}

/** The command: named options in, the code and what to do with it out. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const { values } = parseArgs({
    args: [...argv],
    options: { api: { type: 'string' }, unit: { type: 'string' } },
    strict: true,
  });
  if (!values.api || !values.unit)
    throw new Error('usage: npm run pairing:first-admin -- --api <functions origin> --unit <单位代码>');
  const made = await firstAdminCode({
    api: values.api,
    unit: values.unit,
    secret: env.XIESHANG_PAIRING_BOOTSTRAP_SECRET?.trim() ?? '',
  });
  return [
    `首个管理员配对码 / first administrator's pairing code for ${made.unitId}: ${made.code}`,
    `有效至 / valid until ${made.expiresAt} (once only)`,
    '在 Excel 的协商任务窗格「云端同步」中输入单位代码所在工作簿的配对码 / type it in the pane under 配对码 in the workbook whose 单位代码 is this unit',
    '配对后请删除或更换 XIESHANG_PAIRING_BOOTSTRAP_SECRET / afterwards remove or rotate XIESHANG_PAIRING_BOOTSTRAP_SECRET',
  ].join('\n');
}

if (/pairing-first-admin\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) {
  main(process.argv.slice(2)).then(
    (text) => console.log(text),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exitCode = 1;
    },
  );
}
