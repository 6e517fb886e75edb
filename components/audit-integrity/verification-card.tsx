"use client";
// "Verify now" and the last verification's outcome. A check reads the whole chain (seconds on a large
// log), so the button shows progress; the result replaces the last recorded one at once, and the
// page is refreshed so the anchors and the recorded check agree with it.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ShieldCheck } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { toast } from "@/components/ui/toast";
import { chainStatusOf, eventHref } from "@/components/audit-integrity/chain-status";
import { verifyAuditLogAction } from "@/lib/actions/audit-integrity/verify-audit-log";

export type ShownVerification = {
  status: string;
  ok: boolean;
  count: number | null;
  summary: string | null;
  brokenAtSeq: number | null;
  brokenId: string | null;
  /** ISO time of the check. */
  at: string;
  /** The time as people read it, formatted on the server (a client's clock zone would differ). */
  atLabel: string;
  byName: string | null;
};

const numberFormat = new Intl.NumberFormat("en");

export function VerificationCard({ last }: { last: ShownVerification | null }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [fresh, setFresh] = useState<ShownVerification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = fresh ?? last;

  const verify = () =>
    start(async () => {
      setError(null);
      const result = await verifyAuditLogAction();
      if (!result.ok) {
        setError(result.error);
        toast.error(result.error);
        return;
      }
      const r = result.data;
      setFresh({
        status: r.status,
        ok: r.ok,
        count: r.count,
        summary: r.summary,
        brokenAtSeq: r.broken?.seq ?? null,
        brokenId: r.broken?.id ?? null,
        at: r.checkedAt,
        atLabel: "just now",
        byName: null,
      });
      if (r.ok) toast.success(`Audit log intact: ${numberFormat.format(r.count)} events checked`);
      else toast.error(`Audit log ${chainStatusOf(r.status).label.toLowerCase()}: see the result`);
      router.refresh();
    });

  const status = shown ? chainStatusOf(shown.status) : null;
  return (
    <Card>
      <CardHeader
        title="Verification"
        description="Recomputes every event's hash and link, from the newest retention anchor to the newest event."
        action={
          <Button onClick={verify} loading={pending} aria-describedby="verify-hint">
            {pending ? "Verifying…" : "Verify now"}
          </Button>
        }
      />
      <CardBody className="space-y-4">
        <p id="verify-hint" className="sr-only">
          Checks the whole activity log and records the check in it.
        </p>
        {error ? (
          <Alert tone="danger" title="The check could not run">
            {error}
          </Alert>
        ) : null}
        {shown && status ? (
          <div aria-live="polite" className="space-y-3" data-testid="verification-result">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
              <Badge tone={status.tone} dot className="text-sm">
                {status.label}
              </Badge>
              {shown.count !== null ? (
                <span className="text-sm tabular-nums text-foreground">
                  {numberFormat.format(shown.count)} event{shown.count === 1 ? "" : "s"}{" "}
                  {shown.brokenAtSeq !== null ? "verified before it" : "checked"}
                </span>
              ) : null}
              <span className="text-sm text-muted-foreground">
                <time dateTime={shown.at}>{shown.atLabel}</time>
                {shown.byName ? ` · by ${shown.byName}` : null}
              </span>
            </div>
            <p className="text-sm text-muted-foreground">{status.meaning}</p>
            {shown.ok && shown.summary ? (
              <p className="break-words font-mono text-xs text-muted-foreground">{shown.summary}</p>
            ) : null}
            {!shown.ok && shown.summary ? (
              <Alert
                tone={status.tone === "warning" ? "warning" : "danger"}
                title={shown.brokenAtSeq !== null ? `First broken event: seq ${shown.brokenAtSeq}` : status.label}
                action={
                  shown.brokenId ? (
                    <Link
                      href={eventHref(shown.brokenId)}
                      className="whitespace-nowrap text-sm font-medium text-brand underline-offset-4 hover:underline"
                    >
                      Open the event
                    </Link>
                  ) : undefined
                }
              >
                <span className="break-words font-mono text-xs">{shown.summary}</span>
              </Alert>
            ) : null}
          </div>
        ) : (
          <div className="flex items-start gap-3 text-sm text-muted-foreground">
            <ShieldCheck className="mt-0.5 size-4 shrink-0 text-brand" aria-hidden="true" />
            <p>
              No check recorded yet. Verify now, or run <code className="font-mono text-xs">npm run audit:verify</code>{" "}
              on the server.
            </p>
          </div>
        )}
      </CardBody>
    </Card>
  );
}
