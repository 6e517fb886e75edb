// Bulk rows for `npm run bench:api`: customers, products, transactions and their lines written
// straight into the app's SQLite file with better-sqlite3 prepared statements in one transaction
// (a few seconds for a million lines), plus a Manager account with an API key. Dates are stored
// in Prisma's text form so the app reads them as it reads its own.
import { createHash, randomBytes } from "node:crypto";
import Database from "better-sqlite3";

export type SeededRecords = {
  apiKey: string;
  ownerId: string;
  customerIds: string[];
  productIds: string[];
  customers: number;
  lines: number;
  seconds: number;
};

const prismaDate = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

/** Ids in the app's alphabet (cuid-like: lower-case letter + 24 base36 characters). */
function idMaker(prefix: string) {
  let n = 0;
  return () => `${prefix}${(n++).toString(36).padStart(8, "0")}${randomBytes(8).toString("hex").slice(0, 16)}`;
}

export function seedRecords(file: string, options: { customers: number; lines: number; linesPerSale?: number }) {
  const started = performance.now();
  const db = new Database(file, { fileMustExist: true });
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const now = Date.now();
  const yearMs = 365 * 86_400_000;

  const managerRole = db.prepare(`SELECT "id" FROM "Role" WHERE "key" = 'manager'`).get() as { id: string } | undefined;
  if (!managerRole) throw new Error("the seeded database has no manager role");
  const ownerId = "cbenchowner000000000000000";
  const key = `odk_live_${randomBytes(32).toString("base64url")}`;
  const keyHash = createHash("sha256").update(key).digest("hex");

  const customerIds: string[] = [];
  const productIds: string[] = [];
  const linesPerSale = options.linesPerSale ?? 4;

  db.transaction(() => {
    db.prepare(
      `INSERT INTO "User" ("id","username","email","firstName","lastName","dateOfBirth","passwordHash","emailVerifiedAt",
        "status","passwordChangedAt","kind","createdAt","updatedAt")
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    ).run(
      ownerId,
      "benchmanager",
      "manager@bench.opsdeck.test",
      "Bench",
      "Manager",
      prismaDate(Date.UTC(1990, 4, 17)),
      "!no-password",
      prismaDate(now),
      "active",
      prismaDate(now - yearMs),
      "person",
      prismaDate(now - yearMs),
      prismaDate(now),
    );
    db.prepare(`INSERT INTO "UserRole" ("userId","roleId","createdAt") VALUES (?,?,?)`).run(
      ownerId,
      managerRole.id,
      prismaDate(now),
    );
    db.prepare(
      `INSERT INTO "ApiKey" ("id","name","prefix","hash","ownerId","createdById","scopes","createdAt")
       VALUES (?,?,?,?,?,?,?,?)`,
    ).run(
      "cbenchkey00000000000000000",
      "bench",
      key.slice(0, 17),
      keyHash,
      ownerId,
      ownerId,
      JSON.stringify(["customers.read", "customers.write", "products.read", "transactions.read", "transactions.write"]),
      prismaDate(now),
    );

    const customer = db.prepare(
      `INSERT INTO "Customer" ("id","name","email","phone","address","notes","version","createdById","updatedById","createdAt","updatedAt")
       VALUES (?,?,?,?,?,?,1,?,?,?,?)`,
    );
    const customerId = idMaker("cc");
    for (let i = 0; i < options.customers; i++) {
      const id = customerId();
      customerIds.push(id);
      const created = now - yearMs + Math.floor((i / options.customers) * yearMs);
      const n = String(i + 1).padStart(6, "0");
      customer.run(
        id,
        `Customer ${n}`,
        `customer${n}@bench.opsdeck.test`,
        `+1 555 ${n}`,
        `${i + 1} Bench Street`,
        null,
        ownerId,
        ownerId,
        prismaDate(created),
        prismaDate(created),
      );
    }

    const product = db.prepare(
      `INSERT INTO "Product" ("id","sku","name","description","unitPrice","unitCost","currency","taxRateBps","stock",
        "lowStockThreshold","active","version","createdById","updatedById","createdAt","updatedAt")
       VALUES (?,?,?,?,?,?,?,?,?,?,1,1,?,?,?,?)`,
    );
    const productId = idMaker("cp");
    for (let i = 0; i < 500; i++) {
      const id = productId();
      productIds.push(id);
      product.run(
        id,
        `SKU-${String(i + 1).padStart(5, "0")}`,
        `Product ${i + 1}`,
        null,
        199 + ((i * 37) % 5000),
        99 + ((i * 23) % 2500),
        "USD",
        825,
        1_000_000_000,
        5,
        ownerId,
        ownerId,
        prismaDate(now - yearMs),
        prismaDate(now - yearMs),
      );
    }

    const sale = db.prepare(
      `INSERT INTO "Transaction" ("id","number","customerId","staffId","occurredAt","currency","subtotal","discount","tax",
        "total","refundedAmount","paymentMethod","status","version","createdById","createdAt","updatedAt")
       VALUES (?,?,?,?,?,?,?,0,?,?,0,?,?,1,?,?,?)`,
    );
    const line = db.prepare(
      `INSERT INTO "TransactionLine" ("id","transactionId","position","productId","productName","sku","quantity","unitPrice",
        "unitCost","taxRateBps","discount","orderDiscount","tax","total","refundedQuantity","refundedAmount")
       VALUES (?,?,?,?,?,?,?,?,?,?,0,0,?,?,0,0)`,
    );
    const saleId = idMaker("ct");
    const lineId = idMaker("cl");
    const methods = ["cash", "card", "transfer", "other"];
    const sales = Math.ceil(options.lines / linesPerSale);
    for (let s = 0; s < sales; s++) {
      const id = saleId();
      const at = prismaDate(now - yearMs + Math.floor((s / sales) * yearMs));
      let subtotal = 0;
      let tax = 0;
      const rows: unknown[][] = [];
      for (let p = 0; p < linesPerSale; p++) {
        const pi = (s * 7 + p * 13) % 500;
        const price = 199 + ((pi * 37) % 5000);
        const quantity = 1 + ((s + p) % 3);
        const net = price * quantity;
        const lineTax = Math.round((net * 825) / 10_000);
        subtotal += net;
        tax += lineTax;
        rows.push([lineId(), id, p, productIds[pi], `Product ${pi + 1}`, `SKU-${String(pi + 1).padStart(5, "0")}`, quantity, price, 99 + ((pi * 23) % 2500), 825, lineTax, net + lineTax]);
      }
      sale.run(id, s + 1, customerIds[s % customerIds.length] ?? null, ownerId, at, "USD", subtotal, tax, subtotal + tax, methods[s % 4], "completed", ownerId, at, at);
      for (const r of rows) line.run(...r);
    }
  })();
  db.exec("ANALYZE");
  db.close();
  return {
    apiKey: key,
    ownerId,
    customerIds,
    productIds,
    customers: options.customers,
    lines: Math.ceil(options.lines / linesPerSale) * linesPerSale,
    seconds: (performance.now() - started) / 1000,
  } satisfies SeededRecords;
}
