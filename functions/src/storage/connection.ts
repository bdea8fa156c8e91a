/** Azurite's well-known development account key (public, documented by Microsoft; not a secret). */
export const AZURITE_ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** The connection string of an Azurite table service on a loopback port. */
export const azuriteConnectionString = (port: number, host = '127.0.0.1'): string =>
  `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${AZURITE_ACCOUNT_KEY};` +
  `TableEndpoint=http://${host}:${port}/devstoreaccount1;`;

/**
 * The storage connection string from configuration: XIESHANG_STORAGE, else AzureWebJobsStorage;
 * "UseDevelopmentStorage=true" means Azurite on its default table port.
 */
export function storageConnectionString(env: Readonly<Record<string, string | undefined>>): string | null {
  const raw = env.XIESHANG_STORAGE?.trim() || env.AzureWebJobsStorage?.trim();
  if (!raw) return null;
  if (/^UseDevelopmentStorage=true;?$/i.test(raw)) return azuriteConnectionString(10002);
  return raw;
}

/** Whether a connection string points at plain HTTP (Azurite), which the SDK must be told to allow. */
export const isInsecureEndpoint = (connectionString: string): boolean =>
  /TableEndpoint=http:\/\//i.test(connectionString) ||
  /DefaultEndpointsProtocol=http;/i.test(connectionString);
