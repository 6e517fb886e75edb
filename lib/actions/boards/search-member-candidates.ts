"use server";
// Board settings, Members: people to add, found by name or username. There is no DAL function yet
// that lets a board's owner search accounts (listUsers needs users.read, which Managers and
// admins hold); until there is one, owners without users.read are told to ask an administrator.
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { listUsers } from "@/lib/data/users/list-users";
import { ForbiddenError } from "@/lib/errors";
import { can } from "@/lib/rbac/can";
import { parseUserListQuery } from "@/lib/validations/user-list-query";
import { personName } from "@/lib/data/boards/board-json";

export type MemberCandidate = { userId: string; name: string; username: string };

export async function searchMemberCandidatesAction(q: string): Promise<ActionResult<MemberCandidate[]>> {
  return runAction("boards-search-member-candidates", async () => {
    const viewer = await getViewer();
    if (viewer && !can(viewer, "users.read")) {
      throw new ForbiddenError(
        "Finding people to add needs the “See users” permission. Ask an administrator to add them for you.",
      );
    }
    const query = parseUserListQuery({ q: String(q ?? "").slice(0, 100), status: "active", limit: "8", sort: "name" });
    const page = await listUsers(viewer, query);
    return page.items.map((u) => ({
      userId: u.id,
      name: personName(u),
      username: u.username,
    }));
  });
}
