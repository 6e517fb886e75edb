"use client";
// Settings → Sign-in methods → Passkeys: the list (name, synced or device-bound, created, last
// used), "Add a passkey" (components/passkeys/add-passkey-dialog.tsx, shared with the 2FA set-up),
// rename in a dialog and remove behind a confirmation. The server decides every rule; a refusal it
// would give for removal is shown beforehand.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Fingerprint, KeyRound, Pencil, Trash2 } from "lucide-react";
import { AddPasskeyDialog } from "@/components/passkeys/add-passkey-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { TextField } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { removePasskeyAction } from "@/lib/actions/passkeys/remove-passkey";
import { renamePasskeyAction } from "@/lib/actions/passkeys/rename-passkey";
import type { OwnPasskey } from "@/lib/data/passkeys/list-own-passkeys";
import { formatDateTime } from "@/lib/format";
import { PASSKEY_NAME_MAX } from "@/lib/validations/passkeys";

type Props = {
  passkeys: OwnPasskey[];
  now: Date;
  addNeedsPassword: boolean;
  removalRefusal: string | null;
  requiredByRole: string | null;
};

export function PasskeysCard({ passkeys, now, addNeedsPassword, removalRefusal, requiredByRole }: Props) {
  const add = <AddPasskeyDialog needsPassword={addNeedsPassword} />;
  return (
    <Card>
      <CardHeader
        title="Passkeys"
        description={
          <>
            Sign in with your fingerprint, face or device PIN instead of a password. A passkey also works as your second
            factor{requiredByRole ? `, which your role ${requiredByRole} requires` : ""}.
          </>
        }
        action={passkeys.length ? add : null}
      />
      {passkeys.length ? (
        <ul className="divide-y divide-border" aria-label="Passkeys">
          {passkeys.map((p) => (
            <li
              key={p.id}
              className="flex flex-col gap-3 px-6 py-4 sm:flex-row sm:items-center sm:justify-between"
              data-testid="passkey-row"
            >
              <div className="flex min-w-0 items-start gap-3">
                <div className="mt-0.5 flex size-9 shrink-0 items-center justify-center rounded-full bg-brand-soft">
                  <Fingerprint className="size-4 text-brand" aria-hidden="true" />
                </div>
                <div className="min-w-0">
                  <p className="flex flex-wrap items-center gap-2 font-medium text-foreground">
                    <span className="truncate">{p.name}</span>
                    {p.deviceType === "multiDevice" ? (
                      <Badge tone="info">Synced</Badge>
                    ) : (
                      <Badge tone="neutral">This device only</Badge>
                    )}
                  </p>
                  <p className="mt-0.5 text-sm text-muted-foreground">
                    Added <RelativeTime date={p.createdAt} now={now} /> ·{" "}
                    {p.lastUsedAt ? (
                      <>
                        last used <RelativeTime date={p.lastUsedAt} now={now} />
                      </>
                    ) : (
                      "never used"
                    )}
                  </p>
                </div>
              </div>
              <div className="flex shrink-0 gap-2">
                <RenamePasskeyDialog passkey={p} />
                <RemovePasskeyButton passkey={p} refusal={removalRefusal} />
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState
          icon={KeyRound}
          title="No passkeys yet"
          description="Add one to sign in without typing your password. It stays on your device or in your password manager; we only keep its public key."
          action={add}
        />
      )}
    </Card>
  );
}

function RenamePasskeyDialog({ passkey }: { passkey: OwnPasskey }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "").trim();
    if (!name) return setError("Name the passkey.");
    setPending(true);
    try {
      const result = await renamePasskeyAction({ passkeyId: passkey.id, name });
      if (!result.ok) return setError(result.fieldErrors?.name?.[0] ?? result.error);
      toast.success(`Renamed to “${result.data.name}”.`);
      setOpen(false);
      router.refresh();
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm" aria-label={`Rename ${passkey.name}`}>
          <Pencil className="size-3.5" aria-hidden="true" />
          Rename
        </Button>
      </DialogTrigger>
      <DialogContent title="Rename passkey">
        <form onSubmit={onSubmit} noValidate className="space-y-5">
          <TextField
            id={`rename-${passkey.id}`}
            name="name"
            label="Name"
            defaultValue={passkey.name}
            maxLength={PASSKEY_NAME_MAX}
            autoComplete="off"
            error={error ?? undefined}
            required
            autoFocus
          />
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary" type="button">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" loading={pending}>
              Save
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function RemovePasskeyButton({ passkey, refusal }: { passkey: OwnPasskey; refusal: string | null }) {
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" size="sm" aria-label={`Remove ${passkey.name}`}>
          <Trash2 className="size-3.5" aria-hidden="true" />
          Remove
        </Button>
      }
      title={`Remove “${passkey.name}”?`}
      description={
        refusal ??
        `It will no longer sign you in. Added ${formatDateTime(passkey.createdAt)}. The passkey itself stays on your device until you delete it there.`
      }
      variant="danger"
      confirmLabel="Remove passkey"
      confirmDisabled={refusal !== null}
      onConfirm={async () => {
        const result = await removePasskeyAction({ passkeyId: passkey.id });
        if (!result.ok) return result;
        toast.success(`Removed ${passkey.name}.`);
        router.refresh();
      }}
    />
  );
}
