import { jsonRecord, withApi } from "@/lib/api/with-api";
import { getStaffMember } from "@/lib/data/staff-records/get-staff-member";
import { updateStaffRecord } from "@/lib/data/staff-records/update-staff-record";

/** GET /api/v1/staff/{id}: one staff member with their record; ETag covers the record and the account (staff-member.ts). */
export const GET = withApi(
  async (ctx) => {
    const member = await getStaffMember(ctx.actor, ctx.params.id);
    return jsonRecord(ctx.request, { data: member }, member.version);
  },
  { permission: "staff.read" },
);

/** PATCH /api/v1/staff/{id}: change the staff record's fields named in the body; If-Match guards against a stale write. */
export const PATCH = withApi(
  async (ctx) => {
    const member = await updateStaffRecord(ctx.actor, ctx.params.id, await ctx.json(), ctx, ctx.expectedVersion());
    return jsonRecord(ctx.request, { data: member }, member.version);
  },
  { permission: "staff.write" },
);
