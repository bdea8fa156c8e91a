/// <reference types="office-js" />
import { createNestablePublicClientApplication } from '@azure/msal-browser';
import type { TokenProvider } from '../sync';
import { entraSettingsFrom, entraToken, type EntraSettings, type OfficeSurface } from './entra';

// The one place the pane's sign-in meets the real Office and MSAL; entra.ts holds the logic.

/** Office itself, checked by the compiler against the surface entra.ts is written for. */
const office = (): OfficeSurface => Office;

/**
 * The pane's Entra token provider for the app its URL names (?client=&cloud=&tenant=), or undefined
 * when the URL names none. Wrap it in cachedToken. Throws (bilingual) when the URL's values are malformed.
 */
export function paneEntraToken(paneUrl: string = location.href): TokenProvider | undefined {
  const settings: EntraSettings | undefined = entraSettingsFrom(paneUrl);
  if (!settings) return undefined;
  return entraToken(settings, {
    office: office(),
    createNestable: (config) => createNestablePublicClientApplication(config),
  });
}
