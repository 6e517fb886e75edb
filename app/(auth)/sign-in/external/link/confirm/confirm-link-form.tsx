"use client";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { confirmExternalLinkEmailAction } from "@/lib/actions/sign-in-methods/prove-external-link";

export function ConfirmLinkForm({ token }: { token: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="space-y-4">
      {error ? <Alert tone="danger" title={error} /> : null}
      <Button
        className="w-full"
        size="lg"
        loading={pending}
        onClick={() =>
          start(async () => {
            const result = await confirmExternalLinkEmailAction(token);
            if (result.ok) window.location.assign(result.data.redirectTo);
            else setError(result.error);
          })
        }
      >
        Link and sign in
      </Button>
    </div>
  );
}
