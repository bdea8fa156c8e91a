import type { HttpRequest } from '@azure/functions';

/**
 * The address a request came from, for rate limits: the LAST hop of X-Forwarded-For, without its
 * port. On Azure the App Service front end appends the address it accepted the connection from
 * (with a port: https://github.com/pbojinov/request-ip/issues/29) and passes the header on to the
 * Node worker (https://github.com/MicrosoftDocs/azure-docs/issues/56499,
 * https://github.com/Azure/Azure-Functions/issues/1597). The hops before it are whatever the client
 * sent (behind Front Door the first hop is the client's own claim:
 * https://github.com/sergiodxa/remix-utils/pull/496), so the first hop is not taken: a phone could
 * name a new address on every request. The local host appends the socket's address the same way
 * (src/local/host.ts), so a client-set header cannot choose its bucket there either.
 * '' when there is no header at all (every such request shares one bucket).
 */
export function clientAddress(request: Pick<HttpRequest, 'headers'>): string {
  const hops = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter((h) => h !== '');
  const last = hops[hops.length - 1] ?? '';
  return withoutPort(last).toLowerCase();
}

/** `1.2.3.4:5678` → `1.2.3.4`, `[::1]:80` → `::1`; a bare IPv6 address stays as it is. */
function withoutPort(hop: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hop);
  if (bracketed) return bracketed[1] as string;
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(hop);
  if (v4) return v4[1] as string;
  return hop;
}
