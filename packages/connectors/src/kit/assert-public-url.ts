import { ConnectorError } from '../connector-error';
import { resolveAllowedAddresses, type AddressPolicy } from './address-policy';

/**
 * Checks a user-supplied URL before it is saved (a source, a webhook): http or https only, no
 * credentials in it, and a host that resolves to public addresses unless private ones are allowed.
 * kit's HTTP client checks again at every connection and redirect; this gives the user an
 * immediate, readable refusal.
 *
 * @example
 * const url = await assertPublicUrl('https://blog.example/feed', { allowPrivate: false });
 * await assertPublicUrl('http://10.0.0.1/', { allowPrivate: false }); // throws ConnectorError blocked_url
 */
export async function assertPublicUrl(input: string, policy: AddressPolicy): Promise<URL> {
  let url: URL;
  try {
    url = new URL(input);
  } catch (error) {
    throw new ConnectorError('invalid_request', `"${input}" is not a valid URL`, { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConnectorError('blocked_url', `${url.protocol} URLs are not allowed: only http and https`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new ConnectorError('blocked_url', 'URLs with a user name or password are not allowed; configure credentials on an account');
  }
  await resolveAllowedAddresses(url.hostname, policy, url.href);
  return url;
}
