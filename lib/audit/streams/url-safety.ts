// Where a stream may deliver (SSRF): https only, no credentials in the URL, and never into the
// application's own network: the host's addresses are resolved at delivery time and every one
// must be public (lib/audit/streams/classify-address.ts). The request then connects to the very
// address that was checked (postToStream passes it through the agent's `lookup`), so a DNS answer
// that changes between the check and the connection (rebinding) cannot redirect it.
// AUDIT_STREAM_ALLOW_INSECURE lifts the http:// and most address rules, for development and tests,
// but never those of ALWAYS_REFUSED (link-local incl. 169.254.169.254, fd00:ec2::254, unspecified):
// a collector is never there, and the cloud metadata service is the classic SSRF prize.
import "server-only";
import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";
import { ALWAYS_REFUSED, classifyAddress, describeAddressClass } from "@/lib/audit/streams/classify-address";

export class StreamTargetError extends Error {}

export type ResolvedTarget = { url: URL; address: string; family: 4 | 6 };

export type LookupAll = (hostname: string) => Promise<{ address: string; family: number }[]>;

const defaultLookup: LookupAll = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

function bareHost(url: URL): string {
  return url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
}

/** Why a stream URL may not be used (protocol, credentials, a literal internal address), or null. */
export function staticUrlProblem(raw: string, allowInsecure: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "The URL cannot be read.";
  }
  if (url.protocol !== "https:" && !(allowInsecure && url.protocol === "http:")) return "Use an https:// URL.";
  if (url.username || url.password) return "Leave the user name and password out of the URL.";
  // "localhost." (the root label written out) is the same name.
  const host = bareHost(url).toLowerCase().replace(/\.$/, "");
  if (allowInsecure) {
    const kind = isIP(host) ? classifyAddress(host) : "public";
    return kind !== "public" && ALWAYS_REFUSED.has(kind) ? `The URL points at ${describeAddressClass(kind)}.` : null;
  }
  if (host === "localhost" || host.endsWith(".localhost")) return "The URL points at this machine (localhost).";
  // WHATWG URL parsing already turned decimal, hex and octal IPv4 forms (2130706433, 0x7f.1) into dotted form.
  if (isIP(host)) {
    const kind = classifyAddress(host);
    if (kind !== "public") return `The URL points at ${describeAddressClass(kind)}.`;
  }
  return null;
}

/**
 * Resolves the URL's host and returns the address to connect to, or throws StreamTargetError with
 * a message fit for lastError (what was refused, never which internal address it was).
 */
export async function resolveStreamTarget(
  raw: string,
  allowInsecure: boolean,
  lookupAll: LookupAll | undefined = defaultLookup,
): Promise<ResolvedTarget> {
  const problem = staticUrlProblem(raw, allowInsecure);
  if (problem) throw new StreamTargetError(problem);
  const url = new URL(raw);
  const host = bareHost(url);
  let addresses: { address: string; family: number }[];
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    try {
      addresses = await (lookupAll ?? defaultLookup)(host);
    } catch {
      throw new StreamTargetError(`The host ${host} could not be resolved.`);
    }
  }
  if (addresses.length === 0) throw new StreamTargetError(`The host ${host} could not be resolved.`);
  // Every address must be public (with the insecure setting: none always refused); a host that
  // also resolves inside the network is refused outright.
  for (const { address } of addresses) {
    const kind = classifyAddress(address);
    if (kind !== "public" && (!allowInsecure || ALWAYS_REFUSED.has(kind)))
      throw new StreamTargetError(`The host ${host} resolves to ${describeAddressClass(kind)}; refused.`);
  }
  const first = addresses[0]!;
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
