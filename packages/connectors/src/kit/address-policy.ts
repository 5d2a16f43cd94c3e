import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { ConnectorError } from '../connector-error';
import { isPrivateAddress } from './is-private-address';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Name resolution, injectable so tests can simulate a public name that resolves to a private address. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/**
 * Which addresses the network may reach.
 *
 * @example
 * const policy: AddressPolicy = { allowPrivate: config.allowPrivateUrls };
 */
export interface AddressPolicy {
  /** Allow loopback, private, link-local… addresses (tests, intranet feeds). */
  allowPrivate: boolean;
  /** Exact IP addresses allowed even when `allowPrivate` is false (one intranet host, a test server). */
  allowedAddresses?: readonly string[];
  resolve?: Resolver;
}

export const systemResolver: Resolver = async (hostname) => {
  const found = await dnsLookup(hostname, { all: true, verbatim: true });
  return found.map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 }));
};

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function isRefused(address: string, policy: AddressPolicy): boolean {
  if (policy.allowPrivate) return false;
  if (policy.allowedAddresses?.includes(address)) return false;
  return isPrivateAddress(address);
}

function blocked(label: string): ConnectorError {
  return new ConnectorError(
    'blocked_url',
    `${label} resolves to a private address; set VIGIE_ALLOW_PRIVATE_URLS=1 to allow intranet sources`,
  );
}

/**
 * Resolves `hostname` and refuses it when any of its addresses is private under `policy`. All or
 * nothing: a name answering both public and private addresses is a rebinding attempt.
 * `label` names the URL in the error message.
 *
 * @example
 * await resolveAllowedAddresses('blog.example', { allowPrivate: false }, 'https://blog.example/feed');
 */
export async function resolveAllowedAddresses(hostname: string, policy: AddressPolicy, label: string): Promise<ResolvedAddress[]> {
  const bare = stripBrackets(hostname);
  const literal = isIP(bare);
  if (literal !== 0) {
    if (isRefused(bare, policy)) throw blocked(label);
    return [{ address: bare, family: literal === 6 ? 6 : 4 }];
  }
  let addresses: ResolvedAddress[];
  try {
    addresses = await (policy.resolve ?? systemResolver)(bare);
  } catch (error) {
    throw new ConnectorError('upstream_unavailable', `${label}: the host name ${bare} could not be resolved`, { cause: error });
  }
  if (addresses.length === 0) {
    throw new ConnectorError('upstream_unavailable', `${label}: the host name ${bare} has no address`);
  }
  if (addresses.some((entry) => isRefused(entry.address, policy))) throw blocked(label);
  return addresses;
}

/**
 * A `lookup` for sockets that checks the addresses it hands to `connect`. Checking at connect time
 * (not only when a source is saved) is what defeats DNS rebinding: the address connected to is the
 * address checked.
 */
export function createPinnedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    resolveAllowedAddresses(hostname, policy, hostname).then(
      (addresses) => {
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
        if (options.all) {
          callback(null, wanted);
          return;
        }
        const first = wanted[0];
        if (first === undefined) {
          callback(Object.assign(new Error(`no IPv${String(options.family)} address for ${hostname}`), { code: 'ENOTFOUND' }), '', 4);
          return;
        }
        callback(null, first.address, first.family);
      },
      (error: Error) => callback(error, '', 4),
    );
  };
}
