// Whether the board is receiving other people's changes as they happen: a small dot with a word.
import { cn } from "@/lib/cn";

export type LiveStatus = "live" | "connecting" | "offline";

const TEXT: Record<LiveStatus, string> = { live: "Live", connecting: "Reconnecting…", offline: "Offline" };

export function LiveStatusDot({ status }: { status: LiveStatus }) {
  return (
    <span
      role="status"
      data-testid="live-status"
      data-status={status}
      title={
        status === "live"
          ? "Changes by others appear as they happen."
          : status === "connecting"
            ? "Reconnecting to live updates…"
            : "Live updates are off; reload to see others' changes."
      }
      className="inline-flex items-center gap-1.5 rounded-full px-2 py-1 text-xs font-medium text-muted-foreground"
    >
      <span className="relative flex size-2">
        {status === "live" ? (
          <span className="absolute inline-flex size-full animate-ping rounded-full bg-success opacity-40 motion-reduce:hidden" />
        ) : null}
        <span
          className={cn(
            "relative inline-flex size-2 rounded-full",
            status === "live" && "bg-success",
            status === "connecting" && "bg-warning",
            status === "offline" && "bg-muted-foreground",
          )}
        />
      </span>
      {TEXT[status]}
    </span>
  );
}
