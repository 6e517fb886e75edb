// Per-IP limit keys that a client cannot multiply. An IPv6 client is routinely given a whole /64
// (2^64 addresses), so counting per address would let it rotate past every per-IP limit: IPv6
// addresses are keyed by their /64. IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d)
// addresses are one IPv4 client, keyed by that IPv4 form. Any other key passes unchanged.
import { isIP } from "node:net";

const PREFIX_64 = (groups: number[]) =>
  `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;

/** The eight 16-bit groups of a valid IPv6 address (zone id already removed). */
function ipv6Groups(address: string): number[] {
  // A dotted IPv4 tail (::ffff:1.2.3.4) is the last two groups written another way.
  const text = address.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_m, a: string, b: string, c: string, d: string) =>
    [(+a << 8) | +b, (+c << 8) | +d].map((x) => x.toString(16)).join(":"),
  );
  const parse = (part: string) => (part ? part.split(":").map((h) => parseInt(h, 16)) : []);
  const [head = "", rest] = text.split("::");
  const left = parse(head);
  if (rest === undefined) return left;
  const right = parse(rest);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

function normaliseAddress(candidate: string): string | null {
  const address = candidate.replace(/%.*$/, "");
  const version = isIP(address);
  if (version === 4) return address;
  if (version !== 6) return null;
  const g = ipv6Groups(address.toLowerCase());
  const embedsIpv4 =
    (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) ||
    (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0));
  if (embedsIpv4) return [g[6]! >> 8, g[6]! & 0xff, g[7]! >> 8, g[7]! & 0xff].join(".");
  return PREFIX_64(g);
}

/** `key` with any client address in it (the whole key, or a trailing `ip:<address>` segment) normalised. */
export function normaliseLimitKey(key: string): string {
  const whole = normaliseAddress(key);
  if (whole) return whole;
  // The last `ip:` segment: no IP address contains "ip:", so nothing after it is anything else.
  const inner = key.lastIndexOf(":ip:");
  const start = inner >= 0 ? inner + 4 : key.startsWith("ip:") ? 3 : -1;
  if (start < 0) return key;
  const address = normaliseAddress(key.slice(start));
  return address ? `${key.slice(0, start)}${address}` : key;
}
