// npm run dev-token -- --unit <unitId> --role <clerk|chair|management|admin> [--unit …] [--sub name] [--ttl 8h]
// Prints a development token the local functions host accepts (signed with the owner-only key in a
// private directory under the OS temp directory, or XIESHANG_DEV_SECRET). Never accepted where Entra
// ID is configured, and refused on Azure (WEBSITE_INSTANCE_ID): there this prints why and exits 1.
import { ROLES, type Role } from '../functions/src/auth/caller';
import { devSecret, signDevToken } from '../functions/src/auth/devKey';

function args(argv: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (!a.startsWith('--')) continue;
    const list = out.get(a.slice(2)) ?? [];
    list.push(argv[i + 1] ?? '');
    out.set(a.slice(2), list);
    i++;
  }
  return out;
}

async function main(): Promise<void> {
  const a = args(process.argv.slice(2));
  const units = (a.get('unit') ?? []).flatMap((u) => u.split(',')).filter(Boolean);
  const roles = (a.get('role') ?? []).flatMap((r) => r.split(',')).filter(Boolean);
  const bad = roles.filter((r) => !ROLES.includes(r as Role));
  if (units.length === 0 || roles.length === 0 || bad.length > 0) {
    console.error(`usage: dev-token --unit <unitId> --role <${ROLES.join('|')}> [--sub name] [--ttl 8h]`);
    process.exit(2);
  }
  const token = await signDevToken(
    {
      sub: a.get('sub')?.[0] ?? 'dev-user',
      roles: roles as Role[],
      units,
      expiresIn: a.get('ttl')?.[0] ?? '8h',
    },
    devSecret(process.env),
  );
  console.log(token);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
