// Which kind of network an IP address belongs to, for refusing stream deliveries into the
// application's own network (SSRF). Only "public" is delivered to unless AUDIT_STREAM_ALLOW_INSECURE
// is set. IPv4 embedded in IPv6 (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16) is
// judged by the IPv4 address inside, so 127.0.0.1 cannot be reached as ::ffff:7f00:1; so are
// IPv4-translated ::ffff:0:a.b.c.d (SIIT) and local-use NAT64 64:ff9b:1::/48. Teredo 2001::/32 (an
// obfuscated IPv4 inside) and the 6to4 relay anycast 192.88.99.0/24 are refused as reserved. Some
// classes are refused even with AUDIT_STREAM_ALLOW_INSECURE: see ALWAYS_REFUSED.
import { isIP } from "node:net";

export type AddressClass =
  | "public"
  | "loopback"
  | "private"
  | "link_local"
  | "cgnat"
  | "multicast"
  | "unspecified"
  | "metadata"
  | "reserved"
  | "invalid";

/** Never a stream destination, whatever the settings: link-local (cloud metadata lives there), the AWS IPv6 metadata address, unspecified. */
export const ALWAYS_REFUSED: ReadonlySet<AddressClass> = new Set<AddressClass>([
  "link_local",
  "metadata",
  "unspecified",
  "invalid",
]);

type V4Range = [base: number, prefix: number, kind: AddressClass];

const V4_RANGES: readonly V4Range[] = [
  [0x00000000, 8, "unspecified"], // 0.0.0.0/8 "this network"
  [0x0a000000, 8, "private"], // 10/8
  [0x64400000, 10, "cgnat"], // 100.64/10
  [0x7f000000, 8, "loopback"], // 127/8
  [0xa9fe0000, 16, "link_local"], // 169.254/16, incl. the cloud metadata service 169.254.169.254
  [0xac100000, 12, "private"], // 172.16/12
  [0xc0000000, 24, "reserved"], // 192.0.0/24 protocol assignments
  [0xc0000200, 24, "reserved"], // 192.0.2/24 documentation
  [0xc0586300, 24, "reserved"], // 192.88.99/24 6to4 relay anycast (deprecated)
  [0xc0a80000, 16, "private"], // 192.168/16
  [0xc6120000, 15, "reserved"], // 198.18/15 benchmarking
  [0xc6336400, 24, "reserved"], // 198.51.100/24 documentation
  [0xcb007100, 24, "reserved"], // 203.0.113/24 documentation
  [0xe0000000, 4, "multicast"], // 224/4
  [0xf0000000, 4, "reserved"], // 240/4, incl. broadcast 255.255.255.255
];

function v4ToInt(address: string): number | null {
  const parts = address.split(".");
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return null;
    n = n * 256 + Number(p);
  }
  return n;
}

function classifyV4Int(n: number): AddressClass {
  for (const [base, prefix, kind] of V4_RANGES) {
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    if ((n & mask) >>> 0 === base) return kind;
  }
  return "public";
}

/** Eight 16-bit groups of an IPv6 address (with "::" and a dotted IPv4 tail), or null. */
function v6Groups(address: string): number[] | null {
  let text = address.toLowerCase().split("%")[0] ?? "";
  const lastColon = text.lastIndexOf(":");
  const last = text.slice(lastColon + 1);
  if (last.includes(".")) {
    // "::ffff:1.2.3.4" → "::ffff:102:304": the dotted tail is two groups.
    const v4 = v4ToInt(last);
    if (v4 === null) return null;
    text = `${text.slice(0, lastColon + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const groupsOf = (s: string) =>
    s === "" ? [] : s.split(":").map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN));
  const head = groupsOf(halves[0] ?? "");
  const rest = halves.length === 2 ? groupsOf(halves[1] ?? "") : [];
  if ([...head, ...rest].some(Number.isNaN)) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - rest.length;
  if (missing < 1) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...rest];
}

function classifyV6(groups: number[]): AddressClass {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const embeddedV4 = ((g6 << 16) >>> 0) + g7;
  const zeroTo = (n: number) => groups.slice(0, n).every((g) => g === 0);
  if (zeroTo(8)) return "unspecified";
  if (zeroTo(7) && g7 === 1) return "loopback";
  if (zeroTo(5) && g5 === 0xffff) return classifyV4Int(embeddedV4); // ::ffff:a.b.c.d
  if (zeroTo(4) && g4 === 0xffff && g5 === 0) return classifyV4Int(embeddedV4); // ::ffff:0:a.b.c.d translated
  if (zeroTo(6)) return "reserved"; // deprecated IPv4-compatible ::a.b.c.d
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return classifyV4Int(embeddedV4);
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 1) return classifyV4Int(embeddedV4); // 64:ff9b:1::/48 local-use NAT64
  if (g0 === 0x2001 && g1 === 0) return "reserved"; // Teredo 2001::/32
  if (g0 === 0xfd00 && g1 === 0x0ec2 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0 && g6 === 0 && g7 === 0x254)
    return "metadata"; // fd00:ec2::254, the AWS instance metadata service over IPv6
  if (g0 === 0x2002) return classifyV4Int(((g1 << 16) >>> 0) + g2); // 6to4
  if ((g0 & 0xfe00) === 0xfc00) return "private"; // fc00::/7 unique local
  if ((g0 & 0xffc0) === 0xfe80) return "link_local"; // fe80::/10
  if ((g0 & 0xffc0) === 0xfec0) return "private"; // fec0::/10 deprecated site-local
  if ((g0 & 0xff00) === 0xff00) return "multicast"; // ff00::/8
  if (g0 === 0x2001 && g1 === 0x0db8) return "reserved"; // documentation
  if (g0 === 0x0100 && g1 === 0 && g2 === 0 && g3 === 0) return "reserved"; // discard-only 100::/64
  return "public";
}

/** The class of a literal IPv4 or IPv6 address (brackets allowed); "invalid" for anything else. */
export function classifyAddress(input: string): AddressClass {
  const address = input.startsWith("[") && input.endsWith("]") ? input.slice(1, -1) : input;
  const family = isIP(address.split("%")[0] ?? "");
  if (family === 4) {
    const n = v4ToInt(address);
    return n === null ? "invalid" : classifyV4Int(n);
  }
  if (family === 6) {
    const groups = v6Groups(address);
    return groups ? classifyV6(groups) : "invalid";
  }
  return "invalid";
}

const DESCRIPTIONS: Record<Exclude<AddressClass, "public">, string> = {
  loopback: "a loopback address",
  private: "a private-network address",
  link_local: "a link-local address",
  cgnat: "a carrier-grade NAT address",
  multicast: "a multicast address",
  unspecified: "an unspecified address",
  metadata: "a cloud metadata address",
  reserved: "a reserved address",
  invalid: "an address that cannot be read",
};

/** "a private-network address" etc., for error messages that say why without naming internals. */
export function describeAddressClass(kind: Exclude<AddressClass, "public">): string {
  return DESCRIPTIONS[kind];
}
