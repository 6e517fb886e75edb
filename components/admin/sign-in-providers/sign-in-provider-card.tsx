"use client";
import { useState, useTransition } from "react";
import { ProviderIcon } from "@/components/auth/provider-icon";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { toast } from "@/components/ui/toast";
import { updateSignInProviderAction } from "@/lib/actions/sign-in-methods/update-sign-in-provider";

export type SignInProviderItem = {
  id: "oidc" | "github" | "google";
  name: string;
  allowSignUp: boolean;
  trustProviderMfa: boolean;
  linkedAccounts: number;
  callbackUrl: string;
};

function Toggle({
  id,
  label,
  hint,
  checked,
  disabled,
  onChange,
}: {
  id: string;
  label: string;
  hint: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label htmlFor={id} className="flex items-start gap-3 text-sm text-foreground">
      <input
        id={id}
        type="checkbox"
        className="mt-0.5 size-4 shrink-0 rounded border-border accent-[var(--brand)]"
        checked={checked}
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      <span>
        <span className="font-medium">{label}</span>
        <span id={`${id}-hint`} className="mt-0.5 block text-muted-foreground">
          {hint}
        </span>
      </span>
    </label>
  );
}

export function SignInProviderCard({ provider, readOnly }: { provider: SignInProviderItem; readOnly: boolean }) {
  const [allowSignUp, setAllowSignUp] = useState(provider.allowSignUp);
  const [trustProviderMfa, setTrust] = useState(provider.trustProviderMfa);
  const [saving, startSaving] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const changed = allowSignUp !== provider.allowSignUp || trustProviderMfa !== provider.trustProviderMfa;

  function save() {
    startSaving(async () => {
      setError(null);
      const result = await updateSignInProviderAction({ provider: provider.id, allowSignUp, trustProviderMfa });
      if (result.ok) toast.success(`${provider.name}: settings saved.`);
      else setError(result.error);
    });
  }

  return (
    <Card data-testid={`sign-in-provider-${provider.id}`}>
      <CardHeader
        title={
          <span className="flex items-center gap-2">
            <ProviderIcon provider={provider.id} /> {provider.name}
          </span>
        }
        description={
          <>
            Callback URL to register at the provider:{" "}
            <code className="break-all rounded bg-muted px-1 py-0.5 text-xs">{provider.callbackUrl}</code>
          </>
        }
        action={
          <Badge tone="neutral">
            {provider.linkedAccounts} linked account{provider.linkedAccounts === 1 ? "" : "s"}
          </Badge>
        }
      />
      <CardBody className="space-y-4">
        <Toggle
          id={`${provider.id}-allow-sign-up`}
          label="Allow new accounts"
          hint="People without an account can create one by signing in with this provider. Off: only accounts that linked it can use it."
          checked={allowSignUp}
          disabled={readOnly || saving}
          onChange={setAllowSignUp}
        />
        <Toggle
          id={`${provider.id}-trust-mfa`}
          label="Trust this provider's multi-factor sign-in"
          hint="When the provider reports MFA (amr/acr), that counts as the second factor, also for roles that require two-factor authentication. Turn on only if the provider enforces MFA itself."
          checked={trustProviderMfa}
          disabled={readOnly || saving || provider.id === "github"}
          onChange={setTrust}
        />
        {provider.id === "github" ? (
          <p className="text-xs text-muted-foreground">
            GitHub reports no MFA claim: its sign-ins never count as two factors.
          </p>
        ) : null}
        {error ? (
          <p className="text-sm text-danger" role="alert">
            {error}
          </p>
        ) : null}
        <div className="flex justify-end">
          <Button onClick={save} loading={saving} disabled={readOnly || !changed}>
            Save
          </Button>
        </div>
      </CardBody>
    </Card>
  );
}
