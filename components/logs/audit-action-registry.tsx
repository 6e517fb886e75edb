// One registry for every audit action: its icon and a renderer that turns an event into a short
// sentence for the log's table and drawer and Settings → Activity. The label is the action's own
// (lib/audit/actions.ts). Typed `satisfies Record<AuditAction, …>`, so an action added without an
// entry here fails the type check. Add one line per action: `"x.y": e(Icon)` or
// `"x.y": e(Icon, (ev) => "…")`.
import {
  Activity,
  Anchor,
  Archive,
  ArchiveRestore,
  ArrowRightLeft,
  Ban,
  BadgeCheck,
  Bell,
  Bot,
  Briefcase,
  ClipboardList,
  Columns3,
  Drama,
  Eraser,
  FileDown,
  FileUp,
  Fingerprint,
  FlaskConical,
  Kanban,
  KeyRound,
  Link2,
  Link2Off,
  ListChecks,
  LockOpen,
  LogIn,
  LogOut,
  Mail,
  MailCheck,
  MailWarning,
  MessageSquare,
  MessageSquareX,
  MonitorX,
  Move,
  Package,
  PackagePlus,
  Pause,
  Pencil,
  Play,
  Plus,
  Receipt,
  RotateCw,
  Rows3,
  Send,
  ShieldAlert,
  ShieldCheck,
  ShieldOff,
  Settings2,
  Shuffle,
  Tag,
  Trash2,
  Undo2,
  UserCheck,
  UserCog,
  UserPlus,
  UserX,
  Users,
  Webhook,
  type LucideIcon,
} from "lucide-react";
import type { AuditAction } from "@/lib/audit/actions";
import type { AuditEventJson } from "@/lib/validations/audit-event";

/** What a renderer reads: the list's event shape (Settings → Activity passes a subset). */
export type RenderableEvent = Pick<AuditEventJson, "action" | "label" | "outcome" | "reason"> &
  Partial<Pick<AuditEventJson, "actor" | "target" | "metadata">>;

export type AuditActionEntry = {
  icon: LucideIcon;
  /** A short sentence about the event, or null to show the label alone. */
  render: (event: RenderableEvent) => string | null;
};

const targetName = (ev: RenderableEvent) => ev.target?.name ?? ev.target?.id ?? null;
const meta = (ev: RenderableEvent, key: string) => {
  const v = ev.metadata?.[key];
  return typeof v === "string" || typeof v === "number" ? String(v) : null;
};
const list = (ev: RenderableEvent, key: string) => {
  const v = ev.metadata?.[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
};
const humanize = (s: string) => s.replace(/_/g, " ");

/** "Acme Ltd" or "Acme Ltd: name, phone" (the fields an edit changed). */
function onTarget(ev: RenderableEvent): string | null {
  const name = targetName(ev);
  const changed = list(ev, "changed").map(humanize);
  if (!name) return changed.length ? `Changed ${changed.join(", ")}` : null;
  return changed.length ? `${name}: ${changed.join(", ")}` : name;
}

function failed(ev: RenderableEvent): string | null {
  const who = meta(ev, "identifier") ?? targetName(ev);
  const reason = ev.reason ? humanize(ev.reason) : null;
  return [who, reason].filter(Boolean).join(" · ") || null;
}

function rolesChange(ev: RenderableEvent): string | null {
  const added = list(ev, "added");
  const removed = list(ev, "removed");
  const parts = [
    added.length ? `added ${added.join(", ")}` : null,
    removed.length ? `removed ${removed.join(", ")}` : null,
  ];
  const change = parts.filter(Boolean).join("; ");
  const name = targetName(ev);
  return [name, change].filter(Boolean).join(": ") || null;
}

const exported = (ev: RenderableEvent) => {
  const format = meta(ev, "format");
  const filter = meta(ev, "filter");
  return [format?.toUpperCase(), filter ? `filter ${filter}` : "everything"].filter(Boolean).join(" · ");
};

const e = (icon: LucideIcon, render: AuditActionEntry["render"] = onTarget): AuditActionEntry => ({ icon, render });

export const AUDIT_ACTION_REGISTRY = {
  "user.signed_up": e(UserPlus),
  "user.email_verified": e(MailCheck),
  "user.verification_email_sent": e(Mail),
  "auth.sign_in_succeeded": e(LogIn, (ev) => (meta(ev, "method") ? `With ${humanize(meta(ev, "method")!)}` : null)),
  "auth.sign_in_failed": e(ShieldAlert, failed),
  "auth.password_accepted": e(KeyRound, () => "Waiting for the second factor"),
  "auth.first_factor_accepted": e(KeyRound, (ev) =>
    meta(ev, "method")
      ? `With ${humanize(meta(ev, "method")!)}, waiting for the second factor`
      : "Waiting for the second factor",
  ),
  "auth.account_locked": e(ShieldAlert, failed),
  "auth.signed_out": e(LogOut, () => null),
  "auth.session_revoked": e(MonitorX, () => null),
  "auth.other_sessions_revoked": e(MonitorX, (ev) => (meta(ev, "count") ? `${meta(ev, "count")} devices` : null)),
  "auth.second_factor_failed": e(ShieldAlert, failed),
  "auth.second_factor_locked": e(ShieldAlert, failed),
  "auth.two_factor_enrolment_started": e(ShieldCheck, () => null),
  "auth.two_factor_enabled": e(ShieldCheck, () => null),
  "auth.two_factor_disabled": e(ShieldOff, () => null),
  "auth.recovery_codes_regenerated": e(KeyRound, () => null),
  "auth.recovery_code_used": e(KeyRound, () => null),
  "auth.password_reset_requested": e(KeyRound, () => null),
  "auth.password_reset": e(KeyRound, () => null),
  "auth.password_changed": e(KeyRound, () => null),
  "user.profile_updated": e(UserCog),
  "user.email_change_requested": e(Mail),
  "user.email_changed": e(Mail),
  "admin.user_sessions_revoked": e(MonitorX),
  "admin.two_factor_reset": e(ShieldOff),
  "user.sign_up_duplicate_email": e(MailWarning, failed),
  "user.email_change_duplicate": e(MailWarning, failed),
  "auth.two_factor_cleared_on_reset": e(ShieldOff),
  "audit.head_anchored": e(Anchor, (ev) => meta(ev, "reason")),
  "role.created": e(Plus),
  "role.updated": e(Pencil),
  "role.deleted": e(Trash2),
  "admin.user_roles_changed": e(Users, rolesChange),
  "admin.user_banned": e(Ban),
  "admin.user_unbanned": e(LockOpen),
  "admin.user_session_revoked": e(MonitorX),
  "admin.password_reset_forced": e(KeyRound),
  "admin.verification_resent": e(Mail),
  "staff.application_submitted": e(Briefcase),
  "staff.application_approved": e(UserCheck),
  "staff.application_rejected": e(UserX),
  "invitation.created": e(Send),
  "invitation.resent": e(Send),
  "invitation.revoked": e(Trash2),
  "invitation.accepted": e(UserCheck),
  "impersonation.started": e(Drama),
  "impersonation.stopped": e(Drama),
  "analytics.exported": e(FileDown, (ev) => meta(ev, "report")),
  "api_key.created": e(KeyRound),
  "api_key.revoked": e(KeyRound),
  "service_account.created": e(Bot),
  "service_account.disabled": e(Bot),
  "service_account.enabled": e(Bot),
  "audit.exported": e(FileDown, exported),
  "audit.pruned": e(Eraser, (ev) => (meta(ev, "prunedCount") ? `${meta(ev, "prunedCount")} events` : null)),
  "audit.verified": e(BadgeCheck, (ev) => meta(ev, "status")),
  "audit_stream.created": e(Webhook),
  "audit_stream.updated": e(Webhook),
  "audit_stream.deleted": e(Trash2),
  "audit_stream.paused": e(Pause),
  "audit_stream.resumed": e(Play),
  "audit_stream.secret_rotated": e(RotateCw),
  "audit_stream.tested": e(FlaskConical),
  "audit_stream.delivered_now": e(Send),
  "board.created": e(Kanban),
  "board.updated": e(Kanban),
  "board.archived": e(Archive),
  "board.restored": e(ArchiveRestore),
  "board.deleted": e(Trash2),
  "board.member_added": e(UserPlus),
  "board.member_changed": e(UserCog),
  "board.member_removed": e(UserX),
  "board.column_created": e(Columns3),
  "board.column_updated": e(Columns3),
  "board.column_moved": e(Move),
  "board.column_deleted": e(Trash2),
  "board.lane_created": e(Rows3),
  "board.lane_updated": e(Rows3),
  "board.lane_moved": e(Move),
  "board.lane_deleted": e(Trash2),
  "board.label_created": e(Tag),
  "board.label_updated": e(Tag),
  "board.label_deleted": e(Trash2),
  "board.rebalanced": e(Shuffle),
  "card.created": e(Plus),
  "card.updated": e(Pencil),
  "card.moved": e(ArrowRightLeft),
  "card.archived": e(Archive),
  "card.restored": e(ArchiveRestore),
  "card.deleted": e(Trash2),
  "card.change_undone": e(Undo2),
  "card.checklist_changed": e(ListChecks),
  "card.commented": e(MessageSquare),
  "card.comment_deleted": e(MessageSquareX),
  "card.reminder_sent": e(Bell),
  "customer.created": e(UserPlus),
  "customer.updated": e(Pencil),
  "customer.archived": e(Archive),
  "customer.restored": e(ArchiveRestore),
  "customer.deleted": e(Trash2),
  "customer.imported": e(FileUp, (ev) => (meta(ev, "created") ? `${meta(ev, "created")} created` : null)),
  "customer.exported": e(FileDown, () => null),
  "email.sent": e(Send, (ev) => meta(ev, "template") ?? meta(ev, "subject")),
  "product.created": e(PackagePlus),
  "product.updated": e(Package),
  "product.stock_adjusted": e(Package, (ev) => [targetName(ev), meta(ev, "delta")].filter(Boolean).join(" · ") || null),
  "product.archived": e(Archive),
  "product.restored": e(ArchiveRestore),
  "product.deleted": e(Trash2),
  "product.imported": e(FileUp, (ev) => (meta(ev, "created") ? `${meta(ev, "created")} created` : null)),
  "product.exported": e(FileDown, () => null),
  "staff.record_updated": e(ClipboardList),
  "transaction.created": e(Receipt),
  "transaction.voided": e(Receipt),
  "transaction.refunded": e(Receipt),
  "transaction.exported": e(FileDown, () => null),
  "auth.passkey_registered": e(Fingerprint, (ev) => meta(ev, "name")),
  "auth.passkey_renamed": e(Fingerprint, (ev) => meta(ev, "name")),
  "auth.passkey_removed": e(Fingerprint, (ev) => meta(ev, "name")),
  "auth.passkey_used": e(Fingerprint, (ev) => meta(ev, "name")),
  "auth.passkey_sign_in_failed": e(ShieldAlert, failed),
  "auth.external_account_linked": e(Link2, (ev) => meta(ev, "provider")),
  "auth.external_account_unlinked": e(Link2Off, (ev) => meta(ev, "provider")),
  "auth.external_link_proof_sent": e(Mail, (ev) => meta(ev, "provider")),
  "auth.external_sign_in_refused": e(ShieldAlert, failed),
  "admin.sign_in_provider_updated": e(Settings2, (ev) => meta(ev, "provider")),
} satisfies Record<AuditAction, AuditActionEntry>;

const FALLBACK: AuditActionEntry = { icon: Activity, render: onTarget };

/** The entry of an action; events of actions no longer written (older rows) get a generic one. */
export function auditActionEntry(action: string): AuditActionEntry {
  return (AUDIT_ACTION_REGISTRY as Record<string, AuditActionEntry>)[action] ?? FALLBACK;
}

/** The sentence of an event, never throwing on odd metadata (old or hand-written rows). */
export function renderAuditEvent(event: RenderableEvent): string | null {
  try {
    return auditActionEntry(event.action).render(event);
  } catch {
    return null;
  }
}
