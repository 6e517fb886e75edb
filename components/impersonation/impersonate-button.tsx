"use client";
// "Impersonate" on a user's admin page: asks for the reason, says what will happen (30 minutes at
// most, the person is emailed, some settings stay locked), then starts and loads the app as them.
import { VenetianMask } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { startImpersonationAction } from "@/lib/actions/impersonation/start-impersonation";
import {
  IMPERSONATION_MINUTES,
  IMPERSONATION_REASON_MAX,
  IMPERSONATION_REASON_MIN,
} from "@/lib/validations/impersonation";

export function ImpersonateButton({ userId, name }: { userId: string; name: string }) {
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" size="sm">
          <VenetianMask className="size-4" aria-hidden="true" /> Impersonate
        </Button>
      }
      title={`Act as ${name}?`}
      description={
        <>
          You will see the app as {name} does and can act within their permissions for at most {IMPERSONATION_MINUTES}{" "}
          minutes. Everything you do is recorded under both your names, and {name} is emailed the reason when you
          stop. Passwords, two-factor settings, the email address and roles stay locked.
        </>
      }
      confirmLabel="Start impersonating"
      input={{
        label: "Reason",
        placeholder: "e.g. Reproducing ticket #123: the board does not load",
        hint: `Required, ${IMPERSONATION_REASON_MIN}–${IMPERSONATION_REASON_MAX} characters. ${name} will see it.`,
        multiline: true,
        maxLength: IMPERSONATION_REASON_MAX,
      }}
      onConfirm={async (reason) => {
        if (reason.length < IMPERSONATION_REASON_MIN) {
          return { ok: false, error: `Give a reason of at least ${IMPERSONATION_REASON_MIN} characters.` };
        }
        const result = await startImpersonationAction({ userId, reason });
        if (!result.ok) return { ok: false, error: result.fieldErrors?.reason?.[0] ?? result.error };
        // A full load, so nothing rendered for the admin stays in the client's cache; the dialog
        // keeps its pending state until the new page replaces this one.
        window.location.assign(result.data.redirectTo);
        return new Promise<never>(() => {});
      }}
    />
  );
}
