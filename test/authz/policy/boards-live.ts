// The authorization matrix's entries for live board updates: the event stream
// GET /api/v1/boards/{id}/events (app/api/v1/boards/[id]/events/route.ts). Merged into
// test/authz/access-policy.ts; the shapes and rules are documented there.
//
// The matrix looks at the status only and never reads a body: the stream is pull-driven (nothing
// subscribes or schedules until the body is read), so an allowed cell's open stream holds nothing
// and cannot hang the run. A principal holding board.read is allowed through withApi and then
// answered 200 (a member's stream) or 404 (not a member: the board is not theirs to see), never
// 401/403. The board is written straight to the database, the caller made its member.
import type { AreaPolicy } from "../access-policy";
import { perm } from "../access";
import { missingId } from "../fixtures";

async function boardWithMember(userId: string | null): Promise<string> {
  const { db } = await import("../../../lib/db");
  const board = await db.board.create({
    data: {
      name: `Matrix live board ${Math.random().toString(36).slice(2, 8)}`,
      columns: { create: { name: "To do", position: "a0" } },
      ...(userId ? { members: { create: { userId, role: "viewer" } } } : {}),
    },
    select: { id: true },
  });
  return board.id;
}

export const boardsLivePolicy: AreaPolicy = {
  actions: {},
  routes: {
    "GET /api/v1/boards/[id]/events": {
      access: perm("board.read"),
      cases: [
        {
          label: "a board the caller is a viewer of, from the start",
          setup: async (_f, me) => ({ params: { id: await boardWithMember(me.userId) }, query: { after: "0" } }),
        },
        {
          label: "an id that matches nothing",
          setup: async () => ({ params: { id: missingId() }, query: { after: "0" } }),
        },
      ],
    },
  },
  pages: {},
};
