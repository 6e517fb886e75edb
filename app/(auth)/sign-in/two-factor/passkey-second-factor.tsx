"use client";
// "Use a passkey" as the second step of a password sign-in: the browser is asked for one of the
// account's own passkeys (the server lists them); success completes the sign-in like a code.
import { Fingerprint } from "lucide-react";
import { useState, useTransition } from "react";
import { passkeyBrowserError } from "@/components/passkeys/passkey-browser-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { beginPasskeySecondFactorAction } from "@/lib/actions/passkeys/begin-passkey-second-factor";
import { completeSecondFactorWithPasskeyAction } from "@/lib/actions/passkeys/complete-second-factor-with-passkey";

export function PasskeySecondFactor({ next, primary }: { next?: string; primary: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function use() {
    startTransition(async () => {
      setError(null);
      const { startAuthentication } = await import("@simplewebauthn/browser");
      const begun = await beginPasskeySecondFactorAction();
      if (!begun.ok) {
        setError(begun.error);
        return;
      }
      let response;
      try {
        response = await startAuthentication({ optionsJSON: begun.data });
      } catch (e) {
        setError(passkeyBrowserError(e, "get"));
        return;
      }
      const result = await completeSecondFactorWithPasskeyAction(response, next);
      if (result.ok) {
        window.location.assign(result.data.redirectTo);
        return;
      }
      setError(result.fieldErrors?.response?.[0] ?? result.error);
    });
  }

  return (
    <div className="space-y-3">
      {error ? <Alert tone="danger" title={error} /> : null}
      <Button
        type="button"
        variant={primary ? "primary" : "secondary"}
        size="lg"
        className="w-full"
        loading={pending}
        onClick={use}
        autoFocus={primary}
      >
        <Fingerprint className="size-4" aria-hidden="true" />
        Use a passkey
      </Button>
    </div>
  );
}
