"use client";
// Runs an admin server action from a dialog or button: a success toast and a refresh of the page's
// server components, or the action's error handed back (ConfirmDialog shows it in place).
import { useRouter } from "next/navigation";
import { useCallback } from "react";
import type { ConfirmOutcome } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/run-action";

export function useAdminAction() {
  const router = useRouter();
  return useCallback(
    async <T,>(action: () => Promise<ActionResult<T>>, success: string | ((data: T) => string)): Promise<ConfirmOutcome> => {
      const result = await action();
      if (!result.ok) return { ok: false, error: result.error };
      toast.success(typeof success === "function" ? success(result.data) : success);
      router.refresh();
      return { ok: true };
    },
    [router],
  );
}
