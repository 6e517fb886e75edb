// The role DAL and its guard rails, on the run's database (SQLite or PostgreSQL).
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db, dbProvider } from "@/lib/db";
import { encryptSecret } from "@/lib/auth/crypto";
import { validateSessionToken } from "@/lib/auth/sessions";
import { viewerFromSession, type Viewer } from "@/lib/auth/viewer";
import { createRole } from "@/lib/data/roles/create-role";
import { deleteRole } from "@/lib/data/roles/delete-role";
import { getRole } from "@/lib/data/roles/get-role";
import { listRoles } from "@/lib/data/roles/list-roles";
import { updateRole } from "@/lib/data/roles/update-role";
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import { SUPER_ADMIN_ROLE } from "@/lib/rbac/built-in-roles";
import { ALL_PERMISSIONS, type Permission } from "@/lib/rbac/permissions";
import { signIn } from "@/test/accounts";
import { createTestUser } from "@/test/create-test-user";
import { testContext, uniqueName } from "@/test/helpers";

const ctx = () => testContext();

async function markTwoFactorOn(userId: string) {
  await db.user.update({
    where: { id: userId },
    data: { totpEnabledAt: new Date(), totpSecretEnc: encryptSecret("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP") },
  });
}

/** A Super Admin of its own, with 2FA on as the role requires. */
async function superAdmin(): Promise<Viewer> {
  const user = await createTestUser({ role: SUPER_ADMIN_ROLE });
  await markTwoFactorOn(user.id);
  return (await signIn(user.id)).viewer;
}

/** A role written straight to the database (the fixture, not the code under test). */
async function roleRow(options: { permissions?: string[]; parentId?: string | null; name?: string; twoFactor?: boolean } = {}) {
  const name = options.name ?? uniqueName("Role ");
  const permissions = await db.permission.findMany({ where: { key: { in: options.permissions ?? [] } }, select: { id: true } });
  return db.role.create({
    data: {
      key: `fixture_${randomBytes(5).toString("hex")}`,
      name,
      parentId: options.parentId ?? null,
      requiresTwoFactor: options.twoFactor ?? false,
      permissions: { create: permissions.map((p) => ({ permissionId: p.id })) },
    },
    select: { id: true, key: true, name: true },
  });
}

/** Someone who manages roles but holds only a few permissions besides. */
const LIMITED: Permission[] = ["roles.read", "roles.manage", "dashboard.view", "board.read", "customers.read", "customers.write"];
async function limitedManager(): Promise<Viewer> {
  const role = await roleRow({ permissions: LIMITED });
  const user = await createTestUser();
  await db.userRole.create({ data: { userId: user.id, roleId: role.id } });
  return (await signIn(user.id)).viewer;
}

async function viewerWithRole(key: string): Promise<Viewer> {
  const user = await createTestUser({ role: key });
  return (await signIn(user.id)).viewer;
}

async function addMember(roleId: string) {
  const user = await createTestUser();
  await db.userRole.create({ data: { userId: user.id, roleId } });
  return user;
}

const ownPermissions = async (roleId: string) =>
  (await db.rolePermission.findMany({ where: { roleId }, select: { permission: { select: { key: true } } } }))
    .map((g) => g.permission.key)
    .sort();

const roleIdOf = async (key: string) => (await db.role.findUniqueOrThrow({ where: { key }, select: { id: true } })).id;

const roleEvents = (targetId: string) =>
  db.auditEvent.findMany({ where: { targetType: "role", targetId }, orderBy: { seq: "asc" } });

const input = (overrides: Record<string, unknown> = {}) => ({
  name: uniqueName("Role "),
  description: "",
  permissions: [] as string[],
  requiresTwoFactor: false,
  parentId: null as string | null,
  ...overrides,
});

/** The editor's current values for a role, to change one thing in an update. */
async function editorValues(roleId: string) {
  const role = await db.role.findUniqueOrThrow({ where: { id: roleId } });
  return {
    name: role.name,
    description: role.description,
    permissions: await ownPermissions(roleId),
    requiresTwoFactor: role.requiresTwoFactor,
    parentId: role.parentId,
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("createRole", () => {
  it("creates a custom role with permissions, a parent and 2FA, keyed by its name, and audits it", async () => {
    const admin = await superAdmin();
    const parent = await roleRow({ permissions: ["dashboard.view", "board.read"] });
    const name = `Night shift ${randomBytes(2).toString("hex")}`;

    const created = await createRole(
      admin,
      input({
        name: `  ${name} `,
        description: "Runs the tills after six.",
        permissions: ["transactions.write", "customers.read", "transactions.write"],
        requiresTwoFactor: true,
        parentId: parent.id,
      }),
      ctx(),
    );

    expect(created.name).toBe(name);
    expect(created.key).toBe(name.toLowerCase().replace(/ /g, "_"));
    const row = await db.role.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ builtIn: false, requiresTwoFactor: true, parentId: parent.id, description: "Runs the tills after six." });
    expect(await ownPermissions(created.id)).toEqual(["customers.read", "transactions.write"]);

    const detail = await getRole(admin, created.id);
    expect(detail.effectivePermissions).toEqual([
      { key: "dashboard.view", from: [{ id: parent.id, name: parent.name }] },
      { key: "board.read", from: [{ id: parent.id, name: parent.name }] },
      { key: "customers.read", from: [{ id: created.id, name }] },
      { key: "transactions.write", from: [{ id: created.id, name }] },
    ]);
    expect(detail.parent).toEqual({ id: parent.id, name: parent.name });
    expect(detail.ancestry.map((r) => r.id)).toEqual([created.id, parent.id]);

    const [event] = await roleEvents(created.id);
    expect(event).toMatchObject({ action: "role.created", actorId: admin.userId });
    expect(JSON.parse(event!.metadata)).toEqual({
      key: created.key,
      name,
      description: "Runs the tills after six.",
      permissions: ["customers.read", "transactions.write"],
      requiresTwoFactor: true,
      parentId: parent.id,
      parentName: parent.name,
    });
  });

  it("makes keys unique when two names give the same slug", async () => {
    const admin = await superAdmin();
    const base = `Late ${randomBytes(2).toString("hex")}`;
    const a = await createRole(admin, input({ name: `${base} shift` }), ctx());
    const b = await createRole(admin, input({ name: `${base}-shift` }), ctx());
    expect(b.key).toBe(`${a.key}_2`);
  });

  it("answers 409 with a field error for a name that exists, whatever its case (built-in names too)", async () => {
    const admin = await superAdmin();
    const existing = await roleRow();
    for (const name of [existing.name.toUpperCase(), "admin", "SUPER ADMIN"]) {
      const error = await rejection(createRole(admin, input({ name }), ctx()));
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).status).toBe(409);
      expect((error as ConflictError).fieldErrors.name?.[0]).toMatch(/already exists/);
    }
    expect(await db.role.count({ where: { name: existing.name.toUpperCase() } })).toBe(0);
  });

  it("validates name length, description and catalogue keys with field errors", async () => {
    const admin = await superAdmin();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ name: "x" }, "name", /at least 2/],
      [{ name: "x".repeat(61) }, "name", /at most 60/],
      [{ name: "   " }, "name", /at least 2/],
      [{ permissions: ["customers.read", "made.up"] }, "permissions", /catalogue/],
      [{ description: "d".repeat(501) }, "description", /at most 500/],
      [{ parentId: "no-such-role" }, "parentId", /from the list/],
    ];
    for (const [overrides, field, message] of cases) {
      const error = await rejection(createRole(admin, input(overrides), ctx()));
      expect(error, JSON.stringify(overrides)).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors[field]?.[0], field).toMatch(message);
    }
  });

  it("refuses to grant a permission the viewer does not hold, directly", async () => {
    const viewer = await limitedManager();
    const name = uniqueName("Sneaky ");
    const error = await rejection(createRole(viewer, input({ name, permissions: ["customers.read", "users.manage"] }), ctx()));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as ForbiddenError).message).toMatch(/do not hold: Manage users/);
    expect(await db.role.count({ where: { name } })).toBe(0);
    // Within what they hold it works.
    const ok = await createRole(viewer, input({ permissions: ["customers.read", "customers.write"] }), ctx());
    expect(await ownPermissions(ok.id)).toEqual(["customers.read", "customers.write"]);
  });

  it("refuses to grant a permission the viewer does not hold through the chosen parent (and grandparent)", async () => {
    const viewer = await limitedManager();
    const grandparent = await roleRow({ permissions: ["audit.read"] });
    const parent = await roleRow({ permissions: ["customers.read"], parentId: grandparent.id });
    const name = uniqueName("Heir ");
    const error = await rejection(createRole(viewer, input({ name, permissions: ["customers.read"], parentId: parent.id }), ctx()));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as ForbiddenError).message).toMatch(/parent role .* do not hold: Read the activity log/);
    const admin = await rejection(createRole(viewer, input({ name, parentId: await roleIdOf("admin") }), ctx()));
    expect(admin).toBeInstanceOf(ForbiddenError);
    expect(await db.role.count({ where: { name } })).toBe(0);
  });

  it("needs roles.manage, a signed-in viewer and a session that is not impersonated", async () => {
    const name = uniqueName("Nope ");
    const manager = await viewerWithRole("manager");
    expect(manager.permissions.has("roles.manage")).toBe(false);
    await expect(createRole(manager, input({ name }), ctx())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createRole(null, input({ name }), ctx())).rejects.toBeInstanceOf(UnauthenticatedError);
    const admin = await superAdmin();
    const impersonated = { ...admin, impersonatorId: admin.userId };
    await expect(createRole(impersonated, input({ name }), ctx())).rejects.toMatchObject({
      code: "impersonation_restricted",
      status: 403,
    });
    expect(await db.role.count({ where: { name } })).toBe(0);
  });
});

describe("updateRole", () => {
  it("writes only what changed and audits each change's before and after", async () => {
    const admin = await superAdmin();
    const parent = await roleRow({ permissions: ["analytics.read"] });
    const role = await roleRow({ permissions: ["customers.read", "products.read"] });
    const newName = uniqueName("Renamed ");

    const result = await updateRole(
      admin,
      role.id,
      input({
        name: newName,
        description: "Now with a description.",
        permissions: ["customers.read", "staff.read"],
        requiresTwoFactor: true,
        parentId: parent.id,
      }),
      ctx(),
    );

    expect(result.changed).toEqual(["name", "description", "requiresTwoFactor", "parent", "permissions"]);
    expect(await db.role.findUniqueOrThrow({ where: { id: role.id } })).toMatchObject({
      name: newName,
      key: role.key,
      description: "Now with a description.",
      requiresTwoFactor: true,
      parentId: parent.id,
    });
    expect(await ownPermissions(role.id)).toEqual(["customers.read", "staff.read"]);
    const [event] = await roleEvents(role.id);
    expect(event).toMatchObject({ action: "role.updated", actorId: admin.userId });
    expect(JSON.parse(event!.metadata)).toEqual({
      key: role.key,
      nameBefore: role.name,
      nameAfter: newName,
      descriptionBefore: "",
      descriptionAfter: "Now with a description.",
      requiresTwoFactorBefore: false,
      requiresTwoFactorAfter: true,
      parentIdBefore: null,
      parentNameBefore: null,
      parentIdAfter: parent.id,
      parentNameAfter: parent.name,
      permissionsAdded: ["staff.read"],
      permissionsRemoved: ["products.read"],
      permissionsBefore: ["customers.read", "products.read"],
      permissionsAfter: ["customers.read", "staff.read"],
      effectivePermissionsAdded: ["analytics.read", "staff.read"],
      effectivePermissionsRemoved: ["products.read"],
    });

    // The same values again change nothing and write no event.
    const again = await updateRole(admin, role.id, await editorValues(role.id), ctx());
    expect(again.changed).toEqual([]);
    expect(await roleEvents(role.id)).toHaveLength(1);
  });

  it("reaches the members on their next request", async () => {
    const admin = await superAdmin();
    const role = await roleRow({ permissions: ["dashboard.view"] });
    const member = await addMember(role.id);
    const session = await signIn(member.id);
    expect(session.viewer.permissions.has("analytics.read")).toBe(false);

    await updateRole(admin, role.id, { ...(await editorValues(role.id)), permissions: ["dashboard.view", "analytics.read"] }, ctx());

    const next = await viewerFromSession((await validateSessionToken(session.token))!);
    expect(next.permissions.has("analytics.read")).toBe(true);
  });

  it("refuses a role as its own parent", async () => {
    const admin = await superAdmin();
    const role = await roleRow();
    const error = await rejection(updateRole(admin, role.id, { ...(await editorValues(role.id)), parentId: role.id }, ctx()));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.parentId?.[0]).toMatch(/own parent/);
    expect((await db.role.findUniqueOrThrow({ where: { id: role.id } })).parentId).toBeNull();
  });

  it("refuses a parent that would close a loop, two or three roles long", async () => {
    const admin = await superAdmin();
    const a = await roleRow();
    const b = await roleRow({ parentId: a.id });
    const c = await roleRow({ parentId: b.id });
    for (const loopParent of [b, c]) {
      const error = await rejection(updateRole(admin, a.id, { ...(await editorValues(a.id)), parentId: loopParent.id }, ctx()));
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors.parentId?.[0]).toMatch(/already inherits from this role/);
    }
    expect((await db.role.findUniqueOrThrow({ where: { id: a.id } })).parentId).toBeNull();
    expect(await roleEvents(a.id)).toHaveLength(0);
  });

  it("lets only one of two concurrent edits that together would make a loop win", async () => {
    const admin = await superAdmin();
    const x = await roleRow();
    const y = await roleRow();
    const [vx, vy] = [await editorValues(x.id), await editorValues(y.id)];
    const results = await Promise.allSettled([
      updateRole(admin, x.id, { ...vx, parentId: y.id }, ctx()),
      updateRole(admin, y.id, { ...vy, parentId: x.id }, ctx()),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(ValidationError);
    const parents = await db.role.findMany({ where: { id: { in: [x.id, y.id] } }, select: { parentId: true } });
    expect(parents.filter((p) => p.parentId !== null)).toHaveLength(1);
  });

  it("refuses adding a permission the viewer lacks, directly or through a new parent", async () => {
    const viewer = await limitedManager();
    const role = await roleRow({ permissions: ["customers.read"] });
    const broad = await roleRow({ permissions: ["customers.read", "email.send"] });
    const values = await editorValues(role.id);
    await expect(updateRole(viewer, role.id, { ...values, permissions: ["customers.read", "email.send"] }, ctx())).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(updateRole(viewer, role.id, { ...values, parentId: broad.id }, ctx())).rejects.toBeInstanceOf(ForbiddenError);
    expect(await editorValues(role.id)).toEqual(values);
    // What they hold, they may add and remove.
    await updateRole(viewer, role.id, { ...values, permissions: ["customers.write"] }, ctx());
    expect(await ownPermissions(role.id)).toEqual(["customers.write"]);
  });

  it("refuses any change to a role that grants more than the viewer holds, even taking permissions away", async () => {
    const viewer = await limitedManager();
    const parent = await roleRow({ permissions: ["users.manage"] });
    const role = await roleRow({ permissions: ["customers.read", "audit.read"] });
    const heir = await roleRow({ permissions: ["customers.read"], parentId: parent.id });
    const values = await editorValues(role.id);
    await expect(updateRole(viewer, role.id, { ...values, permissions: ["customers.read"] }, ctx())).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(updateRole(viewer, role.id, { ...values, description: "mine now" }, ctx())).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    // Through inheritance too: cutting the heir loose from a parent whose grants one lacks is refused.
    await expect(updateRole(viewer, heir.id, { ...(await editorValues(heir.id)), parentId: null }, ctx())).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await editorValues(role.id)).toEqual(values);
    expect((await db.role.findUniqueOrThrow({ where: { id: heir.id } })).parentId).toBe(parent.id);
  });

  it("never renames a built-in role, but edits its permissions", async () => {
    const admin = await superAdmin();
    const staffId = await roleIdOf("staff");
    const original = await editorValues(staffId);
    const error = await rejection(updateRole(admin, staffId, { ...original, name: "Crew" }, ctx()));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.name?.[0]).toMatch(/cannot be renamed/);
    expect((await db.role.findUniqueOrThrow({ where: { id: staffId } })).name).toBe("Staff");
    try {
      const result = await updateRole(admin, staffId, { ...original, permissions: [...original.permissions, "analytics.read"] }, ctx());
      expect(result.changed).toEqual(["permissions"]);
      expect(await ownPermissions(staffId)).toContain("analytics.read");
    } finally {
      await updateRole(admin, staffId, original, ctx());
    }
    expect(await ownPermissions(staffId)).toEqual(original.permissions);
  });

  it("never edits Super Admin's permissions or parent, nor switches its 2FA off", async () => {
    const admin = await superAdmin();
    const id = await roleIdOf(SUPER_ADMIN_ROLE);
    const original = await editorValues(id);
    expect(original.permissions).toEqual([...ALL_PERMISSIONS].sort());
    const attempts: [Record<string, unknown>, string][] = [
      [{ permissions: original.permissions.filter((p) => p !== "roles.manage") }, "permissions"],
      [{ parentId: await roleIdOf("user") }, "parentId"],
      ...(original.requiresTwoFactor ? ([[{ requiresTwoFactor: false }, "requiresTwoFactor"]] as [Record<string, unknown>, string][]) : []),
    ];
    for (const [change, field] of attempts) {
      const error = await rejection(updateRole(admin, id, { ...original, ...change }, ctx()));
      expect(error, field).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors[field]?.[0]).toMatch(/Super Admin/);
    }
    expect(await editorValues(id)).toEqual(original);
    // Its description is an administrator's to write.
    try {
      await updateRole(admin, id, { ...original, description: "Owners of the installation." }, ctx());
      expect((await db.role.findUniqueOrThrow({ where: { id } })).description).toBe("Owners of the installation.");
    } finally {
      await updateRole(admin, id, original, ctx());
    }
  });

  it("answers 404 for an unknown id and 403 without roles.manage", async () => {
    const admin = await superAdmin();
    await expect(updateRole(admin, "no-such-role", input(), ctx())).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateRole(admin, { id: "x" }, input(), ctx())).rejects.toBeInstanceOf(NotFoundError);
    const role = await roleRow();
    const values = await editorValues(role.id);
    const manager = await viewerWithRole("manager");
    await expect(updateRole(manager, role.id, { ...values, name: "Taken over" }, ctx())).rejects.toBeInstanceOf(ForbiddenError);
    expect(await editorValues(role.id)).toEqual(values);
  });
});

describe("deleteRole", () => {
  it("deletes a custom role nobody holds; its children inherit from its parent instead", async () => {
    const admin = await superAdmin();
    const grandparent = await roleRow({ permissions: ["dashboard.view"] });
    const role = await roleRow({ permissions: ["board.read"], parentId: grandparent.id });
    const child = await roleRow({ permissions: ["customers.read"], parentId: role.id });

    expect(await deleteRole(admin, role.id, {}, ctx())).toEqual({ name: role.name, membersMoved: 0, reassignedTo: null });

    expect(await db.role.count({ where: { id: role.id } })).toBe(0);
    expect((await db.role.findUniqueOrThrow({ where: { id: child.id } })).parentId).toBe(grandparent.id);
    const [event] = await roleEvents(role.id);
    expect(event).toMatchObject({ action: "role.deleted", actorId: admin.userId });
    expect(JSON.parse(event!.metadata)).toMatchObject({
      key: role.key,
      name: role.name,
      permissions: ["board.read"],
      memberCount: 0,
      membersMoved: 0,
      reassignedToId: null,
      childrenReparented: [child.name],
    });
  });

  it("refuses to delete a held role without a role to move its members to", async () => {
    const admin = await superAdmin();
    const role = await roleRow();
    const member = await addMember(role.id);
    const error = await rejection(deleteRole(admin, role.id, {}, ctx()));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.reassignTo?.[0]).toMatch(/1 person holds this role/);
    expect(await db.userRole.count({ where: { roleId: role.id, userId: member.id } })).toBe(1);
    expect(await roleEvents(role.id)).toHaveLength(0);
  });

  it("moves members and pending invitations to the chosen role in the same transaction", async () => {
    const admin = await superAdmin();
    const role = await roleRow({ permissions: ["board.read"] });
    const target = await roleRow({ permissions: ["board.read", "dashboard.view"] });
    const [one, two, both] = [await addMember(role.id), await addMember(role.id), await addMember(role.id)];
    await db.userRole.create({ data: { userId: both.id, roleId: target.id } });
    const future = new Date(Date.now() + 86_400_000);
    const pending = await db.invitation.create({
      data: { email: `${uniqueName()}@example.com`, tokenHash: randomBytes(16).toString("hex"), roleId: role.id, expiresAt: future },
    });

    const result = await deleteRole(admin, role.id, { reassignTo: target.id }, ctx());

    expect(result).toEqual({ name: role.name, membersMoved: 2, reassignedTo: target.name });
    expect(await db.role.count({ where: { id: role.id } })).toBe(0);
    for (const u of [one, two, both]) {
      const held = (await db.userRole.findMany({ where: { userId: u.id }, select: { roleId: true } })).map((r) => r.roleId);
      expect(held).toContain(target.id);
      expect(held).not.toContain(role.id);
    }
    expect(await db.userRole.count({ where: { roleId: target.id, userId: { in: [one.id, two.id, both.id] } } })).toBe(3);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: pending.id } })).roleId).toBe(target.id);
    const [event] = await roleEvents(role.id);
    expect(JSON.parse(event!.metadata)).toMatchObject({
      memberCount: 3,
      membersMoved: 2,
      invitationsMoved: 1,
      reassignedToId: target.id,
      reassignedToName: target.name,
    });
  });

  it("moves nobody when the deletion fails after the move (one transaction)", async () => {
    const admin = await superAdmin();
    const role = await roleRow();
    const target = await roleRow();
    const member = await addMember(role.id);
    const trigger = `refuse_${randomBytes(4).toString("hex")}`;
    // Make the final DELETE of this one role fail, after the members were already moved.
    if (dbProvider === "postgresql") {
      await db.$executeRawUnsafe(
        `CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by test'; END $$`,
      );
      await db.$executeRawUnsafe(
        `CREATE TRIGGER ${trigger} BEFORE DELETE ON "Role" FOR EACH ROW WHEN (OLD."id" = '${role.id}') EXECUTE FUNCTION ${trigger}()`,
      );
    } else {
      await db.$executeRawUnsafe(
        `CREATE TRIGGER ${trigger} BEFORE DELETE ON "Role" WHEN OLD."id" = '${role.id}' BEGIN SELECT RAISE(ABORT, 'refused by test'); END`,
      );
    }
    try {
      // SQLite reports RAISE(ABORT) as a constraint failure; PostgreSQL passes the message on.
      await expect(deleteRole(admin, role.id, { reassignTo: target.id }, ctx())).rejects.toThrow(
        dbProvider === "postgresql" ? /refused by test/ : /constraint/i,
      );
    } finally {
      if (dbProvider === "postgresql") {
        await db.$executeRawUnsafe(`DROP TRIGGER ${trigger} ON "Role"`);
        await db.$executeRawUnsafe(`DROP FUNCTION ${trigger}()`);
      } else {
        await db.$executeRawUnsafe(`DROP TRIGGER ${trigger}`);
      }
    }
    const held = (await db.userRole.findMany({ where: { userId: member.id }, select: { roleId: true } })).map((r) => r.roleId);
    expect(held).toContain(role.id);
    expect(held).not.toContain(target.id);
    expect(await db.role.count({ where: { id: role.id } })).toBe(1);
    expect(await roleEvents(role.id)).toHaveLength(0);
  });

  it("refuses reassigning to the role itself, to an unknown role, or to one granting what the viewer lacks", async () => {
    const viewer = await limitedManager();
    const role = await roleRow({ permissions: ["customers.read"] });
    const member = await addMember(role.id);
    const self = await rejection(deleteRole(viewer, role.id, { reassignTo: role.id }, ctx()));
    expect((self as ValidationError).fieldErrors.reassignTo?.[0]).toMatch(/the one being deleted/);
    const unknown = await rejection(deleteRole(viewer, role.id, { reassignTo: "no-such-role" }, ctx()));
    expect((unknown as ValidationError).fieldErrors.reassignTo?.[0]).toMatch(/from the list/);
    await expect(deleteRole(viewer, role.id, { reassignTo: await roleIdOf("admin") }, ctx())).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.userRole.count({ where: { roleId: role.id, userId: member.id } })).toBe(1);
  });

  it("refuses deleting a role that grants more than the viewer holds", async () => {
    const viewer = await limitedManager();
    const role = await roleRow({ permissions: ["users.manage"] });
    await expect(deleteRole(viewer, role.id, {}, ctx())).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.role.count({ where: { id: role.id } })).toBe(1);
  });

  it("never deletes a built-in role", async () => {
    const admin = await superAdmin();
    for (const key of ["super_admin", "admin", "manager", "staff", "user"]) {
      const id = await roleIdOf(key);
      const target = await roleRow();
      await expect(deleteRole(admin, id, { reassignTo: target.id }, ctx())).rejects.toMatchObject({
        code: "built_in_role",
        status: 403,
      });
      expect(await db.role.count({ where: { id } })).toBe(1);
    }
  });

  it("answers 404 for an unknown id and 403 without roles.manage", async () => {
    const admin = await superAdmin();
    await expect(deleteRole(admin, "no-such-role", {}, ctx())).rejects.toBeInstanceOf(NotFoundError);
    const role = await roleRow();
    const manager = await viewerWithRole("manager");
    await expect(deleteRole(manager, role.id, {}, ctx())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteRole({ ...admin, impersonatorId: admin.userId }, role.id, {}, ctx())).rejects.toMatchObject({
      code: "impersonation_restricted",
    });
    expect(await db.role.count({ where: { id: role.id } })).toBe(1);
  });
});

describe("listRoles and getRole", () => {
  it("lists built-in roles first with member counts, parents and own and effective permission counts", async () => {
    const admin = await superAdmin();
    const parent = await roleRow({ permissions: ["dashboard.view", "board.read"], twoFactor: true });
    const child = await roleRow({ permissions: ["board.read", "customers.read"], parentId: parent.id });
    await addMember(child.id);
    await addMember(child.id);

    const roles = await listRoles(admin);
    expect(roles.slice(0, 5).map((r) => r.key)).toEqual(["super_admin", "admin", "manager", "staff", "user"]);
    expect(roles.slice(0, 5).every((r) => r.builtIn)).toBe(true);
    const item = roles.find((r) => r.id === child.id)!;
    expect(item).toMatchObject({
      builtIn: false,
      memberCount: 2,
      parent: { id: parent.id, name: parent.name },
      requiresTwoFactor: false,
      effectiveRequiresTwoFactor: true,
      permissions: ["board.read", "customers.read"],
      effectivePermissions: ["dashboard.view", "board.read", "customers.read"],
    });
    expect(roles.find((r) => r.key === SUPER_ADMIN_ROLE)!.effectivePermissions).toHaveLength(ALL_PERMISSIONS.length);
  });

  it("gives a role's members (the first 50 and the total), children and 2FA source", async () => {
    const admin = await superAdmin();
    const parent = await roleRow({ twoFactor: true });
    const role = await roleRow({ parentId: parent.id });
    const child = await roleRow({ parentId: role.id });
    const tag = randomBytes(3).toString("hex");
    const users = await Promise.all(
      Array.from({ length: 52 }, (_, i) =>
        db.user.create({
          data: {
            username: `m${tag}${i}`,
            email: `m${tag}${i}@example.com`,
            firstName: `Member${String(i).padStart(2, "0")}`,
            lastName: "Test",
            dateOfBirth: new Date(Date.UTC(1990, 0, 1)),
            passwordHash: "x",
            roles: { create: { roleId: role.id } },
          },
          select: { id: true },
        }),
      ),
    );

    const detail = await getRole(admin, role.id);
    expect(detail.memberCount).toBe(52);
    expect(detail.members).toHaveLength(50);
    expect(detail.members[0]).toEqual({
      id: expect.any(String),
      name: "Member00 Test",
      username: `m${tag}0`,
      email: `m${tag}0@example.com`,
    });
    expect(users.map((u) => u.id)).toContain(detail.members[0]!.id);
    expect(detail.children).toEqual([{ id: child.id, name: child.name }]);
    expect(detail).toMatchObject({ requiresTwoFactor: false, effectiveRequiresTwoFactor: true, twoFactorFrom: { id: parent.id } });
  });

  it("needs roles.read and answers 404 for an unknown id", async () => {
    const user = await viewerWithRole("user");
    await expect(listRoles(user)).rejects.toBeInstanceOf(ForbiddenError);
    const role = await roleRow();
    await expect(getRole(user, role.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listRoles(null)).rejects.toBeInstanceOf(UnauthenticatedError);
    const admin = await superAdmin();
    await expect(getRole(admin, "no-such-role")).rejects.toBeInstanceOf(NotFoundError);
    // A Manager reads roles? Only with roles.read, which the built-in Manager does not hold.
    const manager = await viewerWithRole("manager");
    await expect(listRoles(manager)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
