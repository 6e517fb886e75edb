// Content-Security-Policy. Pages get a per-request nonce (no 'unsafe-inline' for scripts);
// API responses get a policy that allows nothing at all.

/**
 * `formTargets`: origins besides this one a form submission may end up at (the sign-in providers'
 * authorization endpoints, reached by redirect from a "Continue with …" form without JavaScript).
 */
export function pageCsp(nonce: string, dev: boolean, formTargets: readonly string[] = []): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Styles: React and sonner set style attributes; no script can run from them.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    ["form-action 'self'", ...formTargets].join(" "),
  ].join("; ");
}

export const API_CSP = "default-src 'none'; frame-ancestors 'none'";
