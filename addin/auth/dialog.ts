/// <reference types="office-js" />
import { PublicClientApplication } from '@azure/msal-browser';
import { dialogSignIn, entraSettingsFrom } from '../cloud/entra';

// auth-dialog.html: the Office dialog the pane opens when neither nested app authentication nor Office
// SSO can sign in (addin/cloud/entra.ts). MSAL's redirect flow runs here with this page as its
// redirect URI, which the Entra app registration must list as a single-page application redirect.
// Entra redirects back without the pane's query, so the first load keeps it for the return.

const SETTINGS_KEY = 'xieshang.authDialog.query';

function dialogQuery(): string {
  if (new URLSearchParams(location.search).has('client')) {
    sessionStorage.setItem(SETTINGS_KEY, location.search);
    return location.search;
  }
  return sessionStorage.getItem(SETTINGS_KEY) ?? '';
}

async function main(): Promise<void> {
  await Office.onReady();
  const send = (message: string) => Office.context.ui.messageParent(message);
  const query = dialogQuery();
  let settings;
  try {
    settings = entraSettingsFrom(`${location.origin}${location.pathname}${query}`);
  } catch (e) {
    send(JSON.stringify({ type: 'error', code: 'bad_settings', message: (e as Error).message }));
    return;
  }
  if (!settings) {
    send(JSON.stringify({ type: 'error', code: 'bad_settings', message: 'no client= in the dialog URL' }));
    return;
  }
  const client = new PublicClientApplication({
    auth: {
      clientId: settings.clientId,
      authority: settings.authority,
      redirectUri: settings.dialogPage,
      // Finish on this page: the dialog has nowhere else to go.
      navigateToLoginRequestUrl: false,
    },
    // Kept between dialogs, so the next one can answer silently from the cached account.
    cache: { cacheLocation: 'localStorage' },
  });
  await dialogSignIn({
    client,
    scope: settings.scope,
    forceRefresh: new URLSearchParams(query).get('refresh') === '1',
    send,
  });
}

void main();
