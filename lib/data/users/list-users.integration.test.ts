import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listUsers, type UserListItem } from "@/lib/data/users/list-users";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/viewer";
import { encodeCursor } from "@/lib/validations/list-query";
import { parseUserListQuery } from "@/lib/validations/user-list-query";
import { signIn } from "@/test/accounts";
import { createTestUser } from "@/test/create-test-user";
import { uniqueName } from "@/test/helpers";

// 23 users sharing a marker in their last name, so the search isolates them from everyone else in
// the shared test database. Sort values repeat (ties broken by id) and some last sign-ins are null.
const COUNT = 23;
const marker = uniqueName("lq");
const FIRST_NAMES = ["Ada", "Grace", "Alan", "Barbara", "Edsger"];
const LAST_NAMES = ["Kay", "Lee", "Moss"];

type Seeded = {
  id: string;
  username: string;
  firstName: string;
  lastName: string;
  createdAt: Date;
  lastSignInAt: Date | null;
};

let seeded: Seeded[] = [];
let reader: Viewer;

const base = Date.UTC(2024, 0, 1);
const minutes = (n: number) => new Date(base + n * 60_000);

beforeAll(async () => {
  const roles = await db.role.findMany({ select: { id: true, key: true } });
  const roleId = (key: string) => roles.find((r) => r.key === key)!.id;
  const rows = Array.from({ length: COUNT }, (_, i) => ({
    username: `${marker}u${String(i).padStart(2, "0")}`,
    email: `${marker}u${i}@example.com`,
    firstName: FIRST_NAMES[i % FIRST_NAMES.length]!,
    lastName: `${LAST_NAMES[i % LAST_NAMES.length]!}${marker}`,
    dateOfBirth: new Date(Date.UTC(1990, 0, 1)),
    passwordHash: "$2a$04$notarealhashnotarealhashnotarealhashnotarealhashnota",
    // Pairs share a creation time; every fourth user never signed in.
    createdAt: minutes(Math.floor(i / 2) * 10),
    lastSignInAt: i % 4 === 0 ? null : minutes(1000 + (i % 5) * 7),
    emailVerifiedAt: i % 3 === 0 ? null : minutes(i),
    totpEnabledAt: i % 5 === 0 ? minutes(i) : null,
    status: i % 6 === 0 ? "banned" : "active",
    bannedAt: i % 6 === 0 ? minutes(i) : null,
    staffApproval: i % 7 === 0 ? "pending" : null,
    kind: i % 8 === 0 ? "service" : "person",
  }));
  await db.user.createMany({ data: rows });
  const created = await db.user.findMany({
    where: { username: { startsWith: marker } },
    select: { id: true, username: true, firstName: true, lastName: true, createdAt: true, lastSignInAt: true },
  });
  seeded = created;
  // Roles: index i % 2 === 0 → Staff, else User.
  await db.userRole.createMany({
    data: created.map((u) => ({
      userId: u.id,
      roleId: roleId(Number(u.username.slice(-2)) % 2 === 0 ? "staff" : "user"),
    })),
  });
  const m = await createTestUser({ role: "manager" });
  reader = (await signIn(m.id)).viewer;
});

const index = (u: { username: string }) => Number(u.username.slice(-2));
const query = (params: Record<string, string | undefined>) => parseUserListQuery({ q: marker, limit: "10", ...params });

/** The order the table promises: sort columns (NULLs last), then id, all in one direction. */
function expectedOrder(key: string, direction: "asc" | "desc"): string[] {
  const values = (u: Seeded): (string | number | null)[] => {
    switch (key) {
      case "createdAt":
        return [u.createdAt.getTime()];
      case "lastSignInAt":
        return [u.lastSignInAt?.getTime() ?? null];
      case "username":
        return [u.username];
      default:
        return [u.firstName, u.lastName];
    }
  };
  const sign = direction === "asc" ? 1 : -1;
  const compare = (a: Seeded, b: Seeded) => {
    const va = [...values(a), a.id];
    const vb = [...values(b), b.id];
    for (let i = 0; i < va.length; i++) {
      const x = va[i]!;
      const y = vb[i]!;
      if (x === y) continue;
      if (x === null) return 1; // NULLs last in either direction
      if (y === null) return -1;
      return (x < y ? -1 : 1) * sign;
    }
    return 0;
  };
  return [...seeded].sort(compare).map((u) => u.id);
}

describe("listUsers", () => {
  it("refuses a signed-out caller and a viewer without users.read", async () => {
    await expect(listUsers(null, query({}))).rejects.toThrow(UnauthenticatedError);
    const plain = await createTestUser({ role: "user" });
    const { viewer } = await signIn(plain.id);
    await expect(listUsers(viewer, query({}))).rejects.toThrow(ForbiddenError);
  });

  it("returns only safe fields, with roles, status, approval, 2FA, verification, sessions and last sign-in", async () => {
    const page = await listUsers(reader, query({ limit: "100" }));
    expect(page.total).toBe(COUNT);
    const item = page.items.find((u) => index(u) === 0)!;
    expect(Object.keys(item).sort()).toEqual(
      [
        "activeSessions",
        "bannedAt",
        "createdAt",
        "email",
        "emailVerified",
        "firstName",
        "id",
        "kind",
        "lastName",
        "lastSignInAt",
        "roles",
        "staffApproval",
        "status",
        "twoFactorEnabled",
        "username",
      ].sort(),
    );
    expect(item).toMatchObject({
      kind: "service",
      status: "banned",
      staffApproval: "pending",
      emailVerified: false,
      twoFactorEnabled: true,
      roles: [{ key: "staff", name: "Staff" }],
      lastSignInAt: null,
      activeSessions: 0,
    });
    expect(JSON.stringify(page)).not.toContain("passwordHash");

    const someone = seeded.find((u) => index(u) === 1)!;
    await signIn(someone.id);
    await signIn(someone.id);
    const again = await listUsers(reader, query({ limit: "100" }));
    const withSessions = again.items.find((u) => u.id === someone.id)!;
    expect(withSessions.activeSessions).toBe(2);
    expect(withSessions).toMatchObject({ status: "active", emailVerified: true, twoFactorEnabled: false });
  });

  it("searches by name, username and email, every word matching, regardless of case", async () => {
    const ids = async (q: string) => (await listUsers(reader, parseUserListQuery({ q, limit: "100" }))).items;
    expect((await ids(marker.toUpperCase())).length).toBe(COUNT);
    expect((await ids(`${marker}U7@Example`)).map(index)).toEqual([7]);
    // "u1" is in the usernames u10…u19 and in the email of user 1 (…u1@example.com).
    expect((await ids(`${marker}u1`)).map(index).sort((a, b) => a - b)).toEqual([
      1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
    ]);
    const graceLee = await ids(`grace lee${marker}`);
    const expected = seeded.filter((u) => u.firstName === "Grace" && u.lastName.startsWith("Lee")).map(index);
    expect(graceLee.map(index).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    expect(expected.length).toBeGreaterThan(0);
    expect(await ids(`${marker} nobody-like-this`)).toEqual([]);
  });

  it("filters by role, status, second factor, verification, pending applications and kind", async () => {
    const matching = async (params: Record<string, string>) =>
      (await listUsers(reader, query({ limit: "100", ...params }))).items.map(index).sort((a, b) => a - b);
    const all = Array.from({ length: COUNT }, (_, i) => i);
    expect(await matching({ role: "staff" })).toEqual(all.filter((i) => i % 2 === 0));
    expect(await matching({ role: "user" })).toEqual(all.filter((i) => i % 2 === 1));
    expect(await matching({ role: "super_admin" })).toEqual([]);
    expect(await matching({ status: "banned" })).toEqual(all.filter((i) => i % 6 === 0));
    expect(await matching({ status: "active" })).toEqual(all.filter((i) => i % 6 !== 0));
    expect(await matching({ twoFactor: "on" })).toEqual(all.filter((i) => i % 5 === 0));
    expect(await matching({ twoFactor: "off" })).toEqual(all.filter((i) => i % 5 !== 0));
    expect(await matching({ verified: "no" })).toEqual(all.filter((i) => i % 3 === 0));
    expect(await matching({ verified: "yes" })).toEqual(all.filter((i) => i % 3 !== 0));
    expect(await matching({ pending: "yes" })).toEqual(all.filter((i) => i % 7 === 0));
    expect(await matching({ kind: "service" })).toEqual(all.filter((i) => i % 8 === 0));
    expect(await matching({ kind: "person" })).toEqual(all.filter((i) => i % 8 !== 0));
    expect(await matching({ role: "staff", status: "banned", verified: "no" })).toEqual(
      all.filter((i) => i % 2 === 0 && i % 6 === 0 && i % 3 === 0),
    );
    const filtered = await listUsers(reader, query({ status: "banned", limit: "10" }));
    expect(filtered.total).toBe(all.filter((i) => i % 6 === 0).length);
  });

  for (const key of ["createdAt", "lastSignInAt", "username", "name"] as const) {
    for (const direction of ["asc", "desc"] as const) {
      it(`pages through every user sorted by ${direction === "desc" ? "-" : ""}${key}, forwards and back, without gaps or duplicates`, async () => {
        const sort = direction === "desc" ? `-${key}` : key;
        const expected = expectedOrder(key, direction);

        const pages: UserListItem[][] = [];
        let cursor: string | undefined;
        let page = await listUsers(reader, query({ sort }));
        expect(page.prevCursor).toBeNull();
        for (;;) {
          pages.push(page.items);
          expect(page.total).toBe(COUNT);
          expect(page.start).toBe((pages.length - 1) * 10 + 1);
          if (!page.nextCursor) break;
          cursor = page.nextCursor;
          page = await listUsers(reader, query({ sort, cursor }));
          expect(pages.length).toBeLessThan(10);
        }
        expect(pages.map((p) => p.length)).toEqual([10, 10, 3]);
        expect(pages.flat().map((u) => u.id)).toEqual(expected);

        // Previous, from the last page back to the first, gives the same pages.
        let back = page;
        for (let i = pages.length - 2; i >= 0; i--) {
          expect(back.prevCursor).not.toBeNull();
          back = await listUsers(reader, query({ sort, cursor: back.prevCursor! }));
          expect(back.items.map((u) => u.id)).toEqual(pages[i]!.map((u) => u.id));
          expect(back.start).toBe(i * 10 + 1);
        }
        expect(back.prevCursor).toBeNull();
        expect(back.nextCursor).not.toBeNull();
      });
    }
  }

  it("starts again from the first page for a cursor of another sort, and keeps going when the cursor row is gone", async () => {
    const first = await listUsers(reader, query({ sort: "username" }));
    const stale = await listUsers(reader, query({ sort: "-username", cursor: first.nextCursor! }));
    expect(stale.start).toBe(1);
    expect(stale.items[0]!.id).toBe(expectedOrder("username", "desc")[0]);

    // The cursor is a position, not a row: deleting the row it names changes nothing.
    const lastOfFirst = first.items.at(-1)!;
    const second = await listUsers(reader, query({ sort: "username", cursor: first.nextCursor! }));
    await db.user.delete({ where: { id: lastOfFirst.id } });
    seeded = seeded.filter((u) => u.id !== lastOfFirst.id);
    const afterDelete = await listUsers(reader, query({ sort: "username", cursor: first.nextCursor! }));
    expect(afterDelete.items.map((u) => u.id)).toEqual(second.items.map((u) => u.id));
    expect(afterDelete.start).toBe(10);
  });

  it("shows a full first page when Previous reaches the start early", async () => {
    // A Previous cursor at the 3rd row: only two rows lie before it, fewer than a page.
    const all = await listUsers(reader, query({ sort: "username", limit: "25" }));
    const third = all.items[2]!;
    const cursor = encodeCursor({ sort: "username", values: [third.username], id: third.id, before: true });
    const back = await listUsers(reader, query({ sort: "username", cursor }));
    expect(back.items.map((u) => u.id)).toEqual(all.items.slice(0, 10).map((u) => u.id));
    expect(back.start).toBe(1);
    expect(back.prevCursor).toBeNull();
    expect(back.nextCursor).not.toBeNull();
  });
});
