// The customers table's query (/records/customers, GET /api/v1/customers, the CSV export): search
// over name, email and phone (every word must match one of them), filters by tag and archived
// state (active by default), sort by name, creation or last change.
import { z } from "zod";
import { defineListQuery, type SortSpec } from "@/lib/validations/list-query";

export const CUSTOMER_SORT_KEYS = ["name", "createdAt", "updatedAt"] as const;
export type CustomerSortKey = (typeof CUSTOMER_SORT_KEYS)[number];

export const CUSTOMER_ARCHIVED_STATES = ["active", "archived", "all"] as const;
export type CustomerArchivedState = (typeof CUSTOMER_ARCHIVED_STATES)[number];

const customerListQuery = defineListQuery({
  sortKeys: CUSTOMER_SORT_KEYS,
  defaultSort: { key: "name", direction: "asc" },
  filters: {
    tag: z
      .string()
      .trim()
      .toLowerCase()
      .max(40, "Tags are at most 40 characters.")
      .regex(/^[\p{L}\p{N}][\p{L}\p{N} _.&'-]*$/u, "Not a tag."),
    archived: z.enum(CUSTOMER_ARCHIVED_STATES, { error: "archived is active, archived or all." }),
  },
});

export const customerListQuerySchema = customerListQuery.schema;
export const parseCustomerListQuery = customerListQuery.parse;
export const parseCustomerListQueryStrict = customerListQuery.parseStrict;
export const CUSTOMER_FILTER_KEYS = customerListQuery.filterKeys;
export const DEFAULT_CUSTOMER_SORT: SortSpec<CustomerSortKey> = customerListQuery.defaultSort;
export type CustomerListQuery = ReturnType<typeof parseCustomerListQuery>;
