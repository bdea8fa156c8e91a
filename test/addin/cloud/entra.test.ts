// The pane's Entra sign-in chain (addin/cloud/entra.ts) with Office faked at its documented interface
// and MSAL's errors the real classes. The pages each behaviour comes from:
// - NAA: https://learn.microsoft.com/office/dev/add-ins/develop/enable-nested-app-authentication-in-your-add-in
//   and the requirement set https://learn.microsoft.com/javascript/api/requirement-sets/common/nested-app-auth-requirement-sets
// - SSO error codes: https://learn.microsoft.com/office/dev/add-ins/develop/troubleshoot-sso-in-office-add-ins
// - dialog error codes: https://learn.microsoft.com/office/dev/add-ins/develop/dialog-handle-errors-events
// - the dialog's message and its origin: https://learn.microsoft.com/office/dev/add-ins/develop/dialog-api-in-office-add-ins
import { BrowserAuthError, ClientAuthError, InteractionRequiredAuthError } from '@azure/msal-browser';
import { describe, expect, it } from 'vitest';
import {
  dialogFailure,
  dialogSignIn,
  entraSettingsFrom,
  entraToken,
  SignInError,
  ssoOutcome,
  type DialogArg,
  type EntraSettings,
  type MsalConfig,
  type MsalTokenRequest,
  type NestableClient,
  type OfficeSurface,
  type SsoOptions,
} from '../../../addin/cloud/entra';

const CLIENT = '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
const PANE = `https://xieshang.example.cn/pane/taskpane.html?api=https%3A%2F%2Ffn.example.cn&cloud=global&client=${CLIENT}`;
const SCOPE = `api://xieshang.example.cn/${CLIENT}/access_as_user`;
const ORIGIN = 'https://xieshang.example.cn';
const DIALOG = 'https://xieshang.example.cn/pane/auth-dialog.html';

const settings = (url = PANE): EntraSettings => {
  const s = entraSettingsFrom(url);
  if (!s) throw new Error('no settings');
  return s;
};

/** Office.context.ui's dialog as a test drives it: what the dialog does once open. */
interface DialogScript {
  /** displayDialogAsync fails with this code (AsyncResultStatus.Failed). */
  readonly failWith?: number;
  readonly afterOpen?: (d: {
    message(text: string, origin: string | undefined): void;
    event(code: number): void;
  }) => void;
}

/** A fake of the documented Office surface, recording every call. */
function fakeOffice(o: {
  naa?: boolean;
  sso?: () => Promise<string>;
  dialog?: DialogScript;
  loginHint?: string;
}) {
  const calls = {
    isSetSupported: [] as [string, string | undefined][],
    sso: [] as (SsoOptions | undefined)[],
    dialogs: [] as { url: string; options: object }[],
    closed: 0,
  };
  const office: OfficeSurface = {
    context: {
      requirements: {
        isSetSupported(name, version) {
          calls.isSetSupported.push([name, version]);
          return name === 'NestedAppAuth' && version === '1.1' && o.naa === true;
        },
      },
      ui: {
        displayDialogAsync(url, options, callback) {
          calls.dialogs.push({ url, options });
          const script = o.dialog ?? {};
          if (script.failWith !== undefined) {
            callback({
              status: 'failed',
              value: undefined as never,
              error: { code: script.failWith, message: 'failed' },
            });
            return;
          }
          const handlers = new Map<unknown, (arg: DialogArg) => void>();
          callback({
            status: 'succeeded',
            value: {
              addEventHandler: (type, handler) => handlers.set(type, handler),
              close: () => {
                calls.closed++;
              },
            },
            error: undefined as never,
          });
          script.afterOpen?.({
            message: (message, origin) => handlers.get('dialogMessageReceived')?.({ message, origin }),
            event: (error) => handlers.get('dialogEventReceived')?.({ error }),
          });
        },
      },
    },
    auth: {
      getAccessToken(options) {
        calls.sso.push(options);
        return o.sso ? o.sso() : Promise.reject(officeError(13000));
      },
      ...(o.loginHint === undefined
        ? {}
        : {
            getAuthContext: () => Promise.resolve({ loginHint: o.loginHint, userPrincipalName: 'upn@x.cn' }),
          }),
    },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    AsyncResultStatus: { Succeeded: 'succeeded' },
  };
  return { office, calls };
}

/** What getAccessToken rejects with: an Office error carrying a numeric code. */
const officeError = (code: number) =>
  Object.assign(new Error(`office error ${code}`), { name: 'Office error', code });

/** A fake of MSAL's nestable client, scripted per method. */
function fakeMsal(o: {
  silent?: (r: MsalTokenRequest) => Promise<{ accessToken: string }>;
  popup?: (r: MsalTokenRequest) => Promise<{ accessToken: string }>;
}) {
  const calls = {
    configs: [] as MsalConfig[],
    silent: [] as MsalTokenRequest[],
    popup: [] as MsalTokenRequest[],
  };
  const client: NestableClient = {
    acquireTokenSilent(r) {
      calls.silent.push(r);
      return o.silent ? o.silent(r) : Promise.reject(new Error('silent not scripted'));
    },
    acquireTokenPopup(r) {
      calls.popup.push(r);
      return o.popup ? o.popup(r) : Promise.reject(new Error('popup not scripted'));
    },
  };
  const createNestable = (config: MsalConfig) => {
    calls.configs.push(config);
    return Promise.resolve(client);
  };
  return { createNestable, calls };
}

const tokenMessage = (accessToken: string) => JSON.stringify({ type: 'token', accessToken });

async function signInError(p: Promise<unknown>): Promise<SignInError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(SignInError);
  return e as SignInError;
}

describe('entraSettingsFrom: the pane URL manifest:prod writes', () => {
  it('reads the app and derives the authority, the API scope and the dialog page next to the pane', () => {
    expect(entraSettingsFrom(PANE)).toEqual({
      clientId: CLIENT,
      cloud: 'global',
      authority: 'https://login.microsoftonline.com/organizations',
      scope: SCOPE,
      origin: ORIGIN,
      dialogPage: DIALOG,
    });
  });

  it('signs in to the 21Vianet cloud on login.partner.microsoftonline.cn, in the tenant named', () => {
    const s = settings(
      `https://xieshang.example.cn:8443/taskpane.html?cloud=china&client=${CLIENT.toUpperCase()}&tenant=contoso.partner.onmschina.cn`,
    );
    expect(s.authority).toBe('https://login.partner.microsoftonline.cn/contoso.partner.onmschina.cn');
    // The port stays: WebApplicationInfo's Resource matches the add-in's domain including it (13004).
    expect(s.scope).toBe(`api://xieshang.example.cn:8443/${CLIENT}/access_as_user`);
    expect(s.clientId).toBe(CLIENT);
    expect(s.dialogPage).toBe('https://xieshang.example.cn:8443/auth-dialog.html');
  });

  it('is undefined when the URL names no app (development, or pairing-code units)', () => {
    expect(entraSettingsFrom('https://localhost:3000/taskpane.html?api=x')).toBeUndefined();
    expect(entraSettingsFrom('https://localhost:3000/taskpane.html?client=')).toBeUndefined();
  });

  it('refuses a bad cloud, a client id that is no GUID, and a tenant that could change the URL, in both languages', () => {
    expect(() => entraSettingsFrom(`${ORIGIN}/taskpane.html?cloud=usgov&client=${CLIENT}`)).toThrow(
      /云（cloud=usgov）无效.*neither global nor china/,
    );
    expect(() => entraSettingsFrom(`${ORIGIN}/taskpane.html?cloud=global&client=my-app`)).toThrow(
      /应用 ID（client=my-app）不是 GUID.*not an Entra application id/,
    );
    expect(() =>
      entraSettingsFrom(`${ORIGIN}/taskpane.html?client=${CLIENT}&tenant=${encodeURIComponent('evil.cn/x')}`),
    ).toThrow(/租户（tenant=evil.cn\/x）无效.*not a tenant id/);
  });
});

describe('entraToken: nested app authentication where NestedAppAuth 1.1 is supported', () => {
  it('takes the host’s token silently, touching neither Office SSO nor the dialog', async () => {
    const { office, calls } = fakeOffice({ naa: true });
    const msal = fakeMsal({ silent: () => Promise.resolve({ accessToken: 'naa-silent' }) });
    const token = entraToken(settings(), { office, createNestable: msal.createNestable });
    expect(await token()).toBe('naa-silent');
    expect(calls.isSetSupported).toContainEqual(['NestedAppAuth', '1.1']);
    expect(msal.calls.configs).toEqual([
      { auth: { clientId: CLIENT, authority: 'https://login.microsoftonline.com/organizations' } },
    ]);
    expect(msal.calls.silent).toEqual([{ scopes: [SCOPE] }]);
    expect(msal.calls.popup).toEqual([]);
    expect(calls.sso).toEqual([]);
    expect(calls.dialogs).toEqual([]);
    // One MSAL client for the pane's life.
    await token();
    expect(msal.calls.configs).toHaveLength(1);
  });

  it('opens the host’s popup, hinting Office’s account, when MSAL says interaction is required', async () => {
    const { office, calls } = fakeOffice({ naa: true, loginHint: 'clerk@union.cn' });
    const msal = fakeMsal({
      silent: () => Promise.reject(new InteractionRequiredAuthError('interaction_required', 'consent')),
      popup: () => Promise.resolve({ accessToken: 'naa-popup' }),
    });
    expect(await entraToken(settings(), { office, createNestable: msal.createNestable })()).toBe('naa-popup');
    expect(msal.calls.popup).toEqual([{ scopes: [SCOPE], loginHint: 'clerk@union.cn' }]);
    expect(calls.sso).toEqual([]);
  });

  it('opens the popup too when the host has no account to use silently (no_account_found)', async () => {
    const { office } = fakeOffice({ naa: true });
    const msal = fakeMsal({
      silent: () => Promise.reject(new ClientAuthError('no_account_found')),
      popup: () => Promise.resolve({ accessToken: 'naa-popup' }),
    });
    expect(await entraToken(settings(), { office, createNestable: msal.createNestable })()).toBe('naa-popup');
    expect(msal.calls.popup).toEqual([{ scopes: [SCOPE] }]);
  });

  it('a host error that no interaction fixes is a bilingual failure, not a popup', async () => {
    const { office, calls } = fakeOffice({ naa: true });
    const msal = fakeMsal({ silent: () => Promise.reject(new ClientAuthError('no_network_connectivity')) });
    const e = await signInError(entraToken(settings(), { office, createNestable: msal.createNestable })());
    expect(e.reason).toBe('network');
    expect(e.message).toMatch(/^无法连接登录服务/);
    expect(msal.calls.popup).toEqual([]);
    expect(calls.sso).toEqual([]);
  });

  it('tells the clerk the sign-in was cancelled when the popup is closed', async () => {
    const { office } = fakeOffice({ naa: true });
    const msal = fakeMsal({
      silent: () => Promise.reject(new InteractionRequiredAuthError('interaction_required')),
      popup: () => Promise.reject(new BrowserAuthError('user_cancelled')),
    });
    const e = await signInError(entraToken(settings(), { office, createNestable: msal.createNestable })());
    expect(e.reason).toBe('cancelled');
    expect(e.message).toMatch(/^登录已取消。请重试/);
  });

  it('moves on to Office SSO when the host’s broker is disabled', async () => {
    const { office, calls } = fakeOffice({ naa: true, sso: () => Promise.resolve('sso') });
    const msal = fakeMsal({
      silent: () => Promise.reject(new ClientAuthError('nested_app_auth_bridge_disabled')),
    });
    expect(await entraToken(settings(), { office, createNestable: msal.createNestable })()).toBe('sso');
    expect(msal.calls.popup).toEqual([]);
    expect(calls.sso).toHaveLength(1);
  });

  it('forceRefresh bypasses MSAL’s cache', async () => {
    const { office } = fakeOffice({ naa: true });
    const msal = fakeMsal({ silent: () => Promise.resolve({ accessToken: 'fresh' }) });
    await entraToken(settings(), { office, createNestable: msal.createNestable })({ forceRefresh: true });
    expect(msal.calls.silent).toEqual([{ scopes: [SCOPE], forceRefresh: true }]);
  });

  it('uses the China cloud’s authority for NAA', async () => {
    const { office } = fakeOffice({ naa: true });
    const msal = fakeMsal({ silent: () => Promise.resolve({ accessToken: 't' }) });
    const china = settings(`${ORIGIN}/taskpane.html?cloud=china&client=${CLIENT}`);
    await entraToken(china, { office, createNestable: msal.createNestable })();
    expect(msal.calls.configs[0]?.auth.authority).toBe(
      'https://login.partner.microsoftonline.cn/organizations',
    );
  });
});

describe('entraToken: Office SSO where NAA is not supported', () => {
  it('asks getAccessToken for the add-in’s own API, allowing the sign-in and consent prompts', async () => {
    const { office, calls } = fakeOffice({ naa: false, sso: () => Promise.resolve('sso-token') });
    const msal = fakeMsal({});
    expect(await entraToken(settings(), { office, createNestable: msal.createNestable })()).toBe('sso-token');
    expect(calls.sso).toEqual([
      { allowSignInPrompt: true, allowConsentPrompt: true, forMSGraphAccess: false },
    ]);
    expect(msal.calls.configs).toEqual([]);
    expect(calls.dialogs).toEqual([]);
  });

  it('13001 (not signed in to Office) tells the clerk to sign in to Office, and opens no dialog', async () => {
    const { office, calls } = fakeOffice({ sso: () => Promise.reject(officeError(13001)) });
    const e = await signInError(
      entraToken(settings(), { office, createNestable: fakeMsal({}).createNestable })(),
    );
    expect(e.reason).toBe('signInRequired');
    expect(e.code).toBe(13001);
    expect(e.message).toContain('请先用单位的工作账户登录 Office');
    expect(e.message).toContain('Sign in to Office');
    expect(calls.dialogs).toEqual([]);
  });

  it('maps every code of the troubleshooting page: fall back where it says so, otherwise what to do', () => {
    for (const code of [13000, 13003, 13005, 13007, 13012, 13013, 50001])
      expect(ssoOutcome(code)).toBe('fallback');
    const reasons = Object.fromEntries(
      [13001, 13002, 13004, 13006, 13008, 13010].map((c) => [c, (ssoOutcome(c) as SignInError).reason]),
    );
    expect(reasons).toEqual({
      13001: 'signInRequired',
      13002: 'cancelled',
      13004: 'configuration',
      13006: 'restartOffice',
      13008: 'busy',
      13010: 'configuration',
    });
    // Chinese first, then the same in English after one '。/ '.
    for (const c of [13001, 13002, 13004, 13006, 13008, 13010]) {
      const [zh, en, ...rest] = (ssoOutcome(c) as SignInError).message.split('。/ ');
      expect(rest, `${c}`).toEqual([]);
      expect(zh, `${c}`).toMatch(/[\u4e00-\u9fff]/);
      expect(zh, `${c}`).not.toMatch(/Please|try again/);
      expect(en, `${c}`).toMatch(/^[A-Z][^\u4e00-\u9fff]+$/);
    }
  });
});

describe('entraToken: the Office dialog with MSAL where SSO is unavailable', () => {
  it('13012 → opens auth-dialog.html with the app’s settings and takes the token it sends', async () => {
    const { office, calls } = fakeOffice({
      sso: () => Promise.reject(officeError(13012)),
      dialog: { afterOpen: (d) => d.message(tokenMessage('dialog-token'), ORIGIN) },
    });
    expect(await entraToken(settings(), { office, createNestable: fakeMsal({}).createNestable })()).toBe(
      'dialog-token',
    );
    expect(calls.dialogs).toEqual([
      { url: `${DIALOG}?client=${CLIENT}&cloud=global`, options: { height: 60, width: 30 } },
    ]);
    expect(calls.closed).toBe(1);
  });

  it('accepts the message from an Office without DialogOrigin 1.1 (origin undefined)', async () => {
    const { office } = fakeOffice({
      dialog: { afterOpen: (d) => d.message(tokenMessage('old-office'), undefined) },
    });
    expect(await entraToken(settings(), { office, createNestable: fakeMsal({}).createNestable })()).toBe(
      'old-office',
    );
  });

  it('refuses a message from a foreign origin and closes the dialog', async () => {
    const { office, calls } = fakeOffice({
      dialog: {
        afterOpen: (d) => {
          d.message(tokenMessage('stolen'), 'https://evil.example.com');
          d.message(tokenMessage('late'), ORIGIN);
        },
      },
    });
    const e = await signInError(
      entraToken(settings(), { office, createNestable: fakeMsal({}).createNestable })(),
    );
    expect(e.code).toBe('foreign_origin');
    expect(e.message).toContain('https://evil.example.com');
    expect(calls.closed).toBe(1);
  });

  it('12006 (the clerk closed the dialog) says sign-in was not completed, in Chinese first', async () => {
    const { office, calls } = fakeOffice({ dialog: { afterOpen: (d) => d.event(12006) } });
    const e = await signInError(
      entraToken(settings(), { office, createNestable: fakeMsal({}).createNestable })(),
    );
    expect(e.reason).toBe('cancelled');
    expect(e.code).toBe(12006);
    expect(e.message).toMatch(/^登录窗口已关闭，未完成登录。/);
    // The dialog is gone already: no close() on it.
    expect(calls.closed).toBe(0);
  });

  it('maps displayDialogAsync failures: 12007 busy, 12009 and 12011 blocked, 12004 configuration', async () => {
    const reasonFor = async (failWith: number) => {
      const { office } = fakeOffice({ dialog: { failWith } });
      return (
        await signInError(entraToken(settings(), { office, createNestable: fakeMsal({}).createNestable })())
      ).reason;
    };
    expect(await reasonFor(12007)).toBe('busy');
    expect(await reasonFor(12009)).toBe('blocked');
    expect(await reasonFor(12011)).toBe('blocked');
    expect(await reasonFor(12004)).toBe('configuration');
    // Every documented code (and an unknown one) reads Chinese first, then English.
    for (const c of [12002, 12003, 12004, 12005, 12006, 12007, 12009, 12011, 12999]) {
      const [zh, en, ...rest] = dialogFailure(c).message.split('。/ ');
      expect(rest, `${c}`).toEqual([]);
      expect(zh, `${c}`).toMatch(/[\u4e00-\u9fff]/);
      expect(en, `${c}`).toMatch(/^[A-Z][^\u4e00-\u9fff]+$/);
    }
  });

  it('passes on the dialog’s own failure with its MSAL code', async () => {
    const { office } = fakeOffice({
      dialog: {
        afterOpen: (d) =>
          d.message(
            JSON.stringify({ type: 'error', code: 'invalid_client', message: 'AADSTS700016' }),
            ORIGIN,
          ),
      },
    });
    const e = await signInError(
      entraToken(settings(), { office, createNestable: fakeMsal({}).createNestable })(),
    );
    expect(e.code).toBe('invalid_client');
    expect(e.message).toContain('Microsoft 登录失败（invalid_client：AADSTS700016）');
  });

  it('forceRefresh tells the dialog to skip its cache; the China cloud travels with it', async () => {
    const { office, calls } = fakeOffice({
      dialog: { afterOpen: (d) => d.message(tokenMessage('t'), ORIGIN) },
    });
    const china = settings(`${ORIGIN}/taskpane.html?cloud=china&client=${CLIENT}&tenant=contoso.cn`);
    await entraToken(china, { office, createNestable: fakeMsal({}).createNestable })({ forceRefresh: true });
    expect(calls.dialogs[0]?.url).toBe(
      `${ORIGIN}/auth-dialog.html?client=${CLIENT}&cloud=china&tenant=contoso.cn&refresh=1`,
    );
  });

  it('concurrent requests share one sign-in: one dialog, not a second one Office refuses (12007)', async () => {
    let send: (() => void) | undefined;
    const { office, calls } = fakeOffice({
      dialog: { afterOpen: (d) => (send = () => d.message(tokenMessage('shared'), ORIGIN)) },
    });
    const token = entraToken(settings(), { office, createNestable: fakeMsal({}).createNestable });
    const both = Promise.all([token(), token()]);
    await new Promise((r) => setTimeout(r, 0));
    send?.();
    expect(await both).toEqual(['shared', 'shared']);
    expect(calls.dialogs).toHaveLength(1);
  });
});

describe('dialogSignIn: the dialog page’s side (MSAL redirect flow)', () => {
  function fakeRedirectClient(o: {
    redirected?: { accessToken: string } | null;
    accounts?: string[];
    silent?: () => Promise<{ accessToken: string }>;
    initialize?: () => Promise<void>;
  }) {
    const calls = { silent: [] as unknown[], redirect: [] as unknown[] };
    return {
      calls,
      client: {
        initialize: o.initialize ?? (() => Promise.resolve()),
        handleRedirectPromise: () => Promise.resolve(o.redirected ?? null),
        getAllAccounts: () => o.accounts ?? [],
        acquireTokenSilent: (r: unknown) => {
          calls.silent.push(r);
          return o.silent ? o.silent() : Promise.reject(new Error('no'));
        },
        acquireTokenRedirect: (r: unknown) => {
          calls.redirect.push(r);
          return Promise.resolve();
        },
      },
    };
  }

  it('sends the token Entra redirected back with', async () => {
    const { client, calls } = fakeRedirectClient({ redirected: { accessToken: 'from-redirect' } });
    const sent: string[] = [];
    await dialogSignIn({ client, scope: SCOPE, forceRefresh: false, send: (m) => sent.push(m) });
    expect(sent.map((m) => JSON.parse(m) as unknown)).toEqual([
      { type: 'token', accessToken: 'from-redirect' },
    ]);
    expect(calls.redirect).toEqual([]);
  });

  it('answers silently for a cached account (forced when asked), else goes to Entra', async () => {
    const cached = fakeRedirectClient({
      accounts: ['a'],
      silent: () => Promise.resolve({ accessToken: 'silent' }),
    });
    const sent: string[] = [];
    await dialogSignIn({
      client: cached.client,
      scope: SCOPE,
      forceRefresh: true,
      send: (m) => sent.push(m),
    });
    expect(cached.calls.silent).toEqual([{ scopes: [SCOPE], account: 'a', forceRefresh: true }]);
    expect(sent).toEqual([tokenMessage('silent')]);

    const stale = fakeRedirectClient({ accounts: ['a'] });
    await dialogSignIn({
      client: stale.client,
      scope: SCOPE,
      forceRefresh: false,
      send: (m) => sent.push(m),
    });
    expect(stale.calls.redirect).toEqual([{ scopes: [SCOPE] }]);

    const fresh = fakeRedirectClient({});
    await dialogSignIn({
      client: fresh.client,
      scope: SCOPE,
      forceRefresh: false,
      send: (m) => sent.push(m),
    });
    expect(fresh.calls.silent).toEqual([]);
    expect(fresh.calls.redirect).toEqual([{ scopes: [SCOPE] }]);
    expect(sent).toHaveLength(1);
  });

  it('sends MSAL’s failure to the pane with its code', async () => {
    const { client } = fakeRedirectClient({
      initialize: () => Promise.reject(new BrowserAuthError('uninitialized_public_client_application')),
    });
    const sent: string[] = [];
    await dialogSignIn({ client, scope: SCOPE, forceRefresh: false, send: (m) => sent.push(m) });
    expect(JSON.parse(sent[0] ?? '')).toMatchObject({
      type: 'error',
      code: 'uninitialized_public_client_application',
    });
  });
});
