"use client";
// "Add a passkey": a name, the password when the server wants it, then the browser's prompt. Used
// by Settings → Sign-in methods and by the 2FA set-up a role requires (where the new passkey is the
// second factor and releases the held-back session). The server decides every rule; when it asks
// for the password although the page did not expect it (the sign-in grew too old meanwhile), the
// field appears with its message. @simplewebauthn/browser loads when the dialog opens, not with the page.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { KeyRound } from "lucide-react";
import { passkeyBrowserError, suggestedPasskeyName } from "@/components/passkeys/passkey-browser-error";
import { Alert } from "@/components/ui/alert";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { beginPasskeyRegistrationAction } from "@/lib/actions/passkeys/begin-passkey-registration";
import { finishPasskeyRegistrationAction } from "@/lib/actions/passkeys/finish-passkey-registration";
import { PASSKEY_NAME_MAX } from "@/lib/validations/passkeys";

type Props = {
  /** Ask for the current password up front (an account with one, where the server requires it). */
  needsPassword: boolean;
  /** The trigger button's text (and the dialog's title stays "Add a passkey"). */
  triggerLabel?: string;
  triggerVariant?: ButtonProps["variant"];
  /**
   * What happens once the passkey is stored, with the dialog left open and busy (a caller that
   * navigates away); by default the dialog closes with a toast and the page's data is refreshed.
   */
  onAdded?: (passkey: { id: string; name: string }) => void;
};

export function AddPasskeyDialog({
  needsPassword,
  triggerLabel = "Add a passkey",
  triggerVariant = "primary",
  onAdded,
}: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [supported, setSupported] = useState(true);
  const [pending, setPending] = useState(false);
  const [handedOver, setHandedOver] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ name?: string; currentPassword?: string }>({});
  const [defaultName, setDefaultName] = useState("Passkey");
  const [serverAskedPassword, setServerAskedPassword] = useState(false);
  const askPassword = needsPassword || serverAskedPassword;

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (next) {
      // A failed load is reported by Continue (the prompt cannot start), not here.
      import("@simplewebauthn/browser").then(
        (m) => setSupported(m.browserSupportsWebAuthn()),
        () => undefined,
      );
      setDefaultName(suggestedPasskeyName(navigator.userAgent));
    } else {
      setError(null);
      setFieldErrors({});
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get("name") ?? "").trim();
    const currentPassword = String(form.get("currentPassword") ?? "");
    setError(null);
    setFieldErrors({});
    if (!name) return setFieldErrors({ name: "Name the passkey." });
    if (askPassword && !currentPassword) return setFieldErrors({ currentPassword: "Enter your current password." });
    setPending(true);
    try {
      const begun = await beginPasskeyRegistrationAction(askPassword ? { currentPassword } : {});
      if (!begun.ok) {
        const passwordError = begun.fieldErrors?.currentPassword?.[0];
        if (passwordError) setServerAskedPassword(true);
        setFieldErrors({ currentPassword: passwordError });
        if (!passwordError) setError(begun.error);
        return;
      }
      let response;
      try {
        const { startRegistration } = await import("@simplewebauthn/browser");
        response = await startRegistration({ optionsJSON: begun.data });
      } catch (e) {
        setError(passkeyBrowserError(e, "create"));
        return;
      }
      const finished = await finishPasskeyRegistrationAction({ name, response });
      if (!finished.ok) {
        setFieldErrors({ name: finished.fieldErrors?.name?.[0] });
        setError(finished.fieldErrors?.name ? null : finished.error);
        return;
      }
      if (onAdded) {
        setHandedOver(true);
        onAdded(finished.data);
      } else {
        toast.success(`Added the passkey “${finished.data.name}”.`);
        setOpen(false);
        router.refresh();
      }
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant={triggerVariant}>
          <KeyRound className="size-4" aria-hidden="true" />
          {triggerLabel}
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Add a passkey"
        description="Your browser will ask you to confirm with your fingerprint, face, PIN or a security key."
      >
        {!supported ? (
          <Alert tone="warning" title="Passkeys are not available here">
            This browser cannot create passkeys. Try a current version of Chrome, Safari, Firefox or Edge.
          </Alert>
        ) : (
          <form onSubmit={onSubmit} noValidate className="space-y-5">
            {error ? <Alert tone="danger">{error}</Alert> : null}
            <TextField
              id="passkey-name"
              name="name"
              label="Name"
              hint="So you can tell your passkeys apart, e.g. “Work laptop”."
              defaultValue={defaultName}
              key={defaultName}
              maxLength={PASSKEY_NAME_MAX}
              autoComplete="off"
              error={fieldErrors.name}
              required
            />
            {askPassword ? (
              <TextField
                id="passkey-current-password"
                name="currentPassword"
                type="password"
                label="Current password"
                hint="Adding a way to sign in needs your password."
                autoComplete="current-password"
                error={fieldErrors.currentPassword}
                required
              />
            ) : null}
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="secondary" type="button">
                  Cancel
                </Button>
              </DialogClose>
              <Button type="submit" loading={pending || handedOver}>
                Continue
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
