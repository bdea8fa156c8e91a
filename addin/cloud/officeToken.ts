/// <reference types="office-js" />
import type { TokenProvider } from '../sync';

/**
 * A token from Office single sign-on (the Entra ID token for the add-in's API), with a fallback
 * when SSO is not available (an older Office, or a tenant without consent): the fallback is the
 * local development token on a development host, or a clear error that names what to configure.
 */
export function officeSsoToken(fallback?: TokenProvider): TokenProvider {
  return async (options) => {
    try {
      return await Office.auth.getAccessToken({
        allowSignInPrompt: true,
        allowConsentPrompt: true,
        forMSGraphAccess: false,
      });
    } catch (e) {
      if (fallback) return fallback(options);
      const code = (e as { code?: unknown }).code;
      throw new Error(
        `单点登录失败（${String(code)}），请联系管理员为加载项配置 Entra ID / Office SSO failed (${String(code)}): the add-in's Entra ID app must be configured`,
      );
    }
  };
}
