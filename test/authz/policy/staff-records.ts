// The authorization matrix's entries for one area: Staff records (lib/data/staff-records, /records/staff, /api/v1/staff).
// Merged into test/authz/access-policy.ts; the shapes and rules are documented there.
//
// Each cell edits a fresh staff member (a user with the Staff role made for it), with a fresh
// employee number, so an allowed call really writes and a refused one must leave everything alone.
import type { AreaPolicy } from "../access-policy";
import { perm } from "../access";
import { missingId, watchUser } from "../fixtures";

const number = () => `MX-${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
const record = () => ({ employeeNumber: number(), phone: "+44 20 7946 0000", hiredOn: "2024-03-01" });

export const staffRecordsPolicy: AreaPolicy = {
  actions: {
    "lib/actions/staff-records/update-staff-record.ts#updateStaffRecordAction": {
      access: perm("staff.write"),
      cases: [
        {
          label: "a fresh staff member without a record",
          setup: async (f) => {
            const member = await f.user({ role: "staff" });
            return { args: [member.id, record(), 0], watch: watchUser(member.id) };
          },
        },
        {
          label: "a user who is not staff",
          setup: async (f) => {
            const user = await f.user();
            return { args: [user.id, record(), 0], watch: watchUser(user.id) };
          },
        },
        { label: "an id that matches nobody", setup: async () => ({ args: [missingId(), record(), 0] }) },
      ],
    },
  },
  routes: {
    "GET /api/v1/staff": {
      access: perm("staff.read"),
      cases: [
        { label: "first page", setup: async () => ({}) },
        { label: "sorted by hire date, searched", setup: async () => ({ query: { sort: "-hiredOn", q: "matrix" } }) },
      ],
    },
    "GET /api/v1/staff/[id]": {
      access: perm("staff.read"),
      cases: [
        { label: "a fresh staff member", setup: async (f) => ({ params: { id: (await f.user({ role: "staff" })).id } }) },
        { label: "an id that matches nobody", setup: async () => ({ params: { id: missingId() } }) },
      ],
    },
    "PATCH /api/v1/staff/[id]": {
      access: perm("staff.write"),
      cases: [
        {
          label: "a fresh staff member",
          setup: async (f) => {
            const member = await f.user({ role: "staff" });
            return { params: { id: member.id }, body: record(), watch: watchUser(member.id) };
          },
        },
      ],
    },
  },
  pages: {
    "/records/staff": { access: perm("staff.read") },
  },
};
