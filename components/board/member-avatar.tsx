// A member's initials in a circle, coloured from their id so the same person looks the same on
// every card; a stack of them for the board's header.
import { cn } from "@/lib/cn";

const HUES = [
  "bg-sky-600",
  "bg-emerald-600",
  "bg-violet-600",
  "bg-rose-600",
  "bg-amber-600",
  "bg-teal-600",
  "bg-indigo-600",
  "bg-fuchsia-600",
] as const;

export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? "?";
  const last = parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "";
  return `${first}${last}`.toUpperCase();
}

function hueOf(id: string): string {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return HUES[h % HUES.length]!;
}

export function MemberAvatar({
  userId,
  name,
  size = "sm",
  className,
  decorative = false,
}: {
  userId: string;
  name: string;
  size?: "xs" | "sm" | "md";
  className?: string;
  /** Inside something hidden from screen readers that names the person itself (a card's facts): the initials alone. */
  decorative?: boolean;
}) {
  return (
    <span
      title={name}
      className={cn(
        "inline-flex shrink-0 select-none items-center justify-center rounded-full font-semibold text-white ring-2 ring-surface",
        size === "xs" && "size-5 text-[0.6rem]",
        size === "sm" && "size-6 text-[0.65rem]",
        size === "md" && "size-8 text-xs",
        hueOf(userId),
        className,
      )}
    >
      {decorative ? (
        initialsOf(name)
      ) : (
        <>
          <span aria-hidden="true">{initialsOf(name)}</span>
          <span className="sr-only">{name}</span>
        </>
      )}
    </span>
  );
}

export function MemberStack({
  members,
  max = 5,
  size = "sm",
}: {
  members: readonly { userId: string; name: string }[];
  max?: number;
  size?: "xs" | "sm" | "md";
}) {
  const shown = members.slice(0, max);
  const more = members.length - shown.length;
  return (
    <span className="flex items-center -space-x-1.5">
      {shown.map((m) => (
        <MemberAvatar key={m.userId} userId={m.userId} name={m.name} size={size} />
      ))}
      {more > 0 ? (
        <span
          className={cn(
            "inline-flex items-center justify-center rounded-full bg-muted font-semibold text-muted-foreground ring-2 ring-surface",
            size === "md" ? "size-8 text-xs" : "size-6 text-[0.65rem]",
          )}
          title={`${more} more`}
        >
          +{more}
        </span>
      ) : null}
    </span>
  );
}
