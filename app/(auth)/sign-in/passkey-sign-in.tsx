"use client";
// "Continue with a passkey" (worded like the provider buttons; a name containing "Sign in" would
// also match the password form's button in every spec that looks for it): username-less (the browser offers this site's passkeys), user
// verification required. @simplewebauthn/browser loads only when the button is pressed, so the
// sign-in page's first load stays small. "Remember me" is read from the password form's checkbox.
import { Fingerprint } from "lucide-react";
import { useState, useTransition } from "react";
import { passkeyBrowserError } from "@/components/passkeys/passkey-browser-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { beginPasskeySignInAction } from "@/lib/actions/passkeys/begin-passkey-sign-in";
import { signInWithPasskeyAction } from "@/lib/actions/passkeys/sign-in-with-passkey";

export function PasskeySignIn({ next, remember }: { next?: string; remember: () => boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function signIn() {
    startTransition(async () => {
      setError(null);
      const { browserSupportsWebAuthn, startAuthentication } = await import("@simplewebauthn/browser");
      if (!browserSupportsWebAuthn()) {
        setError("This browser cannot use passkeys. Sign in with your password instead.");
        return;
      }
      const begun = await beginPasskeySignInAction();
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
      const result = await signInWithPasskeyAction({ response, remember: remember() }, next);
      if (result.ok) {
        window.location.assign(result.data.redirectTo);
        return;
      }
      setError(result.error);
    });
  }

  return (
    <div className="space-y-3">
      {error ? <Alert tone="danger" title={error} /> : null}
      <Button type="button" variant="secondary" size="lg" className="w-full" loading={pending} onClick={signIn}>
        <Fingerprint className="size-4" aria-hidden="true" />
        Continue with a passkey
      </Button>
    </div>
  );
}
