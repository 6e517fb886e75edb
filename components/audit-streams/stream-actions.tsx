"use client";
// What an admin does with one stream: send a test event (the answer shown beside the buttons),
// deliver now, edit, pause or resume, rotate the secret (the new one shown once) and delete (after
// confirming). Each action names the version the page showed, so acting on a stream someone
// changed meanwhile is refused with a "reload" message instead of undoing their change.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { MoreHorizontal, Pause, Pencil, Play, RefreshCw, Send, Trash2, KeyRound } from "lucide-react";
import { OnceShownSecret } from "@/components/audit-streams/once-shown-secret";
import { StreamFormDialog } from "@/components/audit-streams/stream-form-dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { toast } from "@/components/ui/toast";
import { deleteAuditStreamAction } from "@/lib/actions/audit-streams/delete-audit-stream";
import { deliverAuditStreamNowAction } from "@/lib/actions/audit-streams/deliver-audit-stream-now";
import { pauseAuditStreamAction } from "@/lib/actions/audit-streams/pause-audit-stream";
import { resumeAuditStreamAction } from "@/lib/actions/audit-streams/resume-audit-stream";
import { rotateAuditStreamSecretAction } from "@/lib/actions/audit-streams/rotate-audit-stream-secret";
import { sendAuditStreamTestAction } from "@/lib/actions/audit-streams/send-audit-stream-test";
import type { AuditStreamJson } from "@/lib/validations/audit-stream";

type TestOutcome = { ok: boolean; text: string };

function deliveredText(summary: { delivered: number; failed: number; busy: number; streams: number }): string {
  if (summary.busy && !summary.streams) return "A delivery run is already under way; refresh in a moment.";
  if (summary.failed) return `Delivered ${summary.delivered}; the next event failed and will be retried.`;
  return summary.delivered
    ? `Delivered ${summary.delivered} event${summary.delivered === 1 ? "" : "s"}.`
    : "Nothing new to deliver.";
}

export function StreamActions({ stream, afterDelete }: { stream: AuditStreamJson; afterDelete?: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [busy, setBusy] = useState<"test" | "deliver" | "pause" | null>(null);
  const [test, setTest] = useState<TestOutcome | null>(null);
  const [editing, setEditing] = useState(false);
  const [rotating, setRotating] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);

  const run = (kind: "test" | "deliver" | "pause", work: () => Promise<void>) => {
    setBusy(kind);
    start(async () => {
      await work();
      setBusy(null);
      router.refresh();
    });
  };

  const sendTest = () =>
    run("test", async () => {
      setTest(null);
      const result = await sendAuditStreamTestAction(stream.id);
      if (!result.ok) return void toast.error(result.error);
      const r = result.data;
      setTest(
        r.ok
          ? { ok: true, text: `Test event accepted: HTTP ${r.statusCode} in ${r.durationMs} ms.` }
          : { ok: false, text: `Test event failed: ${r.error}` },
      );
    });

  const deliverNow = () =>
    run("deliver", async () => {
      const result = await deliverAuditStreamNowAction(stream.id);
      if (result.ok) toast.success(deliveredText(result.data));
      else toast.error(result.error);
    });

  const togglePause = () =>
    run("pause", async () => {
      const result = stream.enabled
        ? await pauseAuditStreamAction(stream.id, stream.version)
        : await resumeAuditStreamAction(stream.id, stream.version);
      if (result.ok)
        toast.success(stream.enabled ? `Paused ${stream.name}.` : `Resumed ${stream.name}; it catches up in order.`);
      else toast.error(result.error);
    });

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <Button
          variant="secondary"
          size="sm"
          onClick={sendTest}
          loading={pending && busy === "test"}
          disabled={pending}
        >
          {busy === "test" ? null : <Send className="size-4" aria-hidden="true" />}
          Send test
        </Button>
        <Button
          variant="secondary"
          size="sm"
          onClick={deliverNow}
          loading={pending && busy === "deliver"}
          disabled={pending || !stream.enabled}
          title={stream.enabled ? undefined : "Resume the stream to deliver"}
        >
          {busy === "deliver" ? null : <RefreshCw className="size-4" aria-hidden="true" />}
          Deliver now
        </Button>
        <Button
          variant="secondary"
          size="sm"
          onClick={togglePause}
          loading={pending && busy === "pause"}
          disabled={pending}
        >
          {busy === "pause" ? null : stream.enabled ? (
            <Pause className="size-4" aria-hidden="true" />
          ) : (
            <Play className="size-4" aria-hidden="true" />
          )}
          {stream.enabled ? "Pause" : "Resume"}
        </Button>
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="ghost" size="sm" aria-label={`More actions for ${stream.name}`}>
              <MoreHorizontal className="size-4" aria-hidden="true" />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end">
            <DropdownMenuItem onSelect={() => setEditing(true)}>
              <Pencil className="size-4" aria-hidden="true" /> Edit
            </DropdownMenuItem>
            <DropdownMenuItem onSelect={() => setRotating(true)}>
              <KeyRound className="size-4" aria-hidden="true" /> Rotate secret
            </DropdownMenuItem>
            <DropdownMenuSeparator />
            <DropdownMenuItem tone="danger" onSelect={() => setDeleting(true)}>
              <Trash2 className="size-4" aria-hidden="true" /> Delete
            </DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>
      </div>
      {test ? (
        <Alert tone={test.ok ? "success" : "danger"} className="text-sm">
          <span data-testid="stream-test-result">{test.text}</span>
        </Alert>
      ) : null}

      <StreamFormDialog open={editing} onOpenChange={setEditing} stream={stream} />
      <ConfirmDialog
        open={rotating}
        onOpenChange={setRotating}
        title={`Rotate the secret of ${stream.name}?`}
        description="A new secret replaces the current one at once: requests from now on are signed with it, and the receiver must be given it to keep accepting them."
        confirmLabel="Rotate secret"
        onConfirm={async () => {
          const result = await rotateAuditStreamSecretAction(stream.id, stream.version);
          if (!result.ok) return result;
          setSecret(result.data.secret);
          router.refresh();
        }}
      />
      <Dialog open={secret !== null} onOpenChange={(open) => (open ? null : setSecret(null))}>
        <DialogContent title="New signing secret">
          {secret ? (
            <div className="space-y-4">
              <OnceShownSecret secret={secret} rotated />
              <DialogFooter>
                <DialogClose asChild>
                  <Button>Done</Button>
                </DialogClose>
              </DialogFooter>
            </div>
          ) : null}
        </DialogContent>
      </Dialog>
      <ConfirmDialog
        open={deleting}
        onOpenChange={setDeleting}
        variant="danger"
        title={`Delete ${stream.name}?`}
        description="Nothing more is sent to this endpoint and its delivery history is removed. The activity log itself is kept."
        confirmLabel="Delete stream"
        onConfirm={async () => {
          const result = await deleteAuditStreamAction(stream.id, stream.version);
          if (!result.ok) return result;
          toast.success(`Deleted ${stream.name}.`);
          if (afterDelete) router.push(afterDelete);
          else router.refresh();
        }}
      />
    </div>
  );
}
