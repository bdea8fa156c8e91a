// Pairing: how a union office without Microsoft 365 work accounts signs in. An administrator makes a
// one-time code bound to a unit and a role; a clerk types it once and the pane receives a revocable
// credential. The contract (roles, the code's alphabet and lifetime, the bodies) lives here so the
// pane and the functions cannot disagree about it.
import { z } from 'zod';
import { say, type Bilingual } from '../text';
import { unitIdSchema, wireText } from './schema';

/** The roles a caller can hold, in the order screens list them. */
export const WIRE_ROLES = ['clerk', 'chair', 'management', 'admin'] as const;

/** A caller's role: a union clerk, the union chair, management (aggregates only), an administrator. */
export type WireRole = (typeof WIRE_ROLES)[number];

/** What each role is called on screens. */
export const ROLE_LABELS: Readonly<Record<WireRole, Bilingual>> = {
  clerk: say('工会干事', 'union clerk'),
  chair: say('工会主席', 'union chair'),
  management: say('行政管理层（只看汇总）', 'management (figures only)'),
  admin: say('管理员', 'administrator'),
};

/**
 * The code's characters: Crockford's base 32 (no I, L, O or U), so a code read aloud or copied by
 * hand survives; typed I and L read as 1, O as 0.
 */
export const PAIRING_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Characters in a code: 12 × 5 = 60 bits, beyond guessing within a code's lifetime. */
export const PAIRING_CODE_LENGTH = 12;

/** A code's lifetime in minutes: the default, and the range an administrator may choose from. */
export const PAIRING_MINUTES = { default: 30, min: 5, max: 1440 } as const;

/** How a pairing credential starts, so the functions tell it from a JWT without trying both. */
export const CREDENTIAL_PREFIX = 'xsp1.';

/** A typed code in its canonical form (upper case, no spaces or dashes, I/L→1, O→0); null if it cannot be one. */
export function normalizePairingCode(typed: string): string | null {
  const canonical = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (canonical.length !== PAIRING_CODE_LENGTH) return null;
  return [...canonical].every((c) => PAIRING_CODE_ALPHABET.includes(c)) ? canonical : null;
}

/** A canonical code as people read it: ABCD-EFGH-JKMN. */
export const formatPairingCode = (code: string): string => code.match(/.{1,4}/g)?.join('-') ?? code;

const roleSchema = z.enum(WIRE_ROLES);

/** POST units/{unitId}/pairing/codes: the role the code grants and how long it lives. */
export const pairingCodeRequestSchema = z.strictObject({
  role: roleSchema,
  minutes: z.number().int().min(PAIRING_MINUTES.min).max(PAIRING_MINUTES.max).optional(),
});

/** A new code, shown once: only its hash is kept. */
export const pairingCodeResponseSchema = z.object({
  code: z.string(),
  role: roleSchema,
  unitId: z.string(),
  expiresAt: z.string(),
});

/** POST units/{unitId}/pairing/redeem: the code typed, and a name for the computer it is typed on. */
export const pairingRedeemRequestSchema = z.strictObject({
  code: z.string().max(64),
  device: wireText(60).optional(),
});

/** The credential, shown once: the pane keeps it, the functions keep only its hash. */
export const pairingRedeemResponseSchema = z.object({
  credential: z.string().startsWith(CREDENTIAL_PREFIX),
  credentialId: z.string(),
  role: roleSchema,
  unitId: unitIdSchema,
});

/** A paired computer as the administrator sees it: never the secret nor its hash. */
export const pairedDeviceSchema = z.object({
  credentialId: z.string(),
  role: roleSchema,
  device: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  lastUsedAt: z.string().optional(),
  revokedAt: z.string().optional(),
});

/** A code made and not yet used nor expired. */
export const pendingCodeSchema = z.object({
  role: roleSchema,
  createdAt: z.string(),
  createdBy: z.string(),
  expiresAt: z.string(),
});

/** GET units/{unitId}/pairing/credentials. */
export const pairingListResponseSchema = z.object({
  credentials: z.array(pairedDeviceSchema),
  codes: z.array(pendingCodeSchema),
});

/** DELETE units/{unitId}/pairing/credentials/{credentialId}. */
export const pairingRevokeResponseSchema = z.object({ credentialId: z.string(), revokedAt: z.string() });

/** GET units/{unitId}/me: who the functions take the caller for. */
export const callerViewSchema = z.object({
  via: z.enum(['entra', 'dev', 'pairing']),
  id: z.string(),
  roles: z.array(roleSchema),
  units: z.union([z.array(z.string()), z.literal('*')]),
});

/** The bodies of pairing, as types inferred from their schemas. */
export type PairingCodeRequest = z.infer<typeof pairingCodeRequestSchema>;
/** A new pairing code. */
export type PairingCode = z.infer<typeof pairingCodeResponseSchema>;
/** A redeemed code's credential. */
export type PairingCredential = z.infer<typeof pairingRedeemResponseSchema>;
/** A paired computer. */
export type PairedDevice = z.infer<typeof pairedDeviceSchema>;
/** A code outstanding. */
export type PendingCode = z.infer<typeof pendingCodeSchema>;
/** Paired computers and codes outstanding. */
export type PairingList = z.infer<typeof pairingListResponseSchema>;
/** Who the caller is. */
export type CallerView = z.infer<typeof callerViewSchema>;
