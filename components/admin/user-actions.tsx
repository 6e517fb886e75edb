"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { resetUserTwoFactorAction, revokeUserSessionsAction } from "@/app/(app)/admin/actions";

export function UserActions({ userId, name, twoFactor, sessions, self }: { userId: string; name: string; twoFactor: boolean; sessions: number; self: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const run = (confirmText: string, action: () => Promise<{ ok: true } | { ok: false; error: string }>, done: string) =>
    start(async () => {
      if (!window.confirm(confirmText)) return;
      const result = await action();
      if (result.ok) toast.success(done);
      else toast.error(result.error);
      router.refresh();
    });
  return (
    <div className="flex justify-end gap-2">
      <Button
        variant="secondary"
        size="sm"
        disabled={pending || sessions === 0 || self}
        title={self ? "Use Settings → Sessions for your own sessions" : undefined}
        onClick={() => run(`Sign ${name} out of every device?`, () => revokeUserSessionsAction(userId), `${name} was signed out everywhere.`)}
      >
        Sign out everywhere
      </Button>
      <Button
        variant="secondary"
        size="sm"
        disabled={pending || !twoFactor || self}
        onClick={() => run(`Remove two-factor authentication from ${name}? They will be signed out and must set it up again.`, () => resetUserTwoFactorAction(userId), `Two-factor authentication of ${name} was reset.`)}
      >
        Reset 2FA
      </Button>
    </div>
  );
}
