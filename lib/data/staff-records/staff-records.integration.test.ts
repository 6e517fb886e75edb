import { beforeAll, describe, expect, it } from "vitest";
import { db, dbProvider } from "@/lib/db";
import { getStaffMember } from "@/lib/data/staff-records/get-staff-member";
import { listStaff } from "@/lib/data/staff-records/list-staff";
import { updateStaffRecord } from "@/lib/data/staff-records/update-staff-record";
import {
  AppError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
  UnauthenticatedError,
  ValidationError,
} from "@/lib/errors";
import type { Viewer } from "@/lib/auth/viewer";
import { parseStaffListQuery, parseStaffListQueryStrict } from "@/lib/validations/staff-list-query";
import { createTestUser } from "@/test/create-test-user";
import { testContext, uniqueName } from "@/test/helpers";
import { viewerWithRole } from "@/test/role-viewers";
import { lastAudit } from "@/test/user-admin";

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

// 13 staff members sharing a marker in their last name; some with a record, some without (NULL
// sort values), hire dates and first names repeating so ties are broken by id.
const marker = uniqueName("sr");
let manager: Viewer;
let staffIds: string[] = [];
let plainUserId: string;

beforeAll(async () => {
  manager = await viewerWithRole("manager");
  const staffRole = await db.role.findUniqueOrThrow({ where: { key: "staff" }, select: { id: true } });
  staffIds = [];
  for (let i = 0; i < 13; i++) {
    const u = await createTestUser({ role: "staff", firstName: ["Ada", "Grace", "Alan"][i % 3] });
    await db.user.update({ where: { id: u.id }, data: { lastName: `Kay${marker}` } });
    if (i % 4 !== 0) {
      await db.staffProfile.create({
        data: {
          userId: u.id,
          employeeNumber: i % 3 === 0 ? null : `${marker}-${String(i).padStart(2, "0")}`,
          hiredOn: i % 5 === 0 ? null : new Date(Date.UTC(2020, i % 4, 1)),
        },
      });
    }
    staffIds.push(u.id);
  }
  void staffRole;
  const plain = await createTestUser({ role: "user" });
  await db.user.update({ where: { id: plain.id }, data: { lastName: `Kay${marker}` } });
  plainUserId = plain.id;
});

async function walk(sort: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 20; guard++) {
    const q = parseStaffListQuery({ q: marker, sort, limit: "10", ...(cursor ? { cursor } : {}) });
    const page = await listStaff(manager, q);
    ids.push(...page.items.map((i) => i.id));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return ids;
}

describe("listStaff", () => {
  it("lists only Staff-role holders, searchable by name, email and employee number", async () => {
    const page = await listStaff(manager, parseStaffListQuery({ q: marker, limit: "100" }), { count: true });
    expect(page.total).toBe(13);
    expect(page.items.map((i) => i.id).sort()).toEqual([...staffIds].sort());
    expect(page.items.some((i) => i.id === plainUserId)).toBe(false);
    const byNumber = await listStaff(manager, parseStaffListQuery({ q: `${marker}-05` }));
    expect(byNumber.items.map((i) => i.id)).toEqual([staffIds[5]]);
    expect(byNumber.total).toBeNull();
    const item = byNumber.items[0]!;
    // The record's version (1) plus the account's.
    const { version: userVersion } = await db.user.findUniqueOrThrow({ where: { id: item.id }, select: { version: true } });
    expect(item).toMatchObject({ employeeNumber: `${marker}-05`, version: 1 + userVersion, status: "active" });
    expect(Object.keys(item)).not.toContain("passwordHash");
  });

  it("pages every sort in both directions without gaps or repeats, NULLs last", async () => {
    for (const sort of ["name", "-name", "hiredOn", "-hiredOn", "employeeNumber", "-employeeNumber"]) {
      const ids = await walk(sort);
      expect(new Set(ids).size, sort).toBe(13);
      expect(ids.length, sort).toBe(13);
    }
    const all = await listStaff(manager, parseStaffListQuery({ q: marker, sort: "hiredOn", limit: "100" }));
    const dates = all.items.map((i) => i.hiredOn);
    const firstNull = dates.indexOf(null);
    expect(dates.slice(firstNull).every((d) => d === null)).toBe(true);
    expect(dates.slice(0, firstNull)).toEqual([...dates.slice(0, firstNull)].sort());
    // A "Previous" cursor leads back to the first page.
    const first = await listStaff(manager, parseStaffListQuery({ q: marker, sort: "-employeeNumber", limit: "10" }));
    const second = await listStaff(
      manager,
      parseStaffListQuery({ q: marker, sort: "-employeeNumber", limit: "10", cursor: first.nextCursor! }),
    );
    const back = await listStaff(
      manager,
      parseStaffListQuery({ q: marker, sort: "-employeeNumber", limit: "10", cursor: second.prevCursor! }),
    );
    expect(back.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));
  });

  it("refuses without staff.read and rejects a bad sort or cursor strictly", async () => {
    const user = await viewerWithRole("user");
    expect(await rejection(listStaff(user, parseStaffListQuery({})))).toBeInstanceOf(ForbiddenError);
    expect(await rejection(listStaff(null, parseStaffListQuery({})))).toBeInstanceOf(UnauthenticatedError);
    expect(() => parseStaffListQueryStrict({ sort: "passwordHash" })).toThrow(ValidationError);
    expect(() => parseStaffListQueryStrict({ cursor: "' OR 1=1 --" })).toThrow(ValidationError);
  });
});

describe("getStaffMember", () => {
  it("answers a staff member and 404 for a non-staff user or a missing id", async () => {
    expect((await getStaffMember(manager, staffIds[1])).id).toBe(staffIds[1]);
    expect(await rejection(getStaffMember(manager, plainUserId))).toBeInstanceOf(NotFoundError);
    expect(await rejection(getStaffMember(manager, "nope"))).toBeInstanceOf(NotFoundError);
    expect(await rejection(getStaffMember(manager, 42))).toBeInstanceOf(NotFoundError);
  });
});

describe("updateStaffRecord", () => {
  it("creates the record on first edit, then updates it, auditing before/after", async () => {
    const member = await createTestUser({ role: "staff" });
    const number = `${marker}-new`;
    // No record yet: the version is the account's alone.
    const v0 = (await getStaffMember(manager, member.id)).version;
    const { version: userVersion } = await db.user.findUniqueOrThrow({ where: { id: member.id }, select: { version: true } });
    expect(v0).toBe(userVersion);
    const made = await updateStaffRecord(
      manager,
      member.id,
      { employeeNumber: ` ${number} `, hiredOn: "2023-02-28" },
      testContext(),
      v0,
    );
    expect(made).toMatchObject({ employeeNumber: number, hiredOn: "2023-02-28", phone: null, version: v0 + 1 });
    const changed = await updateStaffRecord(
      manager,
      member.id,
      { phone: "+44 20 7946 0958", hiredOn: null },
      testContext(),
      v0 + 1,
    );
    expect(changed).toMatchObject({ employeeNumber: number, phone: "+44 20 7946 0958", hiredOn: null, version: v0 + 2 });
    const row = await lastAudit("staff.record_updated", member.id);
    expect(row?.actorId).toBe(manager.userId);
    expect(row?.meta).toMatchObject({
      changed: ["phone", "hiredOn"],
      before: ["phone: —", "hiredOn: 2023-02-28"],
      after: ["phone: +44 20 7946 0958", "hiredOn: —"],
    });
    // Nothing changed: no write, no new version.
    expect((await updateStaffRecord(manager, member.id, { phone: "+44 20 7946 0958" }, testContext())).version).toBe(v0 + 2);
  });

  it("refuses a taken employee number (409 on the field) and a stale version (412)", async () => {
    const member = await createTestUser({ role: "staff" });
    const taken = `${marker}-01`;
    const conflict = await rejection(updateStaffRecord(manager, member.id, { employeeNumber: taken }, testContext()));
    expect(conflict).toBeInstanceOf(ConflictError);
    expect((conflict as ConflictError).fieldErrors.employeeNumber?.[0]).toContain(taken);
    const before = (await getStaffMember(manager, member.id)).version;
    const saved = await updateStaffRecord(manager, member.id, { phone: "0123456789" }, testContext());
    expect(
      await rejection(updateStaffRecord(manager, member.id, { phone: "0123456780" }, testContext(), before)),
    ).toBeInstanceOf(PreconditionFailedError);
    // The account changed after the read: the staff member's version moved with it.
    await db.user.update({ where: { id: member.id }, data: { firstName: "Renamed" } });
    expect(
      await rejection(updateStaffRecord(manager, member.id, { phone: "0123456780" }, testContext(), saved.version)),
    ).toBeInstanceOf(PreconditionFailedError);
    expect((await getStaffMember(manager, member.id)).phone).toBe("0123456789");
    expect(
      await rejection(updateStaffRecord(manager, member.id, { phone: "0123456780" }, testContext(), 7)),
    ).toBeInstanceOf(PreconditionFailedError);
  });

  it("names each invalid field, and refuses without staff.write or on a non-staff user", async () => {
    const member = await createTestUser({ role: "staff" });
    const invalid = await rejection(
      updateStaffRecord(
        manager,
        member.id,
        { employeeNumber: "bad number!", phone: "call me", hiredOn: "2023-02-30" },
        testContext(),
      ),
    );
    expect(invalid).toBeInstanceOf(ValidationError);
    expect(Object.keys((invalid as ValidationError).fieldErrors).sort()).toEqual(["employeeNumber", "hiredOn", "phone"]);
    expect(await rejection(updateStaffRecord(manager, member.id, {}, testContext()))).toBeInstanceOf(ValidationError);
    expect(
      await rejection(updateStaffRecord(manager, member.id, { passwordHash: "x" }, testContext())),
    ).toBeInstanceOf(ValidationError);
    const staff = await viewerWithRole("staff");
    expect(await rejection(updateStaffRecord(staff, member.id, { phone: null }, testContext()))).toBeInstanceOf(
      ForbiddenError,
    );
    expect(
      await rejection(updateStaffRecord(manager, plainUserId, { phone: "0123456789" }, testContext())),
    ).toBeInstanceOf(NotFoundError);
    expect(await db.staffProfile.count({ where: { userId: plainUserId } })).toBe(0);
  });
});

describe.runIf(dbProvider === "postgresql")("updateStaffRecord racing a change to the account", () => {
  it("refuses (412) an edit whose If-Match was read before a rename that commits while it runs", async () => {
    const member = await createTestUser({ role: "staff" });
    const read = (await getStaffMember(manager, member.id)).version;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let renamed!: () => void;
    const renameWritten = new Promise<void>((resolve) => (renamed = resolve));
    // The rename holds the account's row, uncommitted, while the edit starts from the old version.
    const rename = db.$transaction(
      async (tx) => {
        await tx.user.update({ where: { id: member.id }, data: { firstName: "Renamed" } });
        renamed();
        await held;
      },
      { timeout: 20_000 },
    );
    await renameWritten;
    const edit = updateStaffRecord(manager, member.id, { phone: "0123456789" }, testContext(), read).then(
      () => null,
      (e: unknown) => e,
    );
    await new Promise((r) => setTimeout(r, 300));
    release();
    await rename;
    expect(await edit).toBeInstanceOf(PreconditionFailedError);
    const now = await getStaffMember(manager, member.id);
    expect(now).toMatchObject({ firstName: "Renamed", phone: null });
    expect(now.version).toBeGreaterThan(read);
  });
});
