import {
  ENTRA_GUID,
  ENTRA_LOGIN_HOSTS,
  ENTRA_TENANT,
  say,
  type Bilingual,
  type EntraCloud,
} from '../../shared';
import type { TokenProvider } from '../sync';

// Microsoft Entra sign-in for the pane, in the order Office recommends: nested app authentication
// (MSAL through the host) where the host has it, Office SSO (getAccessToken) otherwise, and the Office
// dialog API with MSAL inside it as the last resort. Office and MSAL are passed in, typed by their
// documented interfaces, so every path can be exercised without a host (test/addin/cloud/entra.test.ts).
// addin/cloud/entraOffice.ts wires the real Office and MSAL.

/** The Entra clouds and their sign-in hosts (one list in shared/, with the manifest and the functions). */
export const LOGIN_HOSTS = ENTRA_LOGIN_HOSTS;

/** A cloud the pane can sign in with. */
export type { EntraCloud };

/** The pane's Entra app and where it signs in, from the pane's URL (scripts/manifest-for.ts writes it). */
export interface EntraSettings {
  /** The app registration's application (client) id, lower case. */
  readonly clientId: string;
  readonly cloud: EntraCloud;
  /** The tenant id or verified domain; absent: any work or school account (organizations). */
  readonly tenant?: string;
  /** https://<sign-in host>/<tenant or organizations>. */
  readonly authority: string;
  /** The API's delegated scope, api://<add-in host>/<client id>/access_as_user (WebApplicationInfo's Resource). */
  readonly scope: string;
  /** The add-in's origin: where the dialog page lives and the only origin its messages may come from. */
  readonly origin: string;
  /** The dialog page (auth-dialog.html next to the pane), without a query: MSAL's redirect URI there. */
  readonly dialogPage: string;
}

/**
 * The Entra settings the pane's URL carries (?client=&cloud=&tenant=), or undefined when it names no
 * app (a development pane, or a unit that signs in with a pairing code). A malformed value is refused:
 * a wrong client id or cloud would send every clerk to a sign-in page that cannot work.
 */
export function entraSettingsFrom(paneUrl: string): EntraSettings | undefined {
  const url = new URL(paneUrl);
  const params = url.searchParams;
  const client = params.get('client');
  if (client === null || client === '') return undefined;
  if (!ENTRA_GUID.test(client))
    throw new Error(
      `加载项地址中的应用 ID（client=${client}）不是 GUID，请联系管理员重新生成清单 / The pane's client=${client} is not an Entra application id (a GUID); the manifest must be regenerated`,
    );
  const cloud = params.get('cloud') ?? 'global';
  if (!Object.hasOwn(LOGIN_HOSTS, cloud))
    throw new Error(
      `加载项地址中的云（cloud=${cloud}）无效，应为 global 或 china，请联系管理员重新生成清单 / The pane's cloud=${cloud} is neither global nor china; the manifest must be regenerated`,
    );
  const tenant = params.get('tenant') ?? undefined;
  if (tenant !== undefined && !ENTRA_TENANT.test(tenant))
    throw new Error(
      `加载项地址中的租户（tenant=${tenant}）无效，请联系管理员重新生成清单 / The pane's tenant=${tenant} is not a tenant id or domain; the manifest must be regenerated`,
    );
  const clientId = client.toLowerCase();
  const host = LOGIN_HOSTS[cloud as EntraCloud];
  return {
    clientId,
    cloud: cloud as EntraCloud,
    ...(tenant === undefined ? {} : { tenant }),
    authority: `https://${host}/${tenant ?? 'organizations'}`,
    // url.host keeps a port: WebApplicationInfo's Resource must match the add-in's domain including it
    // (https://learn.microsoft.com/office/dev/add-ins/develop/troubleshoot-sso-in-office-add-ins#13004).
    scope: `api://${url.host}/${clientId}/access_as_user`,
    origin: url.origin,
    dialogPage: new URL('auth-dialog.html', url).href.replace(/[?#].*$/, ''),
  };
}

/** The dialog page's URL, carrying the settings it needs to run MSAL (and whether to skip its cache). */
export function dialogUrl(settings: EntraSettings, forceRefresh = false): string {
  const q = new URLSearchParams({ client: settings.clientId, cloud: settings.cloud });
  if (settings.tenant !== undefined) q.set('tenant', settings.tenant);
  if (forceRefresh) q.set('refresh', '1');
  return `${settings.dialogPage}?${q.toString()}`;
}

/** Why signing in failed, for the pane to choose what to offer (a retry button, an admin's name). */
export type SignInReason =
  | 'cancelled'
  | 'signInRequired'
  | 'busy'
  | 'blocked'
  | 'restartOffice'
  | 'configuration'
  | 'network'
  | 'failed';

/** A sign-in that did not give a token; the message (Chinese, then English) says what the clerk should do. */
export class SignInError extends Error {
  constructor(
    readonly reason: SignInReason,
    /** What the clerk is told, in both languages (the pane shows the one in use). */
    readonly text: Bilingual,
    /** The Office (13xxx, 12xxx) or MSAL error code behind it. */
    readonly code?: number | string,
  ) {
    // One line for logs and plain displays: the Chinese (ending 。), then the English.
    super(`${text.zh}/ ${text.en}`);
    this.name = 'SignInError';
  }
}

// ---- The documented surfaces of Office and MSAL the sign-in uses --------------------------------

/** Office.AuthOptions, the options getAccessToken takes (https://learn.microsoft.com/javascript/api/office/office.authoptions). */
export interface SsoOptions {
  readonly allowSignInPrompt: boolean;
  readonly allowConsentPrompt: boolean;
  readonly forMSGraphAccess: boolean;
}

/** Office.AsyncResult as displayDialogAsync's callback receives it (https://learn.microsoft.com/javascript/api/office/office.asyncresult). */
export interface OfficeAsyncResult<T> {
  readonly status: unknown;
  readonly value: T;
  readonly error: { readonly code: number; readonly message: string };
}

/** What Dialog.addEventHandler passes: a message (DialogMessageReceived) or an event (DialogEventReceived). */
export type DialogArg = { message: string; origin: string | undefined } | { error: number };

/** Office.Dialog (https://learn.microsoft.com/javascript/api/office/office.dialog). */
export interface OfficeDialog {
  addEventHandler(eventType: unknown, handler: (arg: DialogArg) => void): void;
  close(): void;
}

/** The part of the Office namespace the sign-in uses; `Office` itself satisfies it (entraOffice.ts). */
export interface OfficeSurface {
  readonly context: {
    readonly requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    readonly ui: {
      displayDialogAsync(
        url: string,
        options: { height?: number; width?: number },
        callback: (result: OfficeAsyncResult<OfficeDialog>) => void,
      ): void;
    };
  };
  readonly auth: {
    getAccessToken(options?: SsoOptions): Promise<string>;
    /** NestedAppAuth 1.1: the signed-in account, whose loginHint the NAA page says to pass to MSAL. */
    getAuthContext?(): Promise<{ readonly loginHint?: string; readonly userPrincipalName?: string }>;
  };
  readonly EventType: { readonly DialogMessageReceived: unknown; readonly DialogEventReceived: unknown };
  readonly AsyncResultStatus: { readonly Succeeded: unknown };
}

/** The token requests MSAL's acquireTokenSilent and acquireTokenPopup take (scopes, and a forced refresh). */
export interface MsalTokenRequest {
  readonly scopes: string[];
  readonly forceRefresh?: boolean;
  /** The account to sign in (acquireTokenPopup, acquireTokenRedirect). */
  readonly loginHint?: string;
}

/** The part of MSAL's IPublicClientApplication nested app authentication uses. */
export interface NestableClient {
  acquireTokenSilent(request: MsalTokenRequest): Promise<{ accessToken: string }>;
  acquireTokenPopup(request: MsalTokenRequest): Promise<{ accessToken: string }>;
}

/** MSAL's Configuration, as far as the pane sets it. */
export interface MsalConfig {
  readonly auth: { clientId: string; authority: string; redirectUri?: string };
}

/** What entraToken needs from outside: Office, and MSAL's createNestablePublicClientApplication. */
export interface EntraDeps {
  readonly office: OfficeSurface;
  readonly createNestable: (config: MsalConfig) => Promise<NestableClient>;
}

// ---- Messages -----------------------------------------------------------------------------------

// Pieces of the Chinese half of a message; the English half says the same after ' / '.
const RETRY = '请重试';
const ADMIN = '请联系管理员';

/** An MSAL error's code: MSAL's AuthError carries errorCode; others are read by name only. */
function msalCode(e: unknown): string {
  const code = (e as { errorCode?: unknown } | null)?.errorCode;
  return typeof code === 'string' ? code : '';
}

// MSAL turns the host's USER_INTERACTION_REQUIRED into InteractionRequiredAuthError
// (@azure/msal-browser src/naa/mapping/NestedAppAuthAdapter.ts fromBridgeError); matched by name so the
// pane bundle need not import MSAL's error classes.
function interactionRequired(e: unknown): boolean {
  return (e as { name?: unknown } | null)?.name === 'InteractionRequiredAuthError';
}

/** The clerk-facing error for an MSAL failure in nested app auth or the dialog. */
function msalFailure(e: unknown): SignInError {
  const code = msalCode(e);
  switch (code) {
    // user_canceled: the host's USER_CANCEL (NAA); user_cancelled: the browser's popup closed.
    case 'user_canceled':
    case 'user_cancelled':
      return new SignInError('cancelled', say(`登录已取消。${RETRY}。`, `Sign-in was cancelled.`), code);
    case 'popup_window_error':
    case 'empty_window_error':
    case 'block_nested_popups':
      return new SignInError(
        'blocked',
        say(
          `登录窗口被阻止。请允许此加载项打开弹出窗口后${RETRY}。`,
          `The sign-in window was blocked; allow pop-ups for the add-in.`,
        ),
        code,
      );
    case 'interaction_in_progress':
      return new SignInError(
        'busy',
        say(
          `已有一个登录窗口在进行中，请先完成或关闭它。`,
          `A sign-in is already in progress; finish or close it first.`,
        ),
        code,
      );
    case 'no_network_connectivity':
      return new SignInError(
        'network',
        say(
          `无法连接登录服务，请检查网络后重试。`,
          `The sign-in service cannot be reached; check the network and try again.`,
        ),
        code,
      );
    default:
      return new SignInError(
        'failed',
        say(
          `Microsoft 登录失败（${code || String((e as Error | null)?.message ?? e)}）。${RETRY}；如仍失败，${ADMIN}。`,
          `Microsoft sign-in failed.`,
        ),
        code || undefined,
      );
  }
}

// ---- Nested app authentication ------------------------------------------------------------------

/**
 * A token through nested app authentication: silently from the host, or in the host's popup when Entra
 * wants the user (https://learn.microsoft.com/office/dev/add-ins/develop/enable-nested-app-authentication-in-your-add-in).
 * Undefined when the host's broker turns out to be disabled, so the chain moves on to Office SSO.
 */
async function naaToken(
  client: NestableClient,
  office: OfficeSurface,
  scope: string,
  forceRefresh: boolean,
): Promise<string | undefined> {
  try {
    return (await client.acquireTokenSilent({ scopes: [scope], ...(forceRefresh ? { forceRefresh } : {}) }))
      .accessToken;
  } catch (e) {
    if (msalCode(e) === 'nested_app_auth_bridge_disabled') return undefined;
    // no_account_found: the host named no account it can use silently (the host's ACCOUNT_UNAVAILABLE).
    if (!interactionRequired(e) && msalCode(e) !== 'no_account_found') throw msalFailure(e);
  }
  // The signed-in account as the popup's hint: the NAA page says Office on the web needs it.
  const context = await office.auth.getAuthContext?.().catch(() => undefined);
  const loginHint = context?.loginHint || context?.userPrincipalName;
  try {
    return (await client.acquireTokenPopup({ scopes: [scope], ...(loginHint ? { loginHint } : {}) }))
      .accessToken;
  } catch (e) {
    throw msalFailure(e);
  }
}

// ---- Office SSO ---------------------------------------------------------------------------------

/**
 * What each getAccessToken error code means for the clerk, from "Troubleshoot error messages for
 * single sign-on (SSO)" (https://learn.microsoft.com/office/dev/add-ins/develop/troubleshoot-sso-in-office-add-ins):
 * 'fallback' where the page says to fall back to an alternate system of authentication (here the
 * dialog), otherwise what the clerk must do.
 */
export function ssoOutcome(code: number): 'fallback' | SignInError {
  switch (code) {
    case 13001: // not signed in to Office (despite allowSignInPrompt)
      return new SignInError(
        'signInRequired',
        say(
          `请先用单位的工作账户登录 Office（Excel 右上角“登录”），然后${RETRY}。`,
          `Sign in to Office with your work account (Sign in, top right of Excel), then try again.`,
        ),
        code,
      );
    case 13002: // the user aborted sign-in or consent
      return new SignInError(
        'cancelled',
        say(
          `登录或授权已取消。需要登录才能同步；${RETRY}，并在提示时同意。`,
          `Sign-in or consent was cancelled; sign in and accept to sync.`,
        ),
        code,
      );
    case 13004: // the manifest's WebApplicationInfo Resource does not match the add-in's domain
      return new SignInError(
        'configuration',
        say(
          `加载项清单的单点登录设置有误（13004）。${ADMIN}，按部署说明重新生成清单。`,
          `The manifest's SSO settings are wrong (13004); the manifest must be regenerated.`,
        ),
        code,
      );
    case 13006: // Office on the web: client error
      return new SignInError(
        'restartOffice',
        say(
          `Office 登录状态异常（13006）。请注销 Office 并关闭浏览器中的 Office 后重新打开，然后${RETRY}。`,
          `Sign out of Office, restart the Office browser session, then try again.`,
        ),
        code,
      );
    case 13008: // a previous getAccessToken call has not finished
      return new SignInError(
        'busy',
        say(
          `上一次登录尚未完成，请稍候片刻再试。`,
          `A previous sign-in has not finished; wait a moment and try again.`,
        ),
        code,
      );
    case 13010: // Office on the web in Edge: Microsoft 365 and the sign-in host in different security zones
      return new SignInError(
        'configuration',
        say(
          `浏览器安全区域设置阻止了登录（13010）：请将 Office 网站与登录网站放在同一安全区域，或${ADMIN}。`,
          `The browser's security zones block sign-in (13010); put Office and the sign-in site in the same zone.`,
        ),
        code,
      );
    // 13000 (no SSO in this Office or manifest), 13003 (account type), 13005 (no pre-authorisation or
    // consent), 13007 (account mismatch), 13012 (platform without getAccessToken), 13013 (throttled: the
    // page says to fall back rather than retry), 50001 (an Office too old): the page says to fall back.
    // An undocumented code falls back too: the dialog is the last resort, and it tells its own failures.
    default:
      return 'fallback';
  }
}

async function ssoToken(office: OfficeSurface): Promise<string | undefined> {
  try {
    return await office.auth.getAccessToken({
      allowSignInPrompt: true,
      allowConsentPrompt: true,
      forMSGraphAccess: false,
    });
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    const outcome = ssoOutcome(typeof code === 'number' ? code : Number(code));
    if (outcome === 'fallback') return undefined;
    throw outcome;
  }
}

// ---- The Office dialog with MSAL ----------------------------------------------------------------

/**
 * The clerk-facing error for a displayDialogAsync failure or a DialogEventReceived code, from "Handle
 * errors and events in the Office dialog box"
 * (https://learn.microsoft.com/office/dev/add-ins/develop/dialog-handle-errors-events).
 */
export function dialogFailure(code: number): SignInError {
  switch (code) {
    case 12006: // the dialog was closed (the user's X)
      return new SignInError(
        'cancelled',
        say(
          `登录窗口已关闭，未完成登录。需要登录才能同步；${RETRY}。`,
          `The sign-in window was closed before signing in; try again to sync.`,
        ),
        code,
      );
    case 12007: // a dialog is already open from this pane
      return new SignInError(
        'busy',
        say(
          `已有一个登录窗口打开，请先完成或关闭它。`,
          `A sign-in window is already open; finish or close it first.`,
        ),
        code,
      );
    case 12009: // Office on the web: the user chose not to allow the dialog
      return new SignInError(
        'blocked',
        say(
          `您选择了不显示登录窗口。${RETRY}，并在提示时选择“允许”。`,
          `The sign-in window was not allowed; try again and choose Allow.`,
        ),
        code,
      );
    case 12011: // Office on the web: the browser blocks pop-ups
      return new SignInError(
        'blocked',
        say(
          `浏览器阻止了登录窗口。请允许此网站弹出窗口（或换用 Edge / Chrome）后${RETRY}。`,
          `The browser blocked the sign-in window; allow pop-ups for this site or use another browser.`,
        ),
        code,
      );
    case 12002: // no page at the URL, or it was redirected to a page it cannot load
      return new SignInError(
        'network',
        say(
          `登录页面无法打开（12002）。请检查网络后${RETRY}；如仍失败，${ADMIN}。`,
          `The sign-in page could not be loaded (12002).`,
        ),
        code,
      );
    // 12004: the dialog's domain is not the pane's; 12003, 12005: http instead of https.
    case 12003:
    case 12004:
    case 12005:
      return new SignInError(
        'configuration',
        say(
          `登录页面的地址配置有误（${code}）。${ADMIN}，检查加载项的部署地址（须为 https）。`,
          `The sign-in page's address is misconfigured (${code}).`,
        ),
        code,
      );
    default:
      return new SignInError(
        'failed',
        say(
          `登录窗口出错（${code}）。${RETRY}；如仍失败，${ADMIN}。`,
          `The sign-in window failed (${code}).`,
        ),
        code,
      );
  }
}

/** What the dialog page sends back (addin/auth/dialog.ts): one JSON message. */
export type DialogMessage =
  | { readonly type: 'token'; readonly accessToken: string }
  | { readonly type: 'error'; readonly code?: string; readonly message?: string };

/** The dialog's message, or undefined when it is not one the dialog page sends. */
function parseDialogMessage(text: string): DialogMessage | undefined {
  try {
    const m = JSON.parse(text) as Partial<Record<string, unknown>>;
    if (m.type === 'token' && typeof m.accessToken === 'string' && m.accessToken) return m as DialogMessage;
    if (m.type === 'error')
      return {
        type: 'error',
        ...(typeof m.code === 'string' ? { code: m.code } : {}),
        ...(typeof m.message === 'string' ? { message: m.message } : {}),
      };
  } catch {
    // not JSON: refused below
  }
  return undefined;
}

/** Percentages of the screen (DialogOptions); large enough for Entra's sign-in page. */
const DIALOG_SIZE = { height: 60, width: 30 } as const;

/**
 * A token from MSAL running in an Office dialog on the add-in's own auth-dialog.html
 * (https://learn.microsoft.com/office/dev/add-ins/develop/auth-with-office-dialog-api). The one message
 * it sends is accepted only from the add-in's origin when Office names the origin (DialogOrigin 1.1;
 * https://learn.microsoft.com/office/dev/add-ins/develop/dialog-api-in-office-add-ins).
 */
function dialogToken(office: OfficeSurface, settings: EntraSettings, forceRefresh: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    office.context.ui.displayDialogAsync(dialogUrl(settings, forceRefresh), DIALOG_SIZE, (result) => {
      if (result.status !== office.AsyncResultStatus.Succeeded) {
        reject(dialogFailure(result.error.code));
        return;
      }
      const dialog = result.value;
      let settled = false;
      const finish = (outcome: () => void, close = true) => {
        if (settled) return;
        settled = true;
        if (close) dialog.close();
        outcome();
      };
      dialog.addEventHandler(office.EventType.DialogMessageReceived, (arg) => {
        if (!('message' in arg)) return;
        if (arg.origin !== undefined && arg.origin !== settings.origin) {
          finish(() =>
            reject(
              new SignInError(
                'failed',
                say(
                  `登录窗口收到来自其他网站（${arg.origin}）的消息，已拒绝。${RETRY}；如仍出现，${ADMIN}。`,
                  `The sign-in window sent a message from another site (${arg.origin}); it was refused.`,
                ),
                'foreign_origin',
              ),
            ),
          );
          return;
        }
        const message = parseDialogMessage(arg.message);
        if (message?.type === 'token') finish(() => resolve(message.accessToken));
        else if (message?.type === 'error')
          finish(() =>
            reject(
              message.code === 'user_cancelled' || message.code === 'access_denied'
                ? msalFailure({ errorCode: 'user_cancelled' })
                : new SignInError(
                    'failed',
                    say(
                      `Microsoft 登录失败（${message.code ?? ''}${message.message ? `：${message.message}` : ''}）。${RETRY}；如仍失败，${ADMIN}。`,
                      'Microsoft sign-in failed.',
                    ),
                    message.code,
                  ),
            ),
          );
        else
          finish(() =>
            reject(
              new SignInError(
                'failed',
                say(
                  `登录窗口返回了无法识别的结果。${RETRY}。`,
                  `The sign-in window answered something unexpected.`,
                ),
                'bad_message',
              ),
            ),
          );
      });
      dialog.addEventHandler(office.EventType.DialogEventReceived, (arg) => {
        // 12006: the dialog is gone already; after 12002/12003 it still shows a page that cannot load.
        if ('error' in arg) finish(() => reject(dialogFailure(arg.error)), arg.error !== 12006);
      });
    });
  });
}

// ---- The chain ----------------------------------------------------------------------------------

/**
 * The pane's Entra token: nested app authentication where the host supports NestedAppAuth 1.1
 * (https://learn.microsoft.com/javascript/api/requirement-sets/common/nested-app-auth-requirement-sets),
 * Office SSO otherwise, the Office dialog with MSAL where SSO is unavailable. Concurrent callers share
 * one sign-in, so a second request never opens a second dialog (12007) or overlaps getAccessToken (13008).
 * Failures are SignInErrors saying, in Chinese and English, what to do. Wrap it in cachedToken.
 */
export function entraToken(settings: EntraSettings, deps: EntraDeps): TokenProvider {
  const { office } = deps;
  let nestable: Promise<NestableClient> | undefined;
  let inFlight: Promise<string> | undefined;
  const acquire = async (forceRefresh: boolean): Promise<string> => {
    if (office.context.requirements.isSetSupported('NestedAppAuth', '1.1')) {
      nestable ??= deps.createNestable({
        auth: { clientId: settings.clientId, authority: settings.authority },
      });
      let client: NestableClient;
      try {
        client = await nestable;
      } catch (e) {
        nestable = undefined;
        throw msalFailure(e);
      }
      const token = await naaToken(client, office, settings.scope, forceRefresh);
      if (token !== undefined) return token;
    }
    // Office keeps and renews SSO tokens itself; getAccessToken has no option to bypass that cache.
    const sso = await ssoToken(office);
    if (sso !== undefined) return sso;
    return dialogToken(office, settings, forceRefresh);
  };
  return (options) => {
    inFlight ??= acquire(options?.forceRefresh === true).finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
}

// ---- The dialog page's side ---------------------------------------------------------------------

/** The part of MSAL's PublicClientApplication the dialog page uses (redirect flow). */
export interface RedirectClient<Account> {
  initialize(): Promise<void>;
  handleRedirectPromise(): Promise<{ accessToken: string } | null>;
  getAllAccounts(): Account[];
  acquireTokenSilent(request: MsalTokenRequest & { account: Account }): Promise<{ accessToken: string }>;
  acquireTokenRedirect(request: MsalTokenRequest): Promise<void>;
}

/**
 * What the dialog page does on every load: finish a sign-in Entra redirected back with, else try the
 * cached account silently, else go to Entra's sign-in page. Each outcome is sent to the pane as one
 * DialogMessage through `send` (Office.context.ui.messageParent).
 */
export async function dialogSignIn<Account>(o: {
  readonly client: RedirectClient<Account>;
  readonly scope: string;
  readonly forceRefresh: boolean;
  readonly send: (message: string) => void;
}): Promise<void> {
  const sendToken = (accessToken: string) => o.send(JSON.stringify({ type: 'token', accessToken }));
  try {
    await o.client.initialize();
    const redirected = await o.client.handleRedirectPromise();
    if (redirected) {
      sendToken(redirected.accessToken);
      return;
    }
    const account = o.client.getAllAccounts()[0];
    if (account !== undefined) {
      try {
        const silent = await o.client.acquireTokenSilent({
          scopes: [o.scope],
          account,
          ...(o.forceRefresh ? { forceRefresh: true } : {}),
        });
        sendToken(silent.accessToken);
        return;
      } catch {
        // An expired session or a new consent: Entra's page asks.
      }
    }
    await o.client.acquireTokenRedirect({ scopes: [o.scope] });
  } catch (e) {
    o.send(
      JSON.stringify({
        type: 'error',
        code: msalCode(e) || 'unknown_error',
        message: String((e as Error | null)?.message ?? e).slice(0, 300),
      }),
    );
  }
}
