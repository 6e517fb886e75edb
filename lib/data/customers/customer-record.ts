// What the customer DAL functions read and hand out: one select (no other user fields than a
// name for "created by" / "updated by"), the JSON shape of lib/validations/customer.ts
// (customerSchema), and the unique-email conflict every writer reports the same way.
import "server-only";
import { ConflictError } from "@/lib/errors";
import type { CustomerJson } from "@/lib/validations/customer";

const person = { select: { id: true, firstName: true, lastName: true } } as const;

export const customerSelect = {
  id: true,
  name: true,
  email: true,
  phone: true,
  address: true,
  notes: true,
  archivedAt: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  createdBy: person,
  updatedBy: person,
  tags: { select: { tag: true }, orderBy: { tag: "asc" } },
} as const;

type Person = { id: string; firstName: string; lastName: string } | null;

export type CustomerRow = {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  notes: string | null;
  archivedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  createdBy: Person;
  updatedBy: Person;
  tags: { tag: string }[];
};

const nameOf = (p: Person) => (p ? { id: p.id, name: `${p.firstName} ${p.lastName}`.trim() } : null);

export function toCustomerJson(row: CustomerRow): CustomerJson {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    address: row.address,
    notes: row.notes,
    tags: row.tags.map((t) => t.tag),
    archived: row.archivedAt !== null,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    createdBy: nameOf(row.createdBy),
    updatedBy: nameOf(row.updatedBy),
  };
}

export const EMAIL_TAKEN = "Another customer already has this email address.";

export function emailTaken(): ConflictError {
  return new ConflictError(EMAIL_TAKEN, { email: [EMAIL_TAKEN] });
}

/** Whether a Prisma error is the unique index on Customer.email refusing a write. */
export function isEmailUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; meta?: { target?: unknown; modelName?: string } };
  if (e?.code !== "P2002") return false;
  const target = e.meta?.target;
  const text = Array.isArray(target) ? target.join(",") : String(target ?? "");
  // Driver adapters do not always name the columns; the customer table has no other unique field.
  return text === "" || text.includes("email") || e.meta?.modelName === "Customer";
}
