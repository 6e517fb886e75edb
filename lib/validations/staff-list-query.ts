// The staff table's query (/records/staff and GET /api/v1/staff): search over name, username,
// email and employee number; sort by name, hire date or employee number; an account-status filter.
import { z } from "zod";
import { defineListQuery, type SortSpec } from "@/lib/validations/list-query";

export const STAFF_SORT_KEYS = ["name", "hiredOn", "employeeNumber"] as const;
export type StaffSortKey = (typeof STAFF_SORT_KEYS)[number];

const staffListQuery = defineListQuery({
  sortKeys: STAFF_SORT_KEYS,
  defaultSort: { key: "name", direction: "asc" },
  filters: {
    status: z.enum(["active", "banned"], { error: "status is active or banned." }),
  },
});

export const staffListQuerySchema = staffListQuery.schema;
export const parseStaffListQuery = staffListQuery.parse;
export const parseStaffListQueryStrict = staffListQuery.parseStrict;
export const STAFF_FILTER_KEYS = staffListQuery.filterKeys;
export const DEFAULT_STAFF_SORT: SortSpec<StaffSortKey> = staffListQuery.defaultSort;
export type StaffListQuery = ReturnType<typeof parseStaffListQuery>;
