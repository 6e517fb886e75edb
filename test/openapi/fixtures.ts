// Records that documented examples can name (test/openapi/conformance.integration.test.ts). An
// example value "{{customer.id}}" means "the id of a customer that exists": the first use of a
// fixture name in one operation's request makes that record, later uses in the same request get
// the same one. A placeholder that is the whole string keeps the field's type (numbers stay
// numbers); inside a longer string it is replaced as text ("note for {{customer.name}}").
//
// Every business model of the schema has a factory here, written straight to the database with
// the fewest fields a valid row needs, so a resource's operations can be described with examples
// before (and without) anyone editing this file:
//   me            the calling key's owner: id, username, email
//   unique        fresh values for create bodies: email, sku, username, name, number (nothing is written)
//   user          a plain active user: id, username, email
//   staff         a user with the Staff role and a staff profile: id (the user's), username, email, employeeNumber
//   role          a custom role holding dashboard.view: id, key, name
//   customer      id, name, email, version
//   product       in stock (100), active: id, sku, name, unitPrice, currency, version
//   transaction   completed sale of 2 × a product to a customer by a staff member: id, number, version,
//                 lineId, productId, customerId, staffId, total
//   refund        a refund of one unit of a transaction's line: id, transactionId, lineId
//   email         an outbox message: id, to
//   apiKey        a key of the caller's owner: id, prefix
//   auditEvent    an event of the activity log: id
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { generateApiKey } from "@/lib/api/api-key-format";
import { createTestUser } from "@/test/create-test-user";
import { BOARD_FIXTURES } from "@/test/openapi/fixtures-boards";

export type FixtureRecord = Record<string, string | number | boolean | null>;
export type FixtureContext = { ownerId: string; get(name: string): Promise<FixtureRecord> };
type Factory = (ctx: FixtureContext) => Promise<FixtureRecord>;

const token = () => randomBytes(6).toString("hex");

export const FIXTURES: Record<string, Factory> = {
  async auditEvent() {
    const { audit } = await import("@/lib/audit/audit");
    const requestId = `conf-${token()}`;
    await audit({ action: "auth.signed_out", metadata: { conformance: true }, context: { ip: null, userAgent: null, requestId } });
    const row = await db.auditEvent.findFirstOrThrow({ where: { requestId }, select: { id: true } });
    return { id: row.id };
  },
  async me(ctx) {
    const user = await db.user.findUniqueOrThrow({
      where: { id: ctx.ownerId },
      select: { id: true, username: true, email: true },
    });
    return user;
  },
  async unique() {
    const t = token();
    return {
      email: `conf-${t}@example.com`,
      sku: `CONF-${t.toUpperCase()}`,
      username: `conf${t}`,
      name: `Conformance ${t}`,
      number: parseInt(t.slice(0, 6), 16),
    };
  },
  async user() {
    const user = await createTestUser();
    return { id: user.id, username: user.username, email: user.email };
  },
  async staff() {
    const user = await createTestUser({ role: "staff" });
    const employeeNumber = `E-${token()}`;
    await db.staffProfile.create({ data: { userId: user.id, employeeNumber, phone: "+44 20 7946 0000" } });
    return { id: user.id, username: user.username, email: user.email, employeeNumber };
  },
  async role() {
    const key = `conf_${token()}`;
    const permission = await db.permission.findUniqueOrThrow({
      where: { key: "dashboard.view" },
      select: { id: true },
    });
    const role = await db.role.create({
      data: { key, name: `Conformance ${key}`, permissions: { create: { permissionId: permission.id } } },
      select: { id: true, key: true, name: true },
    });
    return role;
  },
  async customer(ctx) {
    const t = token();
    return db.customer.create({
      data: { name: `Customer ${t}`, email: `customer-${t}@example.com`, createdById: ctx.ownerId },
      select: { id: true, name: true, email: true, version: true },
    });
  },
  async product(ctx) {
    const t = token().toUpperCase();
    return db.product.create({
      data: {
        sku: `SKU-${t}`,
        name: `Product ${t}`,
        unitPrice: 1250,
        unitCost: 700,
        currency: "EUR",
        taxRateBps: 2000,
        stock: 100,
        lowStockThreshold: 5,
        createdById: ctx.ownerId,
      },
      select: { id: true, sku: true, name: true, unitPrice: true, currency: true, version: true },
    });
  },
  async transaction(ctx) {
    const product = await ctx.get("product");
    const customer = await ctx.get("customer");
    const staff = await ctx.get("staff");
    const quantity = 2;
    const unitPrice = Number(product.unitPrice);
    const subtotal = quantity * unitPrice;
    const tax = Math.round(subtotal * 0.2);
    const number = 900_000_000 + (parseInt(token().slice(0, 7), 16) % 99_999_999);
    const created = await db.transaction.create({
      data: {
        number,
        customerId: String(customer.id),
        staffId: String(staff.id),
        currency: String(product.currency),
        subtotal,
        tax,
        total: subtotal + tax,
        paymentMethod: "card",
        createdById: ctx.ownerId,
        lines: {
          create: {
            position: 0,
            productId: String(product.id),
            productName: String(product.name),
            sku: String(product.sku),
            quantity,
            unitPrice,
            unitCost: 700,
            taxRateBps: 2000,
            tax,
            total: subtotal + tax,
          },
        },
      },
      select: { id: true, number: true, version: true, total: true, lines: { select: { id: true } } },
    });
    await db.product.update({ where: { id: String(product.id) }, data: { stock: { decrement: quantity } } });
    return {
      id: created.id,
      number: created.number,
      version: created.version,
      total: created.total,
      lineId: created.lines[0]!.id,
      productId: String(product.id),
      customerId: String(customer.id),
      staffId: String(staff.id),
    };
  },
  async refund(ctx) {
    const transaction = await ctx.get("transaction");
    const amount = 1500;
    const refund = await db.refund.create({
      data: {
        transactionId: String(transaction.id),
        amount,
        reason: "Conformance",
        createdById: ctx.ownerId,
        lines: { create: { lineId: String(transaction.lineId), quantity: 1, amount } },
      },
      select: { id: true },
    });
    await db.transactionLine.update({
      where: { id: String(transaction.lineId) },
      data: { refundedQuantity: 1, refundedAmount: amount },
    });
    await db.transaction.update({
      where: { id: String(transaction.id) },
      data: { refundedAmount: amount, status: "partially_refunded" },
    });
    return { id: refund.id, transactionId: String(transaction.id), lineId: String(transaction.lineId) };
  },
  async email(ctx) {
    const row = await db.emailOutbox.create({
      data: {
        to: `outbox-${token()}@example.com`,
        subject: "Conformance",
        html: "<p>Hello</p>",
        text: "Hello",
        provider: "outbox",
        senderId: ctx.ownerId,
        source: "api",
      },
      select: { id: true, to: true },
    });
    return row;
  },
  async apiKey(ctx) {
    const secret = generateApiKey();
    const row = await db.apiKey.create({
      data: {
        name: "fixture key",
        prefix: secret.prefix,
        hash: secret.hash,
        ownerId: ctx.ownerId,
        createdById: ctx.ownerId,
        scopes: "[]",
      },
      select: { id: true, prefix: true },
    });
    return row;
  },
  ...BOARD_FIXTURES,
};

const WHOLE = /^\{\{\s*([a-zA-Z]+)\.([a-zA-Z]+)\s*\}\}$/;
const INNER = /\{\{\s*([a-zA-Z]+)\.([a-zA-Z]+)\s*\}\}/g;

/** A resolver for one request: fixtures made on first use and shared within it. */
export function fixtureResolver(ownerId: string) {
  const made = new Map<string, Promise<FixtureRecord>>();
  const ctx: FixtureContext = {
    ownerId,
    get(name) {
      const factory = FIXTURES[name];
      if (!factory) throw new Error(`Unknown fixture "{{${name}.…}}": add a factory to test/openapi/fixtures.ts.`);
      let record = made.get(name);
      if (!record) {
        record = factory(ctx);
        made.set(name, record);
      }
      return record;
    },
  };
  async function field(name: string, key: string): Promise<string | number | boolean | null> {
    const record = await ctx.get(name);
    if (!(key in record))
      throw new Error(`Fixture "${name}" has no field "${key}" (it has: ${Object.keys(record).join(", ")}).`);
    return record[key]!;
  }
  async function resolve(value: unknown): Promise<unknown> {
    if (typeof value === "string") {
      const whole = WHOLE.exec(value);
      if (whole) return field(whole[1]!, whole[2]!);
      let out = value;
      for (const match of value.matchAll(INNER)) out = out.replace(match[0], String(await field(match[1]!, match[2]!)));
      return out;
    }
    if (Array.isArray(value)) return Promise.all(value.map(resolve));
    if (value && typeof value === "object") {
      const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await resolve(v)] as const));
      return Object.fromEntries(entries);
    }
    return value;
  }
  return { resolve };
}
