"use client";
// A new key's secret, shown once: a read-only field, a copy button, and the warning that it will
// not be shown again.
import { Alert } from "@/components/ui/alert";
import { CopyField } from "@/components/ui/copy-field";

export function OnceShownKey({ secret, name }: { secret: string; name: string }) {
  return (
    <div className="space-y-4">
      <Alert tone="warning" title="Copy this key now">
        It is shown only once. We store only a fingerprint of it, so nobody (not even an admin) can show it to you
        again. If you lose it, revoke it and create another.
      </Alert>
      <CopyField id="new-api-key" label={name} value={secret} testId="new-api-key" />
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
