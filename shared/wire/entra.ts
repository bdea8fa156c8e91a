// Microsoft Entra as the product deploys it: the two clouds and how ids look. The manifest writer,
// the pane's sign-in and the functions' token check all read these, so the sign-in host a pane
// uses and the one the functions trust cannot drift apart.

/**
 * The Entra sign-in host of each cloud: global, and the one 21Vianet operates in China
 * ("Microsoft Entra authentication endpoints",
 * https://learn.microsoft.com/entra/identity-platform/authentication-national-cloud).
 */
export const ENTRA_LOGIN_HOSTS = {
  global: 'login.microsoftonline.com',
  china: 'login.partner.microsoftonline.cn',
} as const;

/** A cloud the product deploys to. */
export type EntraCloud = keyof typeof ENTRA_LOGIN_HOSTS;

/** Whether a value names one of the clouds. */
export const isEntraCloud = (v: unknown): v is EntraCloud =>
  typeof v === 'string' && Object.hasOwn(ENTRA_LOGIN_HOSTS, v);

/** An application (client) id or tenant id: a GUID. */
export const ENTRA_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A tenant as a sign-in authority accepts it: its GUID or a verified domain, nothing that moves the URL. */
export const ENTRA_TENANT = /^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,253}[A-Za-z0-9])?$/;
