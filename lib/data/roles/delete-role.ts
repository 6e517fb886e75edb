// Delete a custom role. If anyone holds it (or a pending invitation offers it), `reassignTo` names
// the role they move to, in the same transaction as the deletion: nobody is left without the
// access they were meant to have, and nobody is half-moved. Roles that inherited from the deleted
// one inherit from its parent instead (the role is cut out of the chain, so they keep what the
// rest of the chain gave them). The viewer must hold everything the deleted role granted, and
// everything the target role grants.
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { assertNotImpersonating } from "@/lib/auth/assert-not-impersonating";
import type { Viewer } from "@/lib/auth/viewer";
import { assertViewerHolds } from "@/lib/data/roles/assert-viewer-holds";
import { loadRoleGraph, type LoadedRole } from "@/lib/rbac/load-role-graph";
import { lockRoleWrites } from "@/lib/data/roles/lock-role-writes";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import { isPermission } from "@/lib/rbac/permissions";
import { effectiveRolePermissions } from "@/lib/rbac/role-graph";
import { deleteRoleSchema } from "@/lib/validations/role";
import { parseOrThrow } from "@/lib/validations/parse";

export type DeleteRoleResult = { name: string; membersMoved: number; reassignedTo: string | null };

export async function deleteRole(
  viewer: Viewer | null,
  roleId: unknown,
  input: unknown,
  ctx: RequestContext,
): Promise<DeleteRoleResult> {
  requirePermission(viewer, "roles.manage");
  assertNotImpersonating(viewer);
  if (typeof roleId !== "string" || roleId.length > 64) throw new NotFoundError("Role not found.");
  const { reassignTo } = parseOrThrow(deleteRoleSchema, input ?? {});
  return db.$transaction(async (tx) => {
    await lockRoleWrites(tx);
    const graph = await loadRoleGraph(tx);
    const role = graph.get(roleId);
    if (!role) throw new NotFoundError("Role not found.");
    if (role.builtIn) throw new ForbiddenError("Built-in roles cannot be deleted.", "built_in_role");
    assertViewerHolds(viewer, effectiveRolePermissions(role.id, graph).keys(), `“${role.name}”`);

    // The graph as it will be: the role gone, its children inheriting from its parent.
    const children = [...graph.values()].filter((r) => r.parentId === role.id);
    const after = new Map<string, LoadedRole>(graph);
    after.delete(role.id);
    for (const child of children) after.set(child.id, { ...child, parentId: role.parentId });

    const members = (await tx.userRole.findMany({ where: { roleId: role.id }, select: { userId: true } })).map(
      (m) => m.userId,
    );
    const pendingInvitations = await tx.invitation.count({
      where: { roleId: role.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    });
    let target: LoadedRole | null = null;
    if (reassignTo) {
      if (reassignTo === role.id)
        throw new ValidationError({ reassignTo: ["Choose another role: this is the one being deleted."] });
      target = after.get(reassignTo) ?? null;
      if (!target) throw new ValidationError({ reassignTo: ["Choose a role from the list."] });
      assertViewerHolds(viewer, effectiveRolePermissions(target.id, after).keys(), `“${target.name}”`);
    } else if (members.length || pendingInvitations) {
      const held = [
        members.length ? `${members.length} ${members.length === 1 ? "person holds" : "people hold"} this role` : null,
        pendingInvitations
          ? `${pendingInvitations} pending invitation${pendingInvitations === 1 ? " offers" : "s offer"} it`
          : null,
      ]
        .filter(Boolean)
        .join(" and ");
      throw new ValidationError(
        { reassignTo: [`${held}: choose the role to move ${members.length ? "them" : "it"} to.`] },
        `${held}: choose a role to move ${members.length ? "them" : "it"} to.`,
      );
    }

    let membersMoved = 0;
    let invitationsMoved = 0;
    if (target) {
      const already = new Set(
        (
          await tx.userRole.findMany({
            where: { roleId: target.id, userId: { in: members } },
            select: { userId: true },
          })
        ).map((m) => m.userId),
      );
      const moving = members.filter((id) => !already.has(id));
      if (moving.length) {
        await tx.userRole.createMany({ data: moving.map((userId) => ({ userId, roleId: target.id })) });
      }
      membersMoved = moving.length;
      invitationsMoved = (
        await tx.invitation.updateMany({
          where: { roleId: role.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
          data: { roleId: target.id },
        })
      ).count;
    }
    if (children.length) {
      await tx.role.updateMany({ where: { parentId: role.id }, data: { parentId: role.parentId } });
    }
    // Its grants and memberships go with it (cascade), as do invitations that were no longer pending.
    await tx.role.delete({ where: { id: role.id } });

    const parent = role.parentId ? graph.get(role.parentId) : undefined;
    await audit(
      {
        action: "role.deleted",
        actorId: viewer.userId,
        targetType: "role",
        targetId: role.id,
        targetName: role.name,
        metadata: {
          key: role.key,
          name: role.name,
          description: role.description,
          permissions: role.permissions.filter(isPermission).sort(),
          requiresTwoFactor: role.requiresTwoFactor,
          parentName: parent?.name ?? null,
          memberCount: members.length,
          membersMoved,
          invitationsMoved,
          reassignedToId: target?.id ?? null,
          reassignedToName: target?.name ?? null,
          childrenReparented: children.map((c) => c.name).sort(),
        },
        context: ctx,
      },
      tx,
    );
    return { name: role.name, membersMoved, reassignedTo: target?.name ?? null };
  });
}
