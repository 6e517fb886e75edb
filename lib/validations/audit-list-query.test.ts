import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { auditCrud } from "@/lib/validations/audit-event";
import { auditTimeWindow, parseAuditListQuery, parseAuditListQueryStrict } from "@/lib/validations/audit-list-query";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";

describe("audit list query", () => {
  it("defaults to newest first, 25 a page, no filters", () => {
    const q = parseAuditListQuery({});
    expect(q.sort).toEqual({ key: "seq", direction: "desc" });
    expect(q.limit).toBe(25);
    expect(q.action).toBeUndefined();
  });

  it("accepts actions and groups, refuses anything else", () => {
    expect(parseAuditListQueryStrict({ action: "auth.*" }).action).toBe("auth.*");
    expect(parseAuditListQueryStrict({ action: "auth.sign_in_failed" }).action).toBe("auth.sign_in_failed");
    for (const action of ["auth", "auth.%", "auth' OR 1=1", "*", "auth.*.x"]) {
      expect(() => parseAuditListQueryStrict({ action }), action).toThrow(ValidationError);
    }
  });

  it("reads dates as whole UTC days (to inclusive) or instants, and presets relative to now", () => {
    const q = parseAuditListQueryStrict({ from: "2026-03-01", to: "2026-03-02" });
    expect(q.from?.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(q.to?.toISOString()).toBe("2026-03-03T00:00:00.000Z");
    expect(parseAuditListQueryStrict({ from: "2026-03-01T09:30:00Z" }).from?.toISOString()).toBe(
      "2026-03-01T09:30:00.000Z",
    );
    expect(() => parseAuditListQueryStrict({ from: "2026-02-30" })).toThrow(ValidationError);
    const now = new Date("2026-12-02T12:00:00Z");
    expect(auditTimeWindow(parseAuditListQuery({ range: "24h" }), now).from?.toISOString()).toBe(
      "2026-12-01T12:00:00.000Z",
    );
  });

  it("keeps a page usable when the URL is hand-edited (lenient), names the field when strict", () => {
    expect(parseAuditListQuery({ outcome: "maybe", ip: "1.2.3.4" })).toMatchObject({ outcome: undefined, ip: "1.2.3.4" });
    try {
      parseAuditListQueryStrict({ outcome: "maybe" });
      expect.unreachable();
    } catch (error) {
      expect((error as ValidationError).fieldErrors).toEqual({ outcome: ["outcome is success or failure."] });
    }
  });
});

describe("auditCrud", () => {
  it("classifies by verb, with overrides", () => {
    expect(auditCrud("customer.created")).toBe("create");
    expect(auditCrud("customer.exported")).toBe("read");
    expect(auditCrud("customer.updated")).toBe("update");
    expect(auditCrud("board.column_deleted")).toBe("delete");
    expect(auditCrud("auth.sign_in_failed")).toBe("action");
    expect(auditCrud("auth.session_revoked")).toBe("action");
    expect(auditCrud("something.brand_new")).toBe("action");
  });

  it("gives every known action a kind", () => {
    for (const action of Object.keys(AUDIT_ACTIONS)) {
      expect(["create", "read", "update", "delete", "action"]).toContain(auditCrud(action));
    }
  });
});
