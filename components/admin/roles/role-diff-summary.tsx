// The change a save would make, as the confirmation dialog lists it.
import { ArrowRight, Minus, Plus } from "lucide-react";
import type { RoleDiff } from "@/components/admin/roles/role-diff";
import { PERMISSIONS, type Permission } from "@/lib/rbac/permissions";

function PermissionList({ keys, sign }: { keys: readonly Permission[]; sign: "+" | "-" }) {
  const Icon = sign === "+" ? Plus : Minus;
  return (
    <ul className="mt-1.5 space-y-1">
      {keys.map((key) => (
        <li
          key={key}
          className={
            sign === "+"
              ? "flex items-start gap-2 rounded-md bg-success-soft px-2 py-1 text-success"
              : "flex items-start gap-2 rounded-md bg-danger-soft px-2 py-1 text-danger"
          }
        >
          <Icon className="mt-0.5 size-3.5 shrink-0" aria-hidden="true" />
          <span className="sr-only">{sign === "+" ? "Added:" : "Removed:"}</span>
          <span className="min-w-0">
            <span className="font-medium">{PERMISSIONS[key].label}</span>{" "}
            <code className="text-xs opacity-80">{key}</code>
          </span>
        </li>
      ))}
    </ul>
  );
}

function Change({ label, before, after }: { label: string; before: string; after: string }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{label}</dt>
      <dd className="mt-1 flex flex-wrap items-center gap-2 text-sm">
        <span className="rounded-md bg-danger-soft px-2 py-0.5 text-danger line-through decoration-danger/60">
          {before}
        </span>
        <ArrowRight className="size-3.5 text-muted-foreground" aria-label="becomes" />
        <span className="rounded-md bg-success-soft px-2 py-0.5 text-success">{after}</span>
      </dd>
    </div>
  );
}

export function RoleDiffSummary({ diff, creating }: { diff: RoleDiff; creating: boolean }) {
  const inheritedAdded = diff.effectiveAdded.filter((k) => !diff.added.includes(k));
  const inheritedRemoved = diff.effectiveRemoved.filter((k) => !diff.removed.includes(k));
  return (
    <dl className="space-y-4" data-testid="role-diff">
      {diff.name ? (
        creating ? (
          <div>
            <dt className="text-xs font-medium uppercase tracking-wide text-muted-foreground">Name</dt>
            <dd className="mt-1 text-sm font-medium text-foreground">{diff.name.after}</dd>
          </div>
        ) : (
          <Change label="Renamed" before={diff.name.before} after={diff.name.after} />
        )
      ) : null}
      {diff.description && !creating ? (
        <Change
          label="Description"
          before={diff.description.before || "(none)"}
          after={diff.description.after || "(none)"}
        />
      ) : null}
      {diff.parent ? (
        creating ? (
          <div>
            <dt className="text-xs font-medium uppercase tracking-wide text-muted-foreground">Inherits from</dt>
            <dd className="mt-1 text-sm text-foreground">{diff.parent.after}</dd>
          </div>
        ) : (
          <Change label="Parent role" before={diff.parent.before ?? "No parent"} after={diff.parent.after ?? "No parent"} />
        )
      ) : null}
      {diff.requiresTwoFactor ? (
        <Change
          label="Two-factor authentication"
          before={diff.requiresTwoFactor.before ? "Required" : "Not required"}
          after={diff.requiresTwoFactor.after ? "Required" : "Not required"}
        />
      ) : null}
      {diff.added.length ? (
        <div>
          <dt className="text-xs font-medium uppercase tracking-wide text-muted-foreground">
            {creating ? "Permissions" : "Permissions added"} ({diff.added.length})
          </dt>
          <dd>
            <PermissionList keys={diff.added} sign="+" />
          </dd>
        </div>
      ) : null}
      {diff.removed.length ? (
        <div>
          <dt className="text-xs font-medium uppercase tracking-wide text-muted-foreground">
            Permissions removed ({diff.removed.length})
          </dt>
          <dd>
            <PermissionList keys={diff.removed} sign="-" />
          </dd>
        </div>
      ) : null}
      {inheritedAdded.length ? (
        <div>
          <dt className="text-xs font-medium uppercase tracking-wide text-muted-foreground">
            Gained through the parent ({inheritedAdded.length})
          </dt>
          <dd>
            <PermissionList keys={inheritedAdded} sign="+" />
          </dd>
        </div>
      ) : null}
      {inheritedRemoved.length ? (
        <div>
          <dt className="text-xs font-medium uppercase tracking-wide text-muted-foreground">
            No longer inherited ({inheritedRemoved.length})
          </dt>
          <dd>
            <PermissionList keys={inheritedRemoved} sign="-" />
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
