// The viewer edits their own name and date of birth. There is no user id in the input: the only
// account this can ever change is the signed-in one.
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { requireViewer } from "@/lib/auth/require-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import type { RequestContext } from "@/lib/http/request-context";
import { profileSchema } from "@/lib/validations/account";
import { parseOrThrow } from "@/lib/validations/parse";

export async function updateOwnProfile(viewer: Viewer | null, input: unknown, ctx: RequestContext): Promise<void> {
  requireViewer(viewer);
  const data = parseOrThrow(profileSchema, input);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: viewer.userId }, data: { firstName: data.firstName, lastName: data.lastName, dateOfBirth: data.dateOfBirth } });
    await audit({ action: "user.profile_updated", actorId: viewer.userId, targetType: "user", targetId: viewer.userId, context: ctx }, tx);
  });
}
