// The authorization matrix's entries for one area: Products (lib/data/products, /records/products, /api/v1/products).
// Merged into test/authz/access-policy.ts; the shapes and rules are documented there.
//
// The products the cases act on are written straight to the database (a fresh one per cell), so an
// allowed call really edits, archives or deletes, and a refused one must leave it alone (the matrix
// compares every table's row count, the audit log's included). The database module is imported
// inside the factories only: the page suite (e2e) loads this file too and never calls them.
import type { AreaPolicy } from "../access-policy";
import { perm } from "../access";
import { missingId } from "../fixtures";

const tag = () => Math.random().toString(36).slice(2, 10).toUpperCase();

async function freshProduct(options: { archived?: boolean; stock?: number } = {}) {
  const { db } = await import("../../../lib/db");
  return db.product.create({
    data: {
      sku: `MATRIX-${tag()}`,
      name: "Matrix product",
      unitPrice: 1250,
      unitCost: 700,
      currency: "USD",
      stock: options.stock ?? 10,
      archivedAt: options.archived ? new Date() : null,
      active: !options.archived,
    },
    select: { id: true, version: true },
  });
}

const newProduct = () => ({ sku: `MATRIX-NEW-${tag()}`, name: "Matrix new product", unitPrice: 999, currency: "USD" });
const importCsv = () => `sku,name,unit_price,currency\nMATRIX-IMP-${tag()},Imported,1.00,USD\n`;

const READ = perm("products.read");
const WRITE = perm("products.write");

export const productsPolicy: AreaPolicy = {
  actions: {
    "lib/actions/products/create-product.ts#createProductAction": {
      access: WRITE,
      cases: [{ label: "a new product", setup: async () => ({ args: [newProduct()] }) }],
    },
    "lib/actions/products/update-product.ts#updateProductAction": {
      access: WRITE,
      cases: [
        {
          label: "a fresh product, at its version",
          setup: async () => {
            const p = await freshProduct();
            return { args: [p.id, p.version, { unitPrice: 1350 }] };
          },
        },
        { label: "an id that matches nothing", setup: async () => ({ args: [missingId(), 1, { unitPrice: 1 }] }) },
      ],
    },
    "lib/actions/products/archive-product.ts#archiveProductAction": {
      access: WRITE,
      cases: [
        { label: "a fresh product", setup: async () => ({ args: [(await freshProduct()).id] }) },
        { label: "an id that matches nothing", setup: async () => ({ args: [missingId()] }) },
      ],
    },
    "lib/actions/products/restore-product.ts#restoreProductAction": {
      access: WRITE,
      cases: [
        { label: "an archived product", setup: async () => ({ args: [(await freshProduct({ archived: true })).id] }) },
      ],
    },
    "lib/actions/products/delete-product.ts#deleteProductAction": {
      access: WRITE,
      cases: [{ label: "a fresh product", setup: async () => ({ args: [(await freshProduct()).id] }) }],
    },
    "lib/actions/products/adjust-stock.ts#adjustStockAction": {
      access: WRITE,
      cases: [
        {
          label: "a delivery to a fresh product",
          setup: async () => ({ args: [(await freshProduct()).id, { delta: 5, reason: "Matrix delivery" }] }),
        },
      ],
    },
    "lib/actions/products/preview-product-import.ts#previewProductImportAction": {
      access: WRITE,
      cases: [{ label: "a one-row file", setup: async () => ({ args: [{ csv: importCsv() }] }) }],
    },
    "lib/actions/products/import-products.ts#importProductsAction": {
      access: WRITE,
      cases: [{ label: "a one-row file, committed", setup: async () => ({ args: [{ csv: importCsv() }] }) }],
    },
  },
  routes: {
    "GET /api/v1/products": { access: READ },
    "POST /api/v1/products": {
      access: WRITE,
      cases: [{ label: "a new product", setup: async () => ({ body: newProduct() }) }],
    },
    "GET /api/v1/products/[id]": {
      access: READ,
      cases: [
        { label: "a fresh product", setup: async () => ({ params: { id: (await freshProduct()).id } }) },
        { label: "an id that matches nothing", setup: async () => ({ params: { id: missingId() } }) },
      ],
    },
    "PATCH /api/v1/products/[id]": {
      access: WRITE,
      cases: [
        {
          label: "a fresh product",
          setup: async () => ({ params: { id: (await freshProduct()).id }, body: { unitPrice: 1350 } }),
        },
      ],
    },
    "DELETE /api/v1/products/[id]": {
      access: WRITE,
      cases: [{ label: "a fresh product", setup: async () => ({ params: { id: (await freshProduct()).id } }) }],
    },
    "POST /api/v1/products/[id]/stock-adjustments": {
      access: WRITE,
      cases: [
        {
          label: "a delivery to a fresh product",
          setup: async () => ({ params: { id: (await freshProduct()).id }, body: { delta: 5, reason: "Matrix delivery" } }),
        },
      ],
    },
    "GET /api/v1/products/export": { access: READ },
    // The import reads text/csv: the matrix sends JSON, so an allowed call answers 415 (not a refusal).
    "POST /api/v1/products/import": {
      access: WRITE,
      cases: [{ label: "a JSON body (415 once allowed)", setup: async () => ({ body: { csv: importCsv() } }) }],
    },
  },
  pages: {
    "/records/products": { access: READ },
  },
};
