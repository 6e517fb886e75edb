// What the product DAL functions read and hand out: one select (of the people involved, only a
// name for "created by" / "updated by"), the JSON shape of lib/validations/product.ts
// (productSchema) and the SKU conflict every writer reports the same way.
import "server-only";
import { ConflictError } from "@/lib/errors";
import type { ProductJson } from "@/lib/validations/product";

const person = { select: { id: true, firstName: true, lastName: true } } as const;

export const productSelect = {
  id: true,
  sku: true,
  name: true,
  description: true,
  unitPrice: true,
  unitCost: true,
  currency: true,
  taxRateBps: true,
  stock: true,
  lowStockThreshold: true,
  active: true,
  archivedAt: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  createdBy: person,
  updatedBy: person,
} as const;

type Person = { id: string; firstName: string; lastName: string } | null;

export type ProductRow = {
  id: string;
  sku: string;
  name: string;
  description: string | null;
  unitPrice: number;
  unitCost: number;
  currency: string;
  taxRateBps: number;
  stock: number;
  lowStockThreshold: number;
  active: boolean;
  archivedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  createdBy: Person;
  updatedBy: Person;
};

const nameOf = (p: Person) => (p ? { id: p.id, name: `${p.firstName} ${p.lastName}`.trim() } : null);

export function toProductJson(row: ProductRow): ProductJson {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    description: row.description,
    unitPrice: row.unitPrice,
    unitCost: row.unitCost,
    currency: row.currency,
    taxRateBps: row.taxRateBps,
    stock: row.stock,
    lowStockThreshold: row.lowStockThreshold,
    lowStock: row.stock <= row.lowStockThreshold,
    active: row.active,
    archived: row.archivedAt !== null,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    createdBy: nameOf(row.createdBy),
    updatedBy: nameOf(row.updatedBy),
  };
}

export const SKU_TAKEN = "Another product already has this SKU.";

export function skuTaken(message = SKU_TAKEN): ConflictError {
  return new ConflictError(message, { sku: [message] });
}

/** Whether a Prisma error is a foreign key refusing a delete (a sale's line still names the product). */
export function isForeignKeyViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2003";
}
