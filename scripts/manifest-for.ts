/**
 * Writes dist/manifest.xml for a production host. Every https://localhost:3000 URL of manifest.xml
 * moves to the add-in's https origin; the pane's URLs carry the functions' address (?api=, which
 * addin/taskpane/index.tsx reads), the Entra cloud (&cloud=, for choosing the sign-in authority), the
 * app (&client=) and optionally the tenant (&tenant=) for MSAL sign-in;
 * WebApplicationInfo names the Entra app for Office SSO. No hand edits: test/manifest.test.ts checks the produced file like manifest.xml.
 *   npm run manifest:prod -- --addin https://xieshang.example.cn --api https://xieshang-fn.example.cn \
 *     --client-id 00000000-0000-0000-0000-000000000000 --cloud china [--version 1.0.1.0] [--out dist/manifest.xml]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { ENTRA_GUID, ENTRA_LOGIN_HOSTS, ENTRA_TENANT } from '../shared';

const DEV_ORIGIN = 'https://localhost:3000';

/** The manifest with its development origin replaced (and its version, when given). */
export function manifestFor(xml: string, origin: string, version?: string): string {
  const url = new URL(origin);
  if (url.protocol !== 'https:') throw new Error(`${origin}: Office loads add-ins over https only`);
  if (url.search || url.hash) throw new Error(`${origin}: give an origin and optional path, without ? or #`);
  if (version !== undefined && !/^\d{1,5}(\.\d{1,5}){3}$/.test(version))
    throw new Error(`${version}: the version has four parts, e.g. 1.0.1.0`);
  const base = `${url.origin}${url.pathname.replace(/\/$/, '')}`;
  const moved = xml.split(DEV_ORIGIN).join(base);
  return version ? moved.replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`) : moved;
}

/** The Entra clouds a deployment signs in with: Microsoft's global cloud or the one 21Vianet operates. */
export const CLOUDS = {
  global: `https://${ENTRA_LOGIN_HOSTS.global}`,
  china: `https://${ENTRA_LOGIN_HOSTS.china}`,
} as const;

/** A cloud the manifest can name. */
export type Cloud = keyof typeof CLOUDS;

/** What a production manifest is made of. */
export interface ProductionOptions {
  /** The https origin (with an optional path) that serves dist/addin/. */
  readonly addin: string;
  /** The https origin of the functions; the pane adds /api/<route> (addin/sync/api.ts). */
  readonly api: string;
  /**
   * The Entra app registration: its application (client) id and cloud. Without them the manifest
   * is for pairing-code sign-in only (units without Microsoft 365): no WebApplicationInfo, no client=.
   */
  readonly entra?: { readonly clientId: string; readonly cloud: Cloud };
  /** The Entra tenant (id or verified domain) clerks sign in to; default: any work account (organizations). */
  readonly tenant?: string;
  readonly version?: string;
}

function tenantOf(tenant: string): string {
  if (!ENTRA_TENANT.test(tenant))
    throw new Error(
      `--tenant ${tenant}: the Entra tenant id (a GUID) or its verified domain, e.g. contoso.partner.onmschina.cn`,
    );
  return tenant;
}

/** The functions' base URL as the pane's client wants it: https, no query, no trailing /api. */
function apiBase(api: string): string {
  let url: URL;
  try {
    url = new URL(api);
  } catch {
    throw new Error(
      `--api ${api}: not a URL; give the functions' https origin, e.g. https://xieshang-fn.example.cn`,
    );
  }
  if (url.protocol !== 'https:')
    throw new Error(`--api ${api}: the pane reaches the functions over https only`);
  if (url.search || url.hash)
    throw new Error(`--api ${api}: give an origin and optional path, without ? or #`);
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  // The client appends /api/<route> itself: a base ending in /api would call /api/api/…
  if (/\/api$/i.test(base)) throw new Error(`--api ${api}: leave out the trailing /api; the pane adds it`);
  return base;
}

/**
 * The production manifest: manifestFor's origin move, the pane's URLs carrying ?api= and &cloud=,
 * and WebApplicationInfo as the last child of VersionOverrides, as the schema requires
 * (https://learn.microsoft.com/javascript/api/manifest/webapplicationinfo). Its Resource is
 * api://<add-in host>/<client id>: the Application ID URI must use the add-in's own domain
 * (https://learn.microsoft.com/office/dev/add-ins/develop/register-sso-add-in-aad-v2). The sign-in
 * hosts are not app domains: Office needs none for a page opened with the Dialog API
 * (https://learn.microsoft.com/javascript/api/manifest/appdomain).
 */
export function productionManifest(xml: string, o: ProductionOptions): string {
  let addin: URL;
  try {
    addin = new URL(o.addin);
  } catch {
    throw new Error(
      `--addin ${o.addin}: not a URL; give the add-in's https origin, e.g. https://xieshang.example.cn`,
    );
  }
  if (o.entra && !ENTRA_GUID.test(o.entra.clientId))
    throw new Error(
      `--client-id ${o.entra.clientId}: the Entra application (client) id is a GUID, e.g. 12345678-abcd-1234-efab-123456789abc`,
    );
  if (o.entra && !Object.hasOwn(CLOUDS, o.entra.cloud))
    throw new Error(`--cloud ${String(o.entra.cloud)}: one of ${Object.keys(CLOUDS).join(', ')}`);
  if (!o.entra && o.tenant !== undefined) throw new Error('--tenant needs --client-id and --cloud');
  const api = apiBase(o.api);
  const moved = manifestFor(xml, o.addin, o.version);
  const base = `${addin.origin}${addin.pathname.replace(/\/$/, '')}`;
  const pane = `${base}/taskpane.html`;
  // An attribute value: the & between parameters is written &amp;.
  const clientId = o.entra?.clientId.toLowerCase();
  // client= and tenant= let the pane sign in through MSAL (nested app auth or the dialog) without Office SSO.
  const tenant = o.tenant === undefined ? '' : `&amp;tenant=${encodeURIComponent(tenantOf(o.tenant))}`;
  const entra = o.entra ? `&amp;cloud=${o.entra.cloud}&amp;client=${clientId}${tenant}` : '';
  const query = `?api=${encodeURIComponent(api)}${entra}`;
  const withQuery = moved.split(`"${pane}"`).join(`"${pane}${query}"`);
  if (withQuery === moved) throw new Error('manifest.xml has no taskpane.html URL to carry the API address');
  if (!o.entra) return withQuery;
  const info = [
    '    <WebApplicationInfo>',
    `      <Id>${clientId}</Id>`,
    `      <Resource>api://${addin.host}/${clientId}</Resource>`,
    '      <Scopes>',
    '        <Scope>openid</Scope>',
    '        <Scope>profile</Scope>',
    '      </Scopes>',
    '    </WebApplicationInfo>',
    '  </VersionOverrides>',
  ].join('\n');
  if (withQuery.split('</VersionOverrides>').length !== 2)
    throw new Error('manifest.xml must have exactly one VersionOverrides to carry WebApplicationInfo');
  return withQuery.replace(/[ \t]*<\/VersionOverrides>/, info);
}

const USAGE = [
  'usage: npm run manifest:prod -- --addin <https origin> --api <https origin of the functions>',
  '         [--client-id <Entra application id> --cloud global|china [--tenant <id or domain>]]',
  '         [--version 1.0.1.0] [--out dist/manifest.xml]',
  '  --cloud china: the Entra cloud operated by 21Vianet (sign-in at login.partner.microsoftonline.cn)',
  '  without --client-id/--cloud: clerks sign in with pairing codes only (no Microsoft 365 needed)',
].join('\n');

/** The command's named options, strictly: an unknown or misspelt option is refused. */
function parseOptions(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      addin: { type: 'string' },
      api: { type: 'string' },
      'client-id': { type: 'string' },
      cloud: { type: 'string' },
      tenant: { type: 'string' },
      version: { type: 'string' },
      out: { type: 'string', default: 'dist/manifest.xml' },
    },
    strict: true,
    allowPositionals: true,
  });
}

/** The command: named options in, the manifest written to --out. */
export function main(argv: readonly string[]): string {
  const parse = (): ReturnType<typeof parseOptions> => {
    try {
      return parseOptions(argv);
    } catch (e) {
      throw new Error(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    }
  };
  const { values, positionals } = parse();
  const missing = (['addin', 'api'] as const).filter((k) => !values[k]);
  if (!values['client-id'] !== !values.cloud)
    throw new Error(
      `--client-id and --cloud go together (both for Entra sign-in, neither for pairing codes only)\n${USAGE}`,
    );
  if (positionals.length)
    throw new Error(`unexpected ${positionals.join(' ')}: every value is a named option\n${USAGE}`);
  if (missing.length) throw new Error(`missing ${missing.map((k) => `--${k}`).join(', ')}\n${USAGE}`);
  const out = values.out ?? 'dist/manifest.xml';
  const xml = productionManifest(readFileSync('manifest.xml', 'utf8'), {
    addin: values.addin as string,
    api: values.api as string,
    ...(values['client-id']
      ? { entra: { clientId: values['client-id'], cloud: values.cloud as Cloud } }
      : {}),
    ...(values.tenant ? { tenant: values.tenant } : {}),
    ...(values.version ? { version: values.version } : {}),
  });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, xml);
  return `wrote ${out} for ${values.addin} (functions ${values.api}, ${values.cloud ? `Entra sign-in, ${values.cloud} cloud` : 'pairing-code sign-in only'})`;
}

// Run as a command only: the manifest test imports the functions.
if (process.argv[1]?.endsWith('manifest-for.ts')) {
  try {
    console.log(main(process.argv.slice(2)));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  }
}
