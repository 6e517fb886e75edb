import type { ReactNode } from "react";
import { Check, Clock, Mail } from "lucide-react";
import { cn } from "@/lib/cn";

export type ApplicationStep = {
  title: string;
  detail: ReactNode;
  state: "done" | "current" | "todo";
  action?: ReactNode;
};

const icons = { done: Check, current: Clock, todo: Mail } as const;

/** The staff application's steps on the waiting page: what is done and what is still to come. */
export function ApplicationSteps({ steps }: { steps: readonly ApplicationStep[] }) {
  return (
    <ol className="space-y-0">
      {steps.map((step, i) => {
        const Icon = icons[step.state];
        const last = i === steps.length - 1;
        return (
          <li key={step.title} className="relative flex gap-4 pb-6 last:pb-0">
            {last ? null : (
              <span
                aria-hidden="true"
                className={cn(
                  "absolute left-[15px] top-9 h-[calc(100%-2.5rem)] w-px",
                  step.state === "done" ? "bg-success/40" : "bg-border",
                )}
              />
            )}
            <span
              className={cn(
                "flex size-8 shrink-0 items-center justify-center rounded-full",
                step.state === "done" && "bg-success-soft text-success",
                step.state === "current" && "bg-brand-soft text-brand ring-4 ring-brand/10",
                step.state === "todo" && "bg-muted text-muted-foreground",
              )}
            >
              <Icon className="size-4" aria-hidden="true" />
              <span className="sr-only">
                {step.state === "done" ? "Done: " : step.state === "current" ? "In progress: " : "To do: "}
              </span>
            </span>
            <div className="min-w-0 flex-1 pt-1">
              <p className="text-sm font-medium text-foreground">{step.title}</p>
              <p className="mt-0.5 text-sm text-muted-foreground">{step.detail}</p>
              {step.action ? <div className="mt-2">{step.action}</div> : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
