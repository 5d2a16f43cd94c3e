import { isIP } from 'node:net';

/**
 * Address ranges a source URL may not reach unless private URLs are allowed: loopback, private
 * (RFC 1918), carrier-grade NAT, link-local (incl. cloud metadata 169.254.169.254), unique local
 * (ULA), multicast, unspecified, reserved and documentation ranges. IPv4-mapped and NAT64 IPv6
 * addresses are judged by the IPv4 address they carry, so `::ffff:127.0.0.1` is loopback too.
 */
const IPV4_BLOCKED: [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];

const IPV6_BLOCKED: [string, number][] = [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
  ['100::', 64],
];

function ipv4Bytes(address: string): number[] {
  return address.split('.').map((part) => Number(part));
}

function ipv6Bytes(address: string): number[] {
  let text = address.toLowerCase();
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  let tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  const last = text.slice(lastColon + 1);
  if (last.includes('.')) {
    tail = ipv4Bytes(last);
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const [head = '', rest] = text.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const restGroups = rest === undefined || rest === '' ? [] : rest.split(':');
  const missing = 8 - headGroups.length - restGroups.length;
  const groups = rest === undefined ? headGroups : [...headGroups, ...Array<string>(missing).fill('0'), ...restGroups];
  const bytes = groups.flatMap((group) => {
    const value = parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  return bytes;
}

function inPrefix(bytes: number[], prefix: number[], bits: number): boolean {
  for (let i = 0; i < bits; i += 8) {
    const remaining = Math.min(8, bits - i);
    const mask = (0xff << (8 - remaining)) & 0xff;
    if (((bytes[i / 8] ?? 0) & mask) !== ((prefix[i / 8] ?? 0) & mask)) return false;
  }
  return true;
}

function isBlockedV4(bytes: number[]): boolean {
  return IPV4_BLOCKED.some(([net, bits]) => inPrefix(bytes, ipv4Bytes(net), bits));
}

/**
 * True when `address` (an IP literal) must not be reached without `allowPrivate`.
 * Anything that is not an IP literal counts as private: refuse what we cannot judge.
 *
 * @example
 * isPrivateAddress('10.1.2.3'); // true
 * isPrivateAddress('::ffff:7f00:1'); // true (IPv4-mapped 127.0.0.1)
 * isPrivateAddress('93.184.215.14'); // false
 */
export function isPrivateAddress(address: string): boolean {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const family = isIP(bare.split('%')[0] ?? '');
  if (family === 4) return isBlockedV4(ipv4Bytes(bare));
  if (family !== 6) return true;
  const bytes = ipv6Bytes(bare);
  const mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  const compatible = bytes.slice(0, 12).every((b) => b === 0);
  const nat64 = inPrefix(bytes, ipv6Bytes('64:ff9b::'), 96);
  if ((mapped || nat64 || compatible) && !(compatible && bytes.slice(12).every((b) => b <= 1))) {
    return isBlockedV4(bytes.slice(12));
  }
  return IPV6_BLOCKED.some(([net, bits]) => inPrefix(bytes, ipv6Bytes(net), bits));
}
