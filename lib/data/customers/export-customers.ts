// The customers CSV export (customers.read): the list's current filter and sort, every matching
// row, streamed page by page through the same keyset pagination as the table (lib/csv), so memory
// stays bounded by one page. The export is audited when it starts (the filter it used).
import "server-only";
import { audit } from "@/lib/audit/audit";
import type { Actor } from "@/lib/auth/actor";
import { keysetPages, type CsvColumn } from "@/lib/csv/csv-export";
import type { RequestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import { decodeCursor, formatSort } from "@/lib/validations/list-query";
import type { CustomerJson } from "@/lib/validations/customer";
import type { CustomerListQuery } from "@/lib/validations/customer-list-query";
import { listCustomers } from "@/lib/data/customers/list-customers";

const EXPORT_PAGE_SIZE = 500;

/** The export's columns: the import's (name … tags) first, so an export can be edited and re-imported. */
export const CUSTOMER_EXPORT_COLUMNS: CsvColumn<CustomerJson>[] = [
  { header: "name", value: (c) => c.name },
  { header: "email", value: (c) => c.email },
  { header: "phone", value: (c) => c.phone },
  { header: "address", value: (c) => c.address },
  { header: "notes", value: (c) => c.notes },
  { header: "tags", value: (c) => c.tags },
  { header: "id", value: (c) => c.id },
  { header: "archived", value: (c) => (c.archived ? "yes" : "no") },
  { header: "created_at", value: (c) => c.createdAt },
  { header: "updated_at", value: (c) => c.updatedAt },
];

export async function exportCustomers(
  actor: Actor | null,
  query: CustomerListQuery,
  ctx: RequestContext,
): Promise<{ filename: string; columns: CsvColumn<CustomerJson>[]; pages: AsyncIterable<CustomerJson[]> }> {
  requirePermission(actor, "customers.read");
  await audit({
    action: "customer.exported",
    actorId: actor.userId,
    targetType: "customer",
    metadata: {
      q: query.q ?? null,
      tag: query.tag ?? null,
      archived: query.archived ?? "active",
      sort: formatSort(query.sort),
    },
    context: ctx,
  });
  // The whole list from its start, whatever page the person was looking at.
  const base = { ...query, cursor: undefined, total: false };
  const pages = keysetPages(async (cursor) => {
    const page = await listCustomers(
      actor,
      { ...base, cursor: cursor ? (decodeCursor(cursor) ?? undefined) : undefined },
      { count: false, limit: EXPORT_PAGE_SIZE },
    );
    return { rows: page.items, nextCursor: page.nextCursor };
  });
  const day = new Date().toISOString().slice(0, 10);
  return { filename: `customers-${day}.csv`, columns: CUSTOMER_EXPORT_COLUMNS, pages };
}
