import type { Metadata } from "next";
import { forbidden, notFound, redirect } from "next/navigation";
import { Inbox } from "lucide-react";
import Link from "next/link";
import { Brand } from "@/components/layout/brand";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageViewer } from "@/lib/auth/require-page-viewer";
import { getViewer } from "@/lib/auth/viewer";
import { canReadOutbox, listOutbox, type OutboxEmail } from "@/lib/data/email/list-outbox";

export const metadata: Metadata = { title: "Developer outbox", robots: { index: false } };

function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s]+)/g);
  return (
    <>
      {parts.map((part, i) =>
        /^https?:\/\//.test(part) ? (
          <a key={i} href={part} className="break-all font-medium text-brand underline underline-offset-2">
            {part}
          </a>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </>
  );
}

const STATE: Record<string, string> = {
  sent: "Delivered by the mail provider; the message is not kept here.",
  queued: "Handed to the mail provider; waiting for a retry.",
  failed: "The mail provider refused it for good.",
};

function Body({ email }: { email: OutboxEmail }) {
  if (email.text !== null) return <Linkified text={email.text} />;
  return <span className="text-muted-foreground">{STATE[email.status] ?? "The message is not kept here."}</span>;
}

export default async function OutboxPage() {
  if (!canReadOutbox()) notFound();
  // Signed-in readers only: the mail holds sign-in and reset links.
  if (!(await getViewer())) redirect("/sign-in?next=%2Fdev%2Foutbox");
  const viewer = await requirePageViewer();
  // Not while impersonating (see listOutbox): HTTP 403 rather than an error from the DAL.
  if (viewer.impersonatorId) forbidden();
  const { scope, emails } = await listOutbox(viewer);
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <div className="mb-8 flex items-center justify-between">
        <Brand />
        <div className="flex items-center gap-4">
          <span className="rounded-full bg-warning-soft px-3 py-1 text-xs font-medium text-warning">
            Development only
          </span>
          <Link href="/dashboard" className="text-sm font-medium text-brand hover:underline">
            Back to the app
          </Link>
        </div>
      </div>
      <h1 className="text-2xl font-semibold tracking-tight">Developer outbox</h1>
      <p className="mt-1 text-sm text-muted-foreground">
        Emails the app would have sent. Set <code className="rounded bg-muted px-1">RESEND_API_KEY</code> to deliver
        them for real. This page exists only on development setups.{" "}
        {scope === "all"
          ? "You hold email.outbox.read: you see every message."
          : "You see the messages sent to your own address."}
      </p>
      <div className="mt-8 space-y-4">
        {emails.length === 0 ? (
          <Card>
            <EmptyState icon={Inbox} title="No emails yet" description="Messages sent to your address appear here." />
          </Card>
        ) : (
          emails.map((email, index) => (
            <Card key={email.id} className="overflow-hidden">
              <details open={index === 0} className="group">
                <summary className="flex cursor-pointer list-none items-center justify-between gap-4 px-5 py-4 hover:bg-muted/50">
                  <div className="min-w-0">
                    <p className="truncate font-medium text-foreground">{email.subject}</p>
                    <p className="truncate text-sm text-muted-foreground">To {email.to}</p>
                  </div>
                  <time className="shrink-0 text-xs text-muted-foreground" dateTime={email.createdAt.toISOString()}>
                    {email.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC
                  </time>
                </summary>
                <div
                  className="whitespace-pre-wrap border-t border-border px-5 py-4 text-sm leading-6 text-foreground"
                  data-testid="outbox-body"
                >
                  <Body email={email} />
                </div>
              </details>
            </Card>
          ))
        )}
      </div>
    </div>
  );
}
