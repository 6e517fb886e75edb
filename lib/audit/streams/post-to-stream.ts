// One signed POST to a stream's endpoint, the only way stream traffic leaves the application.
// Connects to the address resolveStreamTarget checked (no second DNS lookup), follows no
// redirects, gives up 10 s after it started (DNS resolution included: a slow or hostile name server
// cannot stall a run past it), and reads at most a few KB of the answer. The result carries a
// short error fit to show an administrator: what happened, never a stack or an internal address.
import "server-only";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { resolveStreamTarget, StreamTargetError, type LookupAll } from "@/lib/audit/streams/url-safety";

export const STREAM_TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 4096;

export type PostResult = { ok: boolean; statusCode: number | null; error: string | null; durationMs: number };

export type PostOptions = {
  url: string;
  body: string;
  headers: Record<string, string>;
  allowInsecure: boolean;
  timeoutMs?: number;
  /** DNS lookup (tests stand in a slow one); the system resolver otherwise. */
  lookupAll?: LookupAll;
};

class ResolveTimeout extends Error {}

const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: "The endpoint refused the connection.",
  ECONNRESET: "The endpoint closed the connection.",
  EHOSTUNREACH: "The endpoint's host cannot be reached.",
  ENETUNREACH: "The endpoint's network cannot be reached.",
  EPIPE: "The endpoint closed the connection.",
  ETIMEDOUT: "The connection timed out.",
  CERT_HAS_EXPIRED: "The endpoint's TLS certificate has expired.",
  DEPTH_ZERO_SELF_SIGNED_CERT: "The endpoint's TLS certificate is self-signed.",
  SELF_SIGNED_CERT_IN_CHAIN: "The endpoint's TLS certificate is not trusted.",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "The endpoint's TLS certificate is not trusted.",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "The endpoint's TLS certificate is not trusted.",
  ERR_TLS_CERT_ALTNAME_INVALID: "The endpoint's TLS certificate is not valid for this host.",
};

function networkError(error: unknown, timedOut: boolean, timeoutMs: number): string {
  if (timedOut)
    return timeoutMs >= 1000
      ? `No answer within ${Math.round(timeoutMs / 1000)} s.`
      : `No answer within ${timeoutMs} ms.`;
  const code = (error as { code?: string }).code ?? "";
  return (
    NETWORK_ERRORS[code] ??
    (code.startsWith("ERR_TLS") || code.includes("CERT")
      ? "The TLS handshake failed."
      : "The request failed before an answer arrived.")
  );
}

/** A printable, one-line excerpt of the endpoint's answer, for the error shown with a failure. */
function excerpt(bytes: Buffer): string {
  const text = bytes
    .toString("utf8")
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

export async function postToStream(options: PostOptions): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const timeoutMs = options.timeoutMs ?? STREAM_TIMEOUT_MS;
  let target;
  let resolveTimer: NodeJS.Timeout | undefined;
  try {
    const deadline = new Promise<never>((_, reject) => {
      resolveTimer = setTimeout(() => reject(new ResolveTimeout()), timeoutMs);
    });
    target = await Promise.race([resolveStreamTarget(options.url, options.allowInsecure, options.lookupAll), deadline]);
  } catch (error) {
    const message =
      error instanceof ResolveTimeout
        ? networkError(error, true, timeoutMs)
        : error instanceof StreamTargetError
          ? error.message
          : "The endpoint's address could not be checked.";
    return { ok: false, statusCode: null, error: message, durationMs: elapsed() };
  } finally {
    clearTimeout(resolveTimer);
  }
  // What is left of the deadline after resolution is the request's.
  const remainingMs = Math.max(1, timeoutMs - elapsed());
  const { url, address, family } = target;
  // Node asks with `all: true` when it tries several addresses (autoSelectFamily): answer with the checked one only.
  const lookup: LookupFunction = (_hostname, lookupOptions, callback) => {
    if ((lookupOptions as { all?: boolean }).all)
      (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const transport = url.protocol === "https:" ? https : http;

  return new Promise<PostResult>((resolve) => {
    let timedOut = false;
    let settled = false;
    const finish = (result: Omit<PostResult, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, durationMs: elapsed() });
    };
    const request = transport.request(
      url,
      {
        method: "POST",
        lookup,
        agent: false,
        headers: {
          ...options.headers,
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(options.body)),
          "user-agent": "Opsdeck-Audit-Stream/1",
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const status = response.statusCode ?? 0;
        const done = () => {
          const body = Buffer.concat(chunks);
          if (status >= 200 && status < 300) finish({ ok: true, statusCode: status, error: null });
          else if (status >= 300 && status < 400)
            finish({
              ok: false,
              statusCode: status,
              error: `HTTP ${status}: redirects are not followed; use the final URL.`,
            });
          else {
            const text = excerpt(body);
            finish({ ok: false, statusCode: status, error: `HTTP ${status}${text ? `: ${text}` : ""}` });
          }
        };
        response.on("data", (chunk: Buffer) => {
          if (size < MAX_RESPONSE_BYTES) chunks.push(chunk.subarray(0, MAX_RESPONSE_BYTES - size));
          size += chunk.length;
          // Enough read: the rest of a large answer is not waited for.
          if (size >= MAX_RESPONSE_BYTES) {
            done();
            response.destroy();
          }
        });
        response.on("end", done);
        response.on("error", () => done());
      },
    );
    const timer = setTimeout(() => {
      timedOut = true;
      request.destroy(new Error("timeout"));
    }, remainingMs);
    request.on("error", (error) =>
      finish({ ok: false, statusCode: null, error: networkError(error, timedOut, timeoutMs) }),
    );
    request.end(options.body);
  });
}
