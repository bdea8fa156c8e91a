import { odata } from '@azure/data-tables';
import {
  WIRE_ROLES,
  type PairedDevice,
  type PairingList,
  type PendingCode,
  type WireRole,
} from '../../../shared';
import { auditRow, type AuditInput } from './audit';
import { readText, storedText } from './keys';
import { checkEntity, under } from './limits';
import { collect, statusOf, type Action, type Tables } from './tables';

// One partition per unit in the pairing table: its codes, its credentials and the audit entries of
// both, so a redemption (code used + credential made + audit) commits in one transaction.
const CODE = 'code-';
const CRED = 'cred-';

/** A code as stored: its SHA-256, never the code. */
export interface CodeInput {
  readonly codeHash: string;
  readonly role: WireRole;
  readonly expiresAt: Date;
  readonly createdBy: string;
}

/** A credential as stored: its SHA-256, never the secret. */
export interface StoredCredential {
  readonly unitId: string;
  readonly credentialId: string;
  readonly role: WireRole;
  readonly secretHash: string;
  readonly revokedAt?: string;
  readonly lastUsedAt?: string;
}

/** Why a code did not redeem. */
export type RedeemRefusal = 'unknown' | 'expired' | 'used';

/** What redeeming gives: the credential's role, or why not. */
export type RedeemOutcome =
  { readonly ok: true; readonly role: WireRole } | { readonly ok: false; readonly reason: RedeemRefusal };

interface CodeEntity {
  role?: string;
  createdAt?: string;
  createdBy?: string;
  expiresAt?: string;
  redeemedAt?: string;
  credentialId?: string;
}

interface CredentialEntity {
  role?: string;
  secretHash?: string;
  device?: string;
  createdAt?: string;
  createdBy?: string;
  revokedAt?: string;
  lastUsedAt?: string;
}

const ROLES = new Set<string>(WIRE_ROLES);
// A row whose role was damaged grants nothing: read as the least role, which has no pairing rights either.
const roleOf = (r: string | undefined): WireRole => (r && ROLES.has(r) ? (r as WireRole) : 'management');

const withAudit = (
  t: Tables,
  unitId: string,
  audit: AuditInput,
  at: Date,
  actions: Action[],
): Promise<unknown> => {
  const entry = auditRow(unitId, audit, at);
  return t.pairing.submitTransaction([...actions, ['create', entry]]);
};

/** Stores a new code (and its audit entry, in the same transaction). */
export async function createCode(
  t: Tables,
  unitId: string,
  code: CodeInput,
  audit: AuditInput,
  at: Date,
): Promise<void> {
  const e = {
    partitionKey: unitId,
    rowKey: `${CODE}${code.codeHash}`,
    role: code.role,
    createdAt: at.toISOString(),
    createdBy: storedText(code.createdBy),
    expiresAt: code.expiresAt.toISOString(),
  };
  checkEntity(e, under('code'));
  await withAudit(t, unitId, audit, at, [['create', e]]);
}

/**
 * Uses a code once: marks it used and stores the credential in one transaction, the code's ETag
 * making two redemptions racing for one code end in one credential and one refusal.
 */
export async function redeemCode(
  t: Tables,
  unitId: string,
  codeHash: string,
  credential: { readonly credentialId: string; readonly secretHash: string; readonly device: string },
  at: Date,
): Promise<RedeemOutcome> {
  let code;
  try {
    code = await t.pairing.getEntity<CodeEntity>(unitId, `${CODE}${codeHash}`);
  } catch (e) {
    if (statusOf(e) === 404) return { ok: false, reason: 'unknown' };
    throw e;
  }
  if (code.redeemedAt) return { ok: false, reason: 'used' };
  if (!code.expiresAt || Date.parse(code.expiresAt) <= at.getTime()) return { ok: false, reason: 'expired' };
  const role = roleOf(code.role);
  const used = {
    partitionKey: unitId,
    rowKey: `${CODE}${codeHash}`,
    redeemedAt: at.toISOString(),
    credentialId: credential.credentialId,
  };
  const made = {
    partitionKey: unitId,
    rowKey: `${CRED}${credential.credentialId}`,
    role,
    secretHash: credential.secretHash,
    device: storedText(credential.device),
    createdAt: at.toISOString(),
    createdBy: code.createdBy ?? '',
  };
  checkEntity(made, under('credential'));
  try {
    await withAudit(
      t,
      unitId,
      {
        actor: { id: `pairing:${credential.credentialId}`, roles: [role] },
        action: 'pairing.redeem',
        detail: { credentialId: credential.credentialId, role, device: credential.device },
      },
      at,
      [
        ['update', used, 'Merge', { etag: code.etag }],
        ['create', made],
      ],
    );
  } catch (e) {
    // 412: another redemption changed the code first; 409: the credential id exists (never, 128 bits).
    if (statusOf(e) === 412 || statusOf(e) === 409) return { ok: false, reason: 'used' };
    throw e;
  }
  return { ok: true, role };
}

/** A unit's credential by id, or null. */
export async function findCredential(
  t: Tables,
  unitId: string,
  credentialId: string,
): Promise<StoredCredential | null> {
  try {
    const e = await t.pairing.getEntity<CredentialEntity>(unitId, `${CRED}${credentialId}`);
    return {
      unitId,
      credentialId,
      role: roleOf(e.role),
      secretHash: e.secretHash ?? '',
      ...(e.revokedAt ? { revokedAt: e.revokedAt } : {}),
      ...(e.lastUsedAt ? { lastUsedAt: e.lastUsedAt } : {}),
    };
  } catch (e) {
    if (statusOf(e) === 404) return null;
    throw e;
  }
}

/** Notes that a credential was used (for the administrator's list); never resurrects a revoked one. */
export async function touchCredential(
  t: Tables,
  unitId: string,
  credentialId: string,
  at: Date,
): Promise<void> {
  try {
    const row = await t.pairing.getEntity<CredentialEntity>(unitId, `${CRED}${credentialId}`);
    if (row.revokedAt) return;
    await t.pairing.updateEntity(
      { partitionKey: unitId, rowKey: `${CRED}${credentialId}`, lastUsedAt: at.toISOString() },
      'Merge',
      { etag: row.etag },
    );
  } catch (e) {
    // Lost to a revocation or another touch: the list's "last used" can wait for the next call.
    if (statusOf(e) !== 412 && statusOf(e) !== 404) throw e;
  }
}

/** A unit's paired computers (revoked ones too, newest first) and its codes outstanding at `at`. */
export async function listPairing(t: Tables, unitId: string, at: Date): Promise<PairingList> {
  const rows = await collect(
    t.pairing.listEntities<CodeEntity & CredentialEntity & { rowKey?: string }>({
      queryOptions: {
        filter: odata`PartitionKey eq ${unitId} and RowKey ge ${CODE} and RowKey lt ${'cred.'}`,
      },
    }),
  );
  const credentials: PairedDevice[] = [];
  const codes: PendingCode[] = [];
  for (const r of rows) {
    const key = String(r.rowKey);
    if (key.startsWith(CRED)) {
      credentials.push({
        credentialId: key.slice(CRED.length),
        role: roleOf(r.role),
        device: readText(r.device),
        createdAt: r.createdAt ?? '',
        createdBy: readText(r.createdBy),
        ...(r.lastUsedAt ? { lastUsedAt: r.lastUsedAt } : {}),
        ...(r.revokedAt ? { revokedAt: r.revokedAt } : {}),
      });
    } else if (
      key.startsWith(CODE) &&
      !r.redeemedAt &&
      r.expiresAt &&
      Date.parse(r.expiresAt) > at.getTime()
    ) {
      codes.push({
        role: roleOf(r.role),
        createdAt: r.createdAt ?? '',
        createdBy: readText(r.createdBy),
        expiresAt: r.expiresAt,
      });
    }
  }
  credentials.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  codes.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { credentials, codes };
}

/** Revokes a credential (kept, marked, for the record); null when the unit has no such credential. */
export async function revokeCredential(
  t: Tables,
  unitId: string,
  credentialId: string,
  audit: AuditInput,
  at: Date,
): Promise<{ readonly credentialId: string; readonly revokedAt: string } | null> {
  const found = await findCredential(t, unitId, credentialId);
  if (!found) return null;
  if (found.revokedAt) return { credentialId, revokedAt: found.revokedAt };
  const revokedAt = at.toISOString();
  await withAudit(t, unitId, audit, at, [
    ['upsert', { partitionKey: unitId, rowKey: `${CRED}${credentialId}`, revokedAt }, 'Merge'],
  ]);
  return { credentialId, revokedAt };
}
