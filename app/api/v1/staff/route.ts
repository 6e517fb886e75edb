import { withApi } from "@/lib/api/with-api";
import { jsonList } from "@/lib/api/list-response";
import { listStaff } from "@/lib/data/staff-records/list-staff";
import { parseStaffListQueryStrict } from "@/lib/validations/staff-list-query";

/** GET /api/v1/staff: staff members with their records (q, sort, cursor, limit, status, total). */
export const GET = withApi(
  async (ctx) => {
    const page = await listStaff(ctx.actor, parseStaffListQueryStrict(ctx.searchParams));
    return jsonList(page.items, page);
  },
  { permission: "staff.read" },
);
