import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { Brand } from "@/components/layout/brand";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { config } from "@/lib/config";

export const metadata: Metadata = { title: "API reference" };

const DOCUMENT_URL = "/api/v1/openapi.json";
const NOSCRIPT = `<noscript><p class="p-4 text-sm text-black">The interactive reference needs JavaScript. The document itself is at <a href="${DOCUMENT_URL}">${DOCUMENT_URL}</a>.</p></noscript>`;

/**
 * /docs/api: the OpenAPI document rendered by Swagger UI, public. Swagger UI's files are served by
 * this app (assets/[file]/route.ts), loaded by nonce-carrying scripts under the page CSP
 * (lib/http/csp.ts: no inline script without the nonce, no eval).
 */
export default async function ApiDocsPage() {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <div className="min-h-dvh bg-background">
      {/* Swagger UI's own stylesheet, self-hosted and only on this page (assets/[file]/route.ts). */}
      {/* eslint-disable-next-line @next/next/no-css-tags -- a vendor stylesheet served by this app, not a bundled one */}
      <link rel="stylesheet" href="/docs/api/assets/swagger-ui.css" precedence="default" />
      <header className="border-b border-border bg-surface">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
          <div className="flex items-center gap-3">
            <Brand href="/dashboard" />
            <span className="text-muted-foreground" aria-hidden="true">
              /
            </span>
            <h1 className="text-base font-semibold tracking-tight">API reference</h1>
          </div>
          <div className="flex items-center gap-3 text-sm">
            <a href={DOCUMENT_URL} className="font-medium text-brand underline-offset-4 hover:underline">
              openapi.json
            </a>
            <Link href="/settings/api-keys" className="font-medium text-brand underline-offset-4 hover:underline">
              Your API keys
            </Link>
            <ThemeToggle />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
        <section className="mb-4 rounded-lg border border-border bg-surface p-4 text-sm leading-6 text-muted-foreground">
          <p>
            Authenticate with an API key from <strong className="text-foreground">Settings → API keys</strong>:{" "}
            <code className="rounded bg-muted px-1 py-0.5 text-foreground">Authorization: Bearer odk_live_…</code>.
            Errors are <code className="rounded bg-muted px-1 py-0.5 text-foreground">application/problem+json</code>{" "}
            with a stable <code className="rounded bg-muted px-1 py-0.5 text-foreground">code</code>. Questions:{" "}
            <a className="text-brand underline-offset-4 hover:underline" href={`mailto:${config.supportEmail}`}>
              {config.supportEmail}
            </a>
            .
          </p>
        </section>
        {/* Swagger UI has one (light) theme; in dark mode the rendered reference is inverted to match. */}
        {/* Swagger UI (init.js) renders into this node, possibly before React hydrates the page: its
            content is set as raw HTML so that hydration leaves what Swagger UI put there alone
            (children React rendered would mismatch, and React would re-create the node empty). */}
        <div
          id="swagger-ui"
          data-url={DOCUMENT_URL}
          className="min-h-96 overflow-hidden rounded-lg border border-border bg-white dark:[filter:invert(0.88)_hue-rotate(180deg)]"
          suppressHydrationWarning
          dangerouslySetInnerHTML={{ __html: NOSCRIPT }}
        />
      </main>
      <script nonce={nonce} src="/docs/api/assets/swagger-ui-bundle.js" defer />
      <script nonce={nonce} src="/docs/api/assets/init.js" defer />
    </div>
  );
}
