"use client";
// A new key's secret, shown once: a read-only field, a copy button, and the warning that it will
// not be shown again.
import { useState } from "react";
import { Check, Copy } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function OnceShownKey({ secret, name }: { secret: string; name: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      // Clipboard refused (permissions, insecure origin): the text stays selectable by hand.
      document.getElementById("new-api-key")?.focus();
    }
  }
  return (
    <div className="space-y-4">
      <Alert tone="warning" title="Copy this key now">
        It is shown only once. We store only a fingerprint of it, so nobody (not even an admin) can show it to you
        again. If you lose it, revoke it and create another.
      </Alert>
      <div className="space-y-1.5">
        <label htmlFor="new-api-key" className="text-sm font-medium text-foreground">
          {name}
        </label>
        <div className="flex gap-2">
          <input
            id="new-api-key"
            readOnly
            value={secret}
            onFocus={(e) => e.currentTarget.select()}
            className="h-10 min-w-0 flex-1 rounded-lg border border-border bg-muted px-3 font-mono text-sm text-foreground"
            data-testid="new-api-key"
          />
          <Button variant="secondary" onClick={copy} aria-live="polite">
            {copied ? <Check className="size-4" aria-hidden="true" /> : <Copy className="size-4" aria-hidden="true" />}
            {copied ? "Copied" : "Copy"}
          </Button>
        </div>
      </div>
      <p className="text-sm text-muted-foreground">
        Send it as{" "}
        <code className="rounded bg-muted px-1 py-0.5 text-foreground">
          Authorization: Bearer {secret.slice(0, 17)}…
        </code>
        . The API reference is at{" "}
        <a className="text-brand underline-offset-4 hover:underline" href="/docs/api">
          /docs/api
        </a>
        .
      </p>
    </div>
  );
}
