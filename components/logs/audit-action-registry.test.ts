import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { AUDIT_ACTION_REGISTRY, auditActionEntry, renderAuditEvent } from "@/components/logs/audit-action-registry";

const base = { label: "x", outcome: "success" as const, reason: null };

describe("audit action registry", () => {
  it("has an entry for every action and no stale ones", () => {
    expect(Object.keys(AUDIT_ACTION_REGISTRY).sort()).toEqual(Object.keys(AUDIT_ACTIONS).sort());
  });

  it("renders short sentences from the metadata", () => {
    expect(
      renderAuditEvent({
        ...base,
        action: "customer.updated",
        target: { type: "customer", id: "c1", name: "Acme" },
        metadata: { changed: ["name", "phone"] },
      }),
    ).toBe("Acme: name, phone");
    expect(
      renderAuditEvent({
        ...base,
        action: "auth.sign_in_failed",
        outcome: "failure",
        reason: "wrong_password",
        metadata: { identifier: "ada" },
      }),
    ).toBe("ada · wrong password");
    expect(
      renderAuditEvent({
        ...base,
        action: "admin.user_roles_changed",
        target: { type: "user", id: "u1", name: "Ada" },
        metadata: { added: ["staff"], removed: ["user"] },
      }),
    ).toBe("Ada: added staff; removed user");
    expect(renderAuditEvent({ ...base, action: "audit.exported", metadata: { format: "csv", filter: "outcome=failure" } })).toBe(
      "CSV · filter outcome=failure",
    );
  });

  it("falls back for actions no longer written, and never throws on odd metadata", () => {
    expect(auditActionEntry("legacy.thing").icon).toBeTruthy();
    expect(renderAuditEvent({ ...base, action: "legacy.thing", metadata: { changed: "not a list" } })).toBeNull();
    expect(renderAuditEvent({ ...base, action: "customer.updated" })).toBeNull();
  });
});
