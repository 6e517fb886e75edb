"use client";
import { useState, useTransition } from "react";
import { ProviderIcon } from "@/components/auth/provider-icon";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RelativeTime } from "@/components/ui/relative-time";
import { toast } from "@/components/ui/toast";
import { startExternalLinkAction } from "@/lib/actions/sign-in-methods/start-external-link";
import { unlinkAccountAction } from "@/lib/actions/sign-in-methods/unlink-account";

export type LinkedAccountItem = {
  id: string;
  provider: string;
  providerName: string;
  email: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  /** False: the provider is no longer configured, or OIDC now points at another issuer. */
  usable: boolean;
};

export function LinkedAccountsList({
  accounts,
  providers,
  lastMethod,
  justLinked,
  now,
}: {
  accounts: LinkedAccountItem[];
  providers: { id: string; name: string }[];
  /** The only usable linked identity is also the account's only way to sign in. */
  lastMethod: boolean;
  justLinked: string | null;
  now: string;
}) {
  const [linkError, setLinkError] = useState<string | null>(null);
  const [linking, startLinking] = useTransition();
  const [linkingId, setLinkingId] = useState<string | null>(null);
  const nowDate = new Date(now);

  function link(providerId: string) {
    setLinkingId(providerId);
    startLinking(async () => {
      setLinkError(null);
      const result = await startExternalLinkAction(providerId);
      if (result.ok) window.location.assign(result.data.redirectTo);
      else {
        setLinkError(result.error);
        setLinkingId(null);
      }
    });
  }

  return (
    <div>
      {justLinked ? (
        <div className="px-6 pt-5">
          <Alert tone="success" title={`${justLinked} is linked.`}>
            You can sign in with it from now on.
          </Alert>
        </div>
      ) : null}
      {linkError ? (
        <div className="px-6 pt-5">
          <Alert tone="danger" title={linkError} />
        </div>
      ) : null}
      <ul className="divide-y divide-border" aria-label="Linked accounts">
        {accounts.map((a) => (
          <li
            key={a.id}
            className="flex flex-col gap-3 px-6 py-4 sm:flex-row sm:items-center sm:justify-between"
            data-testid="linked-account"
          >
            <div className="flex min-w-0 items-start gap-3">
              <span className="mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-lg border border-border bg-muted">
                <ProviderIcon provider={a.provider} />
              </span>
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-foreground">
                  {a.providerName}
                  {a.usable ? null : (
                    <Badge
                      tone="warning"
                      title="The provider is no longer set up here, or now points at another issuer."
                    >
                      No longer signs in
                    </Badge>
                  )}
                </p>
                <p className="truncate text-sm text-muted-foreground">{a.email ?? "No email shared"}</p>
                <p className="mt-0.5 text-xs text-muted-foreground">
                  Linked <RelativeTime date={new Date(a.createdAt)} now={nowDate} />
                  {a.lastUsedAt ? (
                    <>
                      {" · "}last used <RelativeTime date={new Date(a.lastUsedAt)} now={nowDate} />
                    </>
                  ) : (
                    " · not used yet"
                  )}
                </p>
              </div>
            </div>
            <ConfirmDialog
              trigger={
                <Button variant="secondary" size="sm" aria-label={`Unlink ${a.providerName}`}>
                  Unlink
                </Button>
              }
              title={`Unlink ${a.providerName}?`}
              description={
                lastMethod && a.usable
                  ? "This is your only way to sign in. Set a password or add a passkey first."
                  : a.usable
                    ? `You will no longer be able to sign in with ${a.providerName} until you link it again.`
                    : `This link no longer signs in; removing it changes nothing else.`
              }
              confirmLabel="Unlink"
              variant="danger"
              confirmDisabled={lastMethod && a.usable}
              onConfirm={async () => {
                const result = await unlinkAccountAction(a.id);
                if (result.ok) toast.success(`${a.providerName} is unlinked.`);
                return result.ok ? { ok: true } : { ok: false, error: result.error };
              }}
            />
          </li>
        ))}
      </ul>
      {providers.length > 0 ? (
        <div className="flex flex-wrap gap-2 border-t border-border px-6 py-4">
          {providers.map((p) => (
            <Button
              key={p.id}
              variant="secondary"
              size="sm"
              onClick={() => link(p.id)}
              loading={linking && linkingId === p.id}
              disabled={linking}
            >
              <ProviderIcon provider={p.id} />
              Link {p.name}
            </Button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
