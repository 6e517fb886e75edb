"use client";
// Shown on every app page while an admin acts as someone: who, started by whom, and a countdown to
// the session's end. "Stop impersonating" is a plain form (works before JavaScript, from the
// keyboard); at 0:00 the banner stops by itself, which returns the admin to their own session
// instead of leaving them on a page whose session is over.
import { useEffect, useRef, useState } from "react";
import { useFormStatus } from "react-dom";
import { VenetianMask } from "lucide-react";
import { Spinner } from "@/components/ui/spinner";
import { stopImpersonationAction } from "@/lib/actions/impersonation/stop-impersonation";

function clock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, "0")}:${String(seconds).padStart(2, "0")}`;
}

function StopButton() {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-busy={pending || undefined}
      className="inline-flex h-8 shrink-0 items-center justify-center gap-2 rounded-lg bg-amber-950 px-3 text-sm font-medium text-amber-50 shadow-sm transition hover:bg-amber-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-950 disabled:opacity-70"
    >
      {pending ? <Spinner className="size-4" /> : null}
      Stop impersonating
    </button>
  );
}

export function ImpersonationBanner({
  userName,
  username,
  adminName,
  remainingMs,
}: {
  userName: string;
  username: string;
  adminName: string;
  /** Time left when the server rendered the page (measured on the server: no clock skew). */
  remainingMs: number;
}) {
  const [left, setLeft] = useState(remainingMs);
  const form = useRef<HTMLFormElement>(null);
  const stopped = useRef(false);

  useEffect(() => {
    const deadline = Date.now() + remainingMs;
    const tick = () => {
      const now = deadline - Date.now();
      setLeft(now);
      if (now <= 0 && !stopped.current) {
        stopped.current = true;
        form.current?.requestSubmit();
      }
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [remainingMs]);

  return (
    <section
      aria-label="Impersonation"
      data-testid="impersonation-banner"
      className="sticky top-16 z-10 border-b border-amber-500 bg-amber-300 px-4 py-2.5 text-sm text-amber-950 shadow-sm sm:px-8 dark:border-amber-300 dark:bg-amber-400"
    >
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
        <p className="flex items-start gap-2.5">
          <VenetianMask className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          <span>
            You are acting as{" "}
            <strong className="font-semibold">
              {userName} (@{username})
            </strong>
            <span aria-hidden="true"> · </span>
            <span className="sr-only">, </span>
            started by <span className="font-medium">{adminName}</span>
            <span aria-hidden="true"> · </span>
            <span className="sr-only">, </span>
            ends in{" "}
            <time
              className="font-mono font-semibold tabular-nums"
              dateTime={`PT${Math.max(0, Math.ceil(left / 1000))}S`}
              data-testid="impersonation-countdown"
            >
              {clock(left)}
            </time>
          </span>
        </p>
        <form ref={form} action={stopImpersonationAction}>
          <StopButton />
        </form>
      </div>
    </section>
  );
}
