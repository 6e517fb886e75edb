"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { TotpCodeField } from "@/components/two-factor/totp-code-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { RecoveryCodesPanel } from "@/components/two-factor/recovery-codes-panel";
import {
  disableTotpSchema,
  regenerateRecoveryCodesSchema,
  type DisableTotpInput,
  type RegenerateRecoveryCodesInput,
} from "@/lib/validations/account";
import { disableTotpAction } from "@/lib/actions/two-factor/disable-totp";
import { regenerateRecoveryCodesAction } from "@/lib/actions/two-factor/regenerate-recovery-codes";

/** New recovery codes need the password and a current code from the app (not a recovery code). */
function RegenerateForm({ onDone }: { onDone: (codes: string[]) => void }) {
  const router = useRouter();
  const { form, errors, formError, onSubmit } = useActionForm({
    resolver: zodResolver(regenerateRecoveryCodesSchema),
    defaultValues: { currentPassword: "", code: "" },
    action: (values: RegenerateRecoveryCodesInput) => regenerateRecoveryCodesAction(values),
    onSuccess: (data) => {
      onDone(data.recoveryCodes);
      // The count of codes left is the stored one: ten new ones.
      router.refresh();
    },
  });
  return (
    <ActionForm onSubmit={onSubmit} formError={formError} className="max-w-md space-y-4">
      <TextField
        id="regen-password"
        label="Current password"
        hint="Your current codes stop working once the new ones are made."
        error={errors.currentPassword?.message}
        type="password"
        autoComplete="current-password"
        {...form.register("currentPassword")}
      />
      <TotpCodeField
        id="regen-code"
        label="Code from your authenticator app"
        error={errors.code?.message}
        {...form.register("code")}
      />
      <Button type="submit" variant="secondary" loading={form.formState.isSubmitting}>
        Make new recovery codes
      </Button>
    </ActionForm>
  );
}

function DisableForm() {
  const router = useRouter();
  const { form, errors, formError, onSubmit } = useActionForm({
    resolver: zodResolver(disableTotpSchema),
    defaultValues: { currentPassword: "", code: "" },
    action: (values: DisableTotpInput) => disableTotpAction(values),
    onSuccess: () => {
      toast.success("Two-factor authentication is off.");
      router.refresh();
    },
  });
  return (
    <ActionForm onSubmit={onSubmit} formError={formError} className="max-w-md space-y-4">
      <TextField
        id="disable-password"
        label="Current password"
        error={errors.currentPassword?.message}
        type="password"
        autoComplete="current-password"
        {...form.register("currentPassword")}
      />
      <TextField
        id="disable-code"
        label="Code from your app, or a recovery code"
        error={errors.code?.message}
        autoComplete="one-time-code"
        className="max-w-56 font-mono"
        {...form.register("code")}
      />
      <Button type="submit" variant="danger" loading={form.formState.isSubmitting}>
        Turn off two-factor authentication
      </Button>
    </ActionForm>
  );
}

export function TwoFactorManage({
  productName,
  recoveryCodesLeft,
  requiredByRole,
}: {
  productName: string;
  recoveryCodesLeft: number;
  requiredByRole: string | null;
}) {
  const [panel, setPanel] = useState<"none" | "regenerate" | "disable">("none");
  const [codes, setCodes] = useState<string[] | null>(null);
  return (
    <div className="space-y-5">
      <p className="text-sm text-muted-foreground">
        <span className="font-medium text-foreground" data-testid="recovery-codes-left">
          {recoveryCodesLeft} of 10
        </span>{" "}
        recovery codes left.{recoveryCodesLeft <= 3 ? " Make a new set soon." : ""}
      </p>
      {codes ? (
        <div className="space-y-4">
          <RecoveryCodesPanel codes={codes} productName={productName} />
          <Button size="sm" onClick={() => setCodes(null)}>
            I saved my new codes
          </Button>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          size="sm"
          aria-expanded={panel === "regenerate"}
          onClick={() => setPanel(panel === "regenerate" ? "none" : "regenerate")}
        >
          New recovery codes
        </Button>
        {requiredByRole ? null : (
          <Button
            variant="ghost"
            size="sm"
            className="text-danger!"
            aria-expanded={panel === "disable"}
            onClick={() => setPanel(panel === "disable" ? "none" : "disable")}
          >
            Turn off…
          </Button>
        )}
      </div>
      {requiredByRole ? (
        <p className="text-sm text-muted-foreground">
          Your role {requiredByRole} requires two-factor authentication, so it cannot be turned off.
        </p>
      ) : null}
      {panel === "regenerate" ? (
        <RegenerateForm
          onDone={(c) => {
            setCodes(c);
            setPanel("none");
          }}
        />
      ) : null}
      {panel === "disable" ? <DisableForm /> : null}
    </div>
  );
}
