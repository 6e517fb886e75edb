"use client";
// "Create API key": name, scopes (grouped checkboxes of what the key may hold) and expiry, validated
// with the same schema as the server; on success the dialog turns into the once-shown key. A session
// that signed in more than 15 minutes ago confirms with the password (the field shows when the page
// says so, or when the server asks for it).
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { KeyRound } from "lucide-react";
import { OnceShownKey } from "@/components/api-keys/once-shown-key";
import { ScopePicker } from "@/components/api-keys/scope-picker";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { Select } from "@/components/ui/select";
import { TextField } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { applyActionErrors } from "@/components/ui/use-action-form";
import { createApiKeyAction } from "@/lib/actions/api-keys/create-api-key";
import { createServiceAccountKeyAction } from "@/lib/actions/api-keys/create-service-account-key";
import type { ActionResult } from "@/lib/actions/run-action";
import type { Permission } from "@/lib/rbac/permissions";
import { apiKeyFormSchema, expiryFromForm, type ApiKeyFormValues } from "@/lib/validations/api-key";

const EXPIRY_OPTIONS = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "never", label: "No expiry" },
  { value: "custom", label: "On a date…" },
];

const DEFAULTS: ApiKeyFormValues = { name: "", scopes: [], expiry: "90", customDate: "", currentPassword: "" };

export function CreateApiKeyDialog({
  available,
  serviceAccountId,
  triggerLabel = "Create API key",
  needsPassword = false,
}: {
  available: readonly Permission[];
  /** The session signed in over 15 minutes ago: ask for the password (lib/auth/confirm-recent-or-password.ts). */
  needsPassword?: boolean;
  /** Make the key for this service account (admins) instead of for oneself. */
  serviceAccountId?: string;
  triggerLabel?: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [askPassword, setAskPassword] = useState(needsPassword);
  const form = useForm<ApiKeyFormValues>({ resolver: zodResolver(apiKeyFormSchema), defaultValues: DEFAULTS });
  const expiry = useWatch({ control: form.control, name: "expiry" });
  const { errors, isSubmitting } = form.formState;

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      if (created) router.refresh();
      setCreated(null);
      setFormError(null);
      form.reset(DEFAULTS);
    }
  }

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    const input = {
      name: values.name,
      scopes: values.scopes,
      expiresAt: expiryFromForm(values),
      currentPassword: askPassword ? values.currentPassword : undefined,
    };
    const result: ActionResult<{ key: string; name: string }> = serviceAccountId
      ? await createServiceAccountKeyAction({ ...input, serviceAccountId })
      : await createApiKeyAction(input);
    if (result.ok) {
      setCreated({ key: result.data.key, name: result.data.name });
      toast.success(`Created ${result.data.name}.`);
      return;
    }
    if (result.fieldErrors?.currentPassword) setAskPassword(true);
    const mapped = result.fieldErrors?.expiresAt
      ? {
          ...result,
          fieldErrors: {
            ...result.fieldErrors,
            [expiry === "custom" ? "customDate" : "expiry"]: result.fieldErrors.expiresAt,
          },
        }
      : result;
    setFormError(applyActionErrors(form, mapped));
  });

  // The date picker's bounds, fixed when the dialog mounts (the server checks the real bounds).
  const [bounds] = useState(() => {
    const now = new Date();
    return {
      today: now.toISOString().slice(0, 10),
      lastDay: new Date(now.getTime() + 365 * 86_400_000).toISOString().slice(0, 10),
    };
  });

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <KeyRound className="size-4" aria-hidden="true" />
          {triggerLabel}
        </Button>
      </DialogTrigger>
      <DialogContent
        size="lg"
        title={created ? "Your new API key" : "Create API key"}
        description={created ? undefined : "Give the key only the scopes the integration needs."}
      >
        {created ? (
          <>
            <OnceShownKey secret={created.key} name={created.name} />
            <DialogFooter>
              <DialogClose asChild>
                <Button>Done</Button>
              </DialogClose>
            </DialogFooter>
          </>
        ) : available.length === 0 ? (
          <Alert tone="info" title="Nothing to grant">
            There are no permissions this key could hold.
          </Alert>
        ) : (
          <form onSubmit={submit} noValidate className="space-y-5">
            {formError ? <Alert tone="danger">{formError}</Alert> : null}
            <TextField
              id="api-key-name"
              label="Name"
              hint="What uses it, e.g. “Warehouse sync”."
              autoComplete="off"
              maxLength={80}
              error={errors.name?.message}
              {...form.register("name")}
            />
            <Controller
              control={form.control}
              name="scopes"
              render={({ field }) => (
                <ScopePicker
                  available={available}
                  value={field.value}
                  onChange={field.onChange}
                  error={errors.scopes?.message}
                />
              )}
            />
            <div className="grid gap-4 sm:grid-cols-2">
              <Select
                id="api-key-expiry"
                label="Expires"
                options={EXPIRY_OPTIONS}
                invalid={!!errors.expiry}
                {...form.register("expiry")}
              />
              {expiry === "custom" ? (
                <TextField
                  id="api-key-date"
                  label="Expiry date"
                  type="date"
                  min={bounds.today}
                  max={bounds.lastDay}
                  error={errors.customDate?.message}
                  hint="The key works until the end of this day (UTC)."
                  {...form.register("customDate")}
                />
              ) : null}
            </div>
            {askPassword ? (
              <TextField
                id="api-key-password"
                label="Your password"
                type="password"
                autoComplete="current-password"
                hint="You signed in more than 15 minutes ago: confirm it is you before making a key."
                error={errors.currentPassword?.message}
                {...form.register("currentPassword")}
              />
            ) : null}
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="secondary">Cancel</Button>
              </DialogClose>
              <Button type="submit" loading={isSubmitting}>
                Create key
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
