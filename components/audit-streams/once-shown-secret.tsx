"use client";
// A stream's signing secret, shown once (after creating the stream or rotating its secret): a
// read-only field, a copy button, and how the receiver uses it.
import { useState } from "react";
import { Check, Copy } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function OnceShownSecret({ secret, rotated = false }: { secret: string; rotated?: boolean }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      // Clipboard refused (permissions, insecure origin): the text stays selectable by hand.
      document.getElementById("stream-secret")?.focus();
    }
  }
  return (
    <div className="space-y-4">
      <Alert tone="warning" title="Copy the signing secret now">
        It is shown only once and stored encrypted; nobody can show it again.{" "}
        {rotated
          ? "Requests are signed with it from now on, so give it to the receiver right away."
          : "Give it to the receiver to check each request's signature."}{" "}
        If you lose it, rotate it.
      </Alert>
      <div className="space-y-1.5">
        <label htmlFor="stream-secret" className="text-sm font-medium text-foreground">
          Signing secret
        </label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <input
            id="stream-secret"
            readOnly
            value={secret}
            onFocus={(e) => e.currentTarget.select()}
            className="h-10 min-w-0 flex-1 rounded-lg border border-border bg-muted px-3 font-mono text-sm text-foreground"
            data-testid="stream-secret"
          />
          <Button variant="secondary" onClick={copy} aria-live="polite">
            {copied ? <Check className="size-4" aria-hidden="true" /> : <Copy className="size-4" aria-hidden="true" />}
            {copied ? "Copied" : "Copy"}
          </Button>
        </div>
      </div>
      <p className="text-sm text-muted-foreground">
        Each request carries{" "}
        <code className="rounded bg-muted px-1 py-0.5 text-foreground">X-Opsdeck-Signature: t=…,v1=…</code>, an
        HMAC-SHA-256 of <code className="rounded bg-muted px-1 py-0.5 text-foreground">&lt;t&gt;.&lt;body&gt;</code>{" "}
        under this secret, and the Standard Webhooks headers. See docs/audit-streams.md.
      </p>
    </div>
  );
}
