"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { Button, type ButtonProps } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/run-action";

type Props<T> = Omit<ButtonProps, "onClick" | "loading"> & {
  action: () => Promise<ActionResult<T>>;
  /** Toast on success. */
  success: string | ((data: T) => string);
  /** Ask before running. */
  confirm?: string;
  /** Re-render the page's server components afterwards (default true). */
  refresh?: boolean;
};

/** A button that runs a server action and reports the outcome as a toast. */
export function ActionButton<T>({ action, success, confirm, refresh = true, children, ...props }: Props<T>) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const run = () =>
    start(async () => {
      if (confirm && !window.confirm(confirm)) return;
      const result = await action();
      if (result.ok) toast.success(typeof success === "function" ? success(result.data) : success);
      else toast.error(result.error);
      if (refresh) router.refresh();
    });
  return (
    <Button {...props} loading={pending} onClick={run}>
      {children}
    </Button>
  );
}
