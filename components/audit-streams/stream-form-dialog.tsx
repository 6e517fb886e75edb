"use client";
// Add or edit a stream in a dialog: react-hook-form with the server's own rules
// (auditStreamFormSchema) in the browser, the action's field errors inline (an internal address on
// the URL field), and, when editing, the version the dialog opened with, so a save over someone
// else's change is refused with a "reload" message. A new stream's secret is shown in the dialog.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { z } from "zod";
import { OnceShownSecret } from "@/components/audit-streams/once-shown-secret";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Field, describedBy } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { TextField } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { useActionForm } from "@/components/ui/use-action-form";
import { createAuditStreamAction } from "@/lib/actions/audit-streams/create-audit-stream";
import { updateAuditStreamAction } from "@/lib/actions/audit-streams/update-audit-stream";
import { cn } from "@/lib/cn";
import {
  AUDIT_STREAM_LIMITS,
  auditStreamEditFormSchema,
  auditStreamFormSchema,
  splitActionPatterns,
  type AuditStreamJson,
} from "@/lib/validations/audit-stream";

type FormValues = z.input<typeof auditStreamFormSchema>;

const OUTCOMES = [
  { value: "", label: "Any outcome" },
  { value: "success", label: "Successes only" },
  { value: "failure", label: "Failures only" },
];

function initialValues(stream: AuditStreamJson | null): FormValues {
  return {
    name: stream?.name ?? "",
    // Never the stored URL (it may hold a token and does not leave the server): empty keeps it.
    url: "",
    actions: stream?.filter.actions.join(", ") ?? "",
    outcome: stream?.filter.outcome ?? "",
  };
}

function StreamForm({
  stream,
  onSaved,
}: {
  stream: AuditStreamJson | null;
  onSaved: (saved: AuditStreamJson, secret: string | null) => void;
}) {
  const { form, errors, formError, onSubmit } = useActionForm<
    FormValues,
    FormValues,
    { stream: AuditStreamJson; secret: string | null }
  >({
    resolver: zodResolver(stream ? auditStreamEditFormSchema : auditStreamFormSchema),
    mode: "onTouched",
    defaultValues: initialValues(stream),
    action: async (values) => {
      const input = {
        name: values.name,
        url: values.url,
        actions: splitActionPatterns(values.actions.toLowerCase()),
        outcome: values.outcome || undefined,
      };
      if (!stream) return createAuditStreamAction(input);
      const result = await updateAuditStreamAction(stream.id, stream.version, {
        ...input,
        url: values.url || undefined,
        outcome: values.outcome || null,
      });
      return result.ok ? { ok: true, data: { stream: result.data, secret: null } } : result;
    },
    onSuccess: (data) => onSaved(data.stream, data.secret),
  });
  const id = stream ? `stream-${stream.id}` : "stream-new";
  const { register } = form;
  const stale = formError && /changed since you loaded it/.test(formError);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={stream ? "Edit stream" : "New stream"}>
      <TextField
        id={`${id}-name`}
        label="Name"
        autoComplete="off"
        placeholder="Splunk production"
        maxLength={AUDIT_STREAM_LIMITS.name}
        error={errors.name?.message}
        {...register("name")}
      />
      <TextField
        id={`${id}-url`}
        label="Endpoint URL"
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        placeholder={stream ? stream.urlDisplay : "https://siem.example.com/opsdeck"}
        hint={
          stream
            ? "Leave empty to keep the current URL (shown shortened: its token is never displayed)."
            : "HTTPS only. Addresses inside this network are refused. Kept encrypted; shown shortened."
        }
        error={errors.url?.message}
        {...register("url")}
      />
      <Field
        id={`${id}-actions`}
        label="Actions"
        hint="Optional. Exact actions or whole groups, separated by commas: auth.*, customer.deleted. Empty sends every action."
        error={errors.actions?.message}
      >
        <textarea
          id={`${id}-actions`}
          rows={2}
          spellCheck={false}
          aria-invalid={!!errors.actions || undefined}
          aria-describedby={describedBy(`${id}-actions`, errors.actions?.message, true)}
          className={cn(
            "block w-full rounded-lg border bg-surface px-3 py-2 font-mono text-sm text-foreground shadow-sm transition",
            "placeholder:text-muted-foreground/70 focus:outline-none focus:ring-2",
            errors.actions
              ? "border-danger focus:border-danger focus:ring-danger/30"
              : "border-border focus:border-brand focus:ring-brand/30",
          )}
          placeholder="auth.*, audit_stream.*"
          {...register("actions")}
        />
      </Field>
      <Select
        id={`${id}-outcome`}
        label="Outcome"
        options={OUTCOMES}
        invalid={!!errors.outcome}
        {...register("outcome")}
      />
      {formError ? (
        <p role="alert" className="rounded-lg bg-danger-soft px-3 py-2 text-sm text-danger">
          {formError}
          {stale ? " Close this dialog and open the stream again to see the current version." : null}
        </p>
      ) : null}
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="secondary" disabled={form.formState.isSubmitting}>
            Cancel
          </Button>
        </DialogClose>
        <Button type="submit" loading={form.formState.isSubmitting}>
          {stream ? "Save changes" : "Add stream"}
        </Button>
      </DialogFooter>
    </form>
  );
}

export function StreamFormDialog({
  open,
  onOpenChange,
  stream,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The stream to edit; null to add one. */
  stream: AuditStreamJson | null;
}) {
  const router = useRouter();
  const [secret, setSecret] = useState<string | null>(null);
  function change(next: boolean) {
    // The list is refreshed once the secret has been seen: refreshing while it is shown would
    // re-render the page under the dialog (the empty state that holds this dialog disappears).
    if (!next && secret) router.refresh();
    if (!next) setSecret(null);
    onOpenChange(next);
  }
  return (
    <Dialog open={open} onOpenChange={change}>
      <DialogContent
        title={secret ? "Stream added" : stream ? `Edit ${stream.name}` : "Add an audit stream"}
        description={
          secret
            ? undefined
            : "Events are sent in order, one signed POST each, and retried until the endpoint accepts them."
        }
      >
        {secret ? (
          <div className="space-y-4">
            <OnceShownSecret secret={secret} />
            <DialogFooter>
              <DialogClose asChild>
                <Button>Done</Button>
              </DialogClose>
            </DialogFooter>
          </div>
        ) : (
          <StreamForm
            stream={stream}
            onSaved={(saved, newSecret) => {
              if (newSecret) {
                toast.success(`Added ${saved.name}.`);
                setSecret(newSecret);
              } else {
                toast.success(`Saved ${saved.name}.`);
                router.refresh();
                change(false);
              }
            }}
          />
        )}
      </DialogContent>
    </Dialog>
  );
}
