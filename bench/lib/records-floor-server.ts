// The floor for `npm run bench:api`: raw node:http + better-sqlite3 on the app's own database
// file, doing what the REST API does for the same requests with the same rows and the same JSON:
// authenticate the API key (SHA-256, one query for the key, its owner and role ids), then
//   GET  /customers?cursor=…   a keyset page of 25 customers by (name, id) with tags and the
//                              created/updated-by names, and the next cursor;
//   GET  /customers/:id        one customer, same shape;
//   POST /transactions         a sale: products read, stock decremented conditionally, receipt
//                              number allocated, transaction + lines + an audit row inserted in one
//                              transaction, the sale answered.
// No framework, no ORM, no permission model, no rate limits. Started by bench/api.ts.
import { createHash, randomUUID } from "node:crypto";
import http from "node:http";
import Database from "better-sqlite3";

const file = (process.env.DATABASE_URL ?? "").replace(/^file:/, "");
const port = Number(process.env.FLOOR_PORT);
const db = new Database(file, { fileMustExist: true });
db.pragma("journal_mode = WAL");
db.pragma("busy_timeout = 5000");

const keyLookup = db.prepare(`SELECT k."id", k."scopes", k."expiresAt", k."revokedAt", u."id" AS "userId", u."status",
  (SELECT group_concat(ur."roleId") FROM "UserRole" ur WHERE ur."userId" = u."id") AS "roleIds"
  FROM "ApiKey" k JOIN "User" u ON u."id" = k."ownerId" WHERE k."hash" = ?`);

const customerColumns = `c."id", c."name", c."email", c."phone", c."address", c."notes", c."archivedAt", c."version",
  c."createdAt", c."updatedAt", cb."id" AS "cbId", cb."firstName" AS "cbFirst", cb."lastName" AS "cbLast",
  ub."id" AS "ubId", ub."firstName" AS "ubFirst", ub."lastName" AS "ubLast",
  (SELECT group_concat(t."tag") FROM (SELECT "tag" FROM "CustomerTag" WHERE "customerId" = c."id" ORDER BY "tag") t) AS "tags"`;
const customerFrom = `FROM "Customer" c LEFT JOIN "User" cb ON cb."id" = c."createdById" LEFT JOIN "User" ub ON ub."id" = c."updatedById"`;
const firstPage = db.prepare(
  `SELECT ${customerColumns} ${customerFrom} WHERE c."archivedAt" IS NULL ORDER BY c."name", c."id" LIMIT 26`,
);
const afterCursor = db.prepare(
  `SELECT ${customerColumns} ${customerFrom} WHERE c."archivedAt" IS NULL AND (c."name", c."id") > (?, ?)
   ORDER BY c."name", c."id" LIMIT 26`,
);
const oneCustomer = db.prepare(`SELECT ${customerColumns} ${customerFrom} WHERE c."id" = ?`);

const productsById = (n: number) =>
  db.prepare(
    `SELECT "id", "sku", "name", "unitPrice", "unitCost", "currency", "taxRateBps", "active", "archivedAt" FROM "Product"
     WHERE "id" IN (${Array.from({ length: n }, () => "?").join(",")})`,
  );
const decrement = db.prepare(
  `UPDATE "Product" SET "stock" = "stock" - ?, "version" = "version" + 1 WHERE "id" = ? AND "stock" >= ?`,
);
const nextNumber = db.prepare(`SELECT COALESCE(MAX("number"), 0) + 1 AS n FROM "Transaction"`);
const insertSale =
  db.prepare(`INSERT INTO "Transaction" ("id","number","customerId","staffId","occurredAt","currency","subtotal",
  "discount","tax","total","refundedAmount","paymentMethod","status","version","createdById","createdAt","updatedAt")
  VALUES (?,?,?,?,?,?,?,?,?,?,0,?,'completed',1,?,?,?)`);
const insertLine =
  db.prepare(`INSERT INTO "TransactionLine" ("id","transactionId","position","productId","productName","sku",
  "quantity","unitPrice","unitCost","taxRateBps","discount","orderDiscount","tax","total","refundedQuantity","refundedAmount")
  VALUES (?,?,?,?,?,?,?,?,?,?,?,0,?,?,0,0)`);
const lastAudit = db.prepare(`SELECT "seq", "hash" FROM "AuditEvent" ORDER BY "seq" DESC LIMIT 1`);
const insertAudit =
  db.prepare(`INSERT INTO "AuditEvent" ("id","seq","createdAt","actorId","action","targetType","targetId",
  "ipAddress","userAgent","metadata","prevHash","hash") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`);

type CustomerRow = Record<string, string | number | null>;
const iso = (v: unknown) => (v == null ? null : new Date(String(v)).toISOString());
const person = (id: unknown, first: unknown, last: unknown) =>
  id ? { id, name: `${String(first)} ${String(last)}`.trim() } : null;

function customerJson(r: CustomerRow) {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    phone: r.phone,
    address: r.address,
    notes: r.notes,
    tags: r.tags ? String(r.tags).split(",") : [],
    archived: r.archivedAt != null,
    archivedAt: iso(r.archivedAt),
    version: r.version,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
    createdBy: person(r.cbId, r.cbFirst, r.cbLast),
    updatedBy: person(r.ubId, r.ubFirst, r.ubLast),
  };
}

const b64 = (s: string) => Buffer.from(s).toString("base64url");

function authenticate(req: http.IncomingMessage): { userId: string } | null {
  const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "");
  if (!match) return null;
  const row = keyLookup.get(createHash("sha256").update(match[1]!).digest("hex")) as
    | { userId: string; status: string; revokedAt: string | null; expiresAt: string | null; scopes: string }
    | undefined;
  if (!row || row.revokedAt || row.status !== "active") return null;
  if (row.expiresAt && Date.parse(row.expiresAt) <= Date.now()) return null;
  JSON.parse(row.scopes);
  return { userId: row.userId };
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

type SaleBody = { customerId?: string | null; paymentMethod: string; lines: { productId: string; quantity: number }[] };

const recordSale = db.transaction((userId: string, body: SaleBody) => {
  const products = productsById(body.lines.length).all(...body.lines.map((l) => l.productId)) as {
    id: string;
    sku: string;
    name: string;
    unitPrice: number;
    unitCost: number;
    currency: string;
    taxRateBps: number;
  }[];
  const byId = new Map(products.map((p) => [p.id, p]));
  const id = randomUUID();
  const now = new Date().toISOString().replace("Z", "+00:00");
  let subtotal = 0;
  let tax = 0;
  const lines = body.lines.map((l, position) => {
    const p = byId.get(l.productId);
    if (!p) throw new Error("unknown product");
    if (decrement.run(l.quantity, p.id, l.quantity).changes !== 1) throw new Error(`not enough ${p.name}`);
    const net = p.unitPrice * l.quantity;
    const lineTax = Math.round((net * p.taxRateBps) / 10_000);
    subtotal += net;
    tax += lineTax;
    return { id: randomUUID(), position, p, quantity: l.quantity, tax: lineTax, total: net + lineTax };
  });
  const { n } = nextNumber.get() as { n: number };
  const currency = products[0]?.currency ?? "USD";
  insertSale.run(
    id,
    n,
    body.customerId ?? null,
    userId,
    now,
    currency,
    subtotal,
    0,
    tax,
    subtotal + tax,
    body.paymentMethod,
    userId,
    now,
    now,
  );
  for (const l of lines) {
    insertLine.run(
      l.id,
      id,
      l.position,
      l.p.id,
      l.p.name,
      l.p.sku,
      l.quantity,
      l.p.unitPrice,
      l.p.unitCost,
      l.p.taxRateBps,
      0,
      l.tax,
      l.total,
    );
  }
  const last = lastAudit.get() as { seq: number; hash: string } | undefined;
  const metadata = JSON.stringify({ number: n, total: subtotal + tax, lines: lines.length });
  const hash = createHash("sha256")
    .update(`${last?.hash ?? ""}|transaction.created|${id}|${metadata}`)
    .digest("hex");
  insertAudit.run(
    randomUUID(),
    (last?.seq ?? 0) + 1,
    now,
    userId,
    "transaction.created",
    "transaction",
    id,
    "127.0.0.1",
    null,
    metadata,
    last?.hash ?? "",
    hash,
  );
  return {
    id,
    number: n,
    customerId: body.customerId ?? null,
    staffId: userId,
    occurredAt: now,
    currency,
    subtotal,
    discount: 0,
    tax,
    total: subtotal + tax,
    paymentMethod: body.paymentMethod,
    status: "completed",
    lines: lines.map((l) => ({
      id: l.id,
      position: l.position,
      productId: l.p.id,
      productName: l.p.name,
      sku: l.p.sku,
      quantity: l.quantity,
      unitPrice: l.p.unitPrice,
      tax: l.tax,
      total: l.total,
    })),
  };
});

http
  .createServer((req, res) => {
    const principal = authenticate(req);
    if (!principal) return send(res, 401, { code: "unauthenticated" });
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (req.method === "GET" && url.pathname === "/customers") {
      const raw = url.searchParams.get("cursor");
      let rows: CustomerRow[];
      if (raw) {
        const c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as { v: [string]; id: string };
        rows = afterCursor.all(c.v[0], c.id) as CustomerRow[];
      } else {
        rows = firstPage.all() as CustomerRow[];
      }
      const page = rows.slice(0, 25);
      const last = page.at(-1);
      const next = rows.length > 25 && last ? b64(JSON.stringify({ s: "name", v: [last.name], id: last.id })) : null;
      return send(res, 200, { data: page.map(customerJson), next_cursor: next });
    }
    const one = /^\/customers\/([^/]+)$/.exec(url.pathname);
    if (req.method === "GET" && one) {
      const row = oneCustomer.get(one[1]) as CustomerRow | undefined;
      return row ? send(res, 200, { data: customerJson(row) }) : send(res, 404, { code: "not_found" });
    }
    if (req.method === "POST" && url.pathname === "/transactions") {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as SaleBody;
          send(res, 201, { data: recordSale(principal.userId, body) });
        } catch (error) {
          send(res, 409, { code: "conflict", detail: String(error) });
        }
      });
      return;
    }
    send(res, 404, { code: "not_found" });
  })
  .listen(port, "127.0.0.1", () => console.log(`floor listening on ${port}`));
