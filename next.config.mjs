// Static security headers for every response; the nonce-based Content-Security-Policy is set
// per request in proxy.ts.
const production = process.env.NODE_ENV === "production";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets parallel checkouts' servers (tests, benchmarks) build side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // The build type-checks the application only; tests are checked by `npm run typecheck`.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  typedRoutes: false,
  // forbidden() answers 403 with app/forbidden.tsx on pages the viewer may not use.
  experimental: { authInterrupts: true },
  async headers() {
    const headers = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
      { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    ];
    // Browsers ignore HSTS received over plain http, so sending it in every production response is safe.
    if (production) {
      headers.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains; preload" });
    }
    return [
      { source: "/:path*", headers },
      // Route handlers are not behind proxy.ts; withApi sets this too, this covers API 404s.
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default nextConfig;
