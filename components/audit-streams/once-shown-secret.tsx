"use client";
// A stream's signing secret, shown once (after creating the stream or rotating its secret): a
// read-only field, a copy button, and how the receiver uses it.
import { Alert } from "@/components/ui/alert";
import { CopyField } from "@/components/ui/copy-field";

export function OnceShownSecret({ secret, rotated = false }: { secret: string; rotated?: boolean }) {
  return (
    <div className="space-y-4">
      <Alert tone="warning" title="Copy the signing secret now">
        It is shown only once and stored encrypted; nobody can show it again.{" "}
        {rotated
          ? "Requests are signed with it from now on, so give it to the receiver right away."
          : "Give it to the receiver to check each request's signature."}{" "}
        If you lose it, rotate it.
      </Alert>
      <CopyField id="stream-secret" label={"Signing secret"} value={secret} testId="stream-secret" />
      <p className="text-sm text-muted-foreground">
        Each request carries{" "}
        <code className="rounded bg-muted px-1 py-0.5 text-foreground">X-Opsdeck-Signature: t=…,v1=…</code>, an
        HMAC-SHA-256 of <code className="rounded bg-muted px-1 py-0.5 text-foreground">&lt;t&gt;.&lt;body&gt;</code>{" "}
        under this secret, and the Standard Webhooks headers. See docs/audit-streams.md.
      </p>
    </div>
  );
}
