import type { TokenProvider } from './api';

/** The expiry (seconds since 1970) a JWT states, read without verifying (the API verifies). */
export function tokenExpiry(token: string): number | undefined {
  try {
    const part = token.split('.')[1] ?? '';
    const json = atob(
      part
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(part.length / 4) * 4, '='),
    );
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Wraps a token source (Office SSO, MSAL, the local dev token) so a token is reused until a
 * minute before it expires, and fetched anew when the API refuses it.
 */
export function cachedToken(source: TokenProvider, now: () => number = Date.now): TokenProvider {
  let current: string | undefined;
  return async (options) => {
    const exp = current ? tokenExpiry(current) : undefined;
    if (!current || options?.forceRefresh || (exp !== undefined && exp * 1000 - 60_000 < now())) {
      current = await source(options);
    }
    return current;
  };
}

/**
 * The development token from the local functions host (GET /dev/token, served only in its
 * development mode on 127.0.0.1): what `npm run dev-token` prints, without copying it by hand.
 */
export function localDevToken(
  baseUrl: string,
  unitId: string,
  role: string,
  doFetch: typeof fetch = fetch,
): TokenProvider {
  return async () => {
    const res = await doFetch(
      `${baseUrl.replace(/\/$/, '')}/dev/token?unit=${encodeURIComponent(unitId)}&role=${encodeURIComponent(role)}`,
    );
    if (!res.ok) throw new Error(`the local host gave no development token (${res.status})`);
    return ((await res.json()) as { token: string }).token;
  };
}
