// OpenAPI operations of /api/v1/transactions, from the same zod schemas the routes parse with:
// record a sale (totals computed on the server), list, get, void and refund.
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { errorResponses, listEnvelope, recordEnvelope } from "@/lib/api/openapi/shared";
import { etagHeaders, ifMatchSchema, ifNoneMatchSchema } from "@/lib/api/openapi/standard-headers";
import { PAGE_SIZES } from "@/lib/validations/list-query";
import {
  createTransactionSchema,
  PAYMENT_METHODS,
  refundTransactionSchema,
  TRANSACTION_STATUSES,
  voidTransactionSchema,
} from "@/lib/validations/transaction";
import { TRANSACTION_SORT_KEYS } from "@/lib/validations/transaction-list-query";

const id = z.string().meta({ example: "cm4x1k2a0000008l4gq1h2b3c" });
const minor = (description: string, example: number) =>
  z
    .number()
    .int()
    .meta({ description: `${description} In minor units of \`currency\` (cents).`, example });

const lineSchema = z
  .object({
    id,
    position: z.number().int().meta({ description: "0-based order on the receipt." }),
    productId: id,
    productName: z.string().meta({ description: "As it was named at sale time.", example: "Brass desk lamp" }),
    sku: z.string().meta({ example: "LAMP-001" }),
    quantity: z.number().int().meta({ example: 2 }),
    unitPrice: minor("Price per unit at sale time.", 1250),
    unitCost: minor("Cost per unit at sale time.", 600),
    taxRateBps: z.number().int().meta({ description: "Tax rate in basis points (825 = 8.25 %).", example: 825 }),
    discount: minor("Line discount.", 100),
    orderDiscount: minor("This line's share of the order discount.", 250),
    tax: minor("Tax of this line, rounded half up.", 177),
    total: minor("quantity × unitPrice − discount − orderDiscount + tax.", 2327),
    refundedQuantity: z.number().int().meta({ example: 0 }),
    refundedAmount: minor("Refunded so far.", 0),
  })
  .meta({ id: "TransactionLine" });

const statusSchema = z.enum(TRANSACTION_STATUSES).meta({ example: "completed" });
const paymentSchema = z.enum(PAYMENT_METHODS).meta({ example: "card" });

export const transactionSchema = z
  .object({
    id,
    number: z.number().int().meta({ description: "Receipt number, increasing.", example: 1042 }),
    occurredAt: z.date(),
    status: statusSchema,
    currency: z.string().meta({ description: "ISO 4217.", example: "USD" }),
    subtotal: minor("Sum of the lines after line discounts.", 4797),
    discount: minor("Order discount, spread over the lines before tax.", 500),
    tax: minor("Sum of the lines' tax.", 177),
    total: minor("What the customer paid.", 4474),
    refundedAmount: minor("Refunded so far.", 0),
    paymentMethod: paymentSchema,
    note: z.string().nullable(),
    voidedAt: z.date().nullable(),
    voidReason: z.string().nullable(),
    version: z.number().int().meta({ description: "Bumped by every change; the ETag.", example: 1 }),
    createdAt: z.date(),
    updatedAt: z.date(),
    customer: z
      .object({ id, name: z.string(), email: z.string().nullable() })
      .nullable()
      .meta({ description: "Null for a walk-in sale." }),
    staff: z.object({ id, name: z.string(), username: z.string() }),
    lines: z.array(lineSchema),
    refunds: z.array(
      z.object({
        id,
        amount: z.number().int(),
        reason: z.string().nullable(),
        createdAt: z.date(),
        lines: z.array(z.object({ lineId: z.string(), quantity: z.number().int(), amount: z.number().int() })),
      }),
    ),
  })
  .meta({ id: "Transaction", description: "A sale with its lines (as sold) and refunds." });

export const transactionListItemSchema = z
  .object({
    id,
    number: z.number().int().meta({ example: 1042 }),
    occurredAt: z.date(),
    status: statusSchema,
    currency: z.string().meta({ example: "USD" }),
    total: z.number().int().meta({ example: 4474 }),
    refundedAmount: z.number().int().meta({ example: 0 }),
    paymentMethod: paymentSchema,
    customer: z.object({ id, name: z.string() }).nullable(),
    staff: z.object({ id, name: z.string() }),
    lineCount: z.number().int().meta({ example: 2 }),
    version: z.number().int().meta({ example: 1 }),
  })
  .meta({ id: "TransactionListItem" });

const listQuery = z.object({
  limit: z
    .enum(PAGE_SIZES.map(String) as [string, ...string[]])
    .optional()
    .meta({ description: "Page size (25 by default).", example: "25" }),
  cursor: z.string().optional().meta({ description: "`next_cursor` of the previous page." }),
  sort: z
    .enum([...TRANSACTION_SORT_KEYS, ...TRANSACTION_SORT_KEYS.map((k) => `-${k}`)] as [string, ...string[]])
    .optional()
    .meta({ description: "A field, `-` for descending (default `-occurredAt`).", example: "-occurredAt" }),
  q: z.string().max(200).optional().meta({ description: "A receipt number, e.g. `1042` or `#1042`." }),
  total: z.enum(["true", "false"]).optional().meta({ description: "`true` adds `total` (the number of matches)." }),
  customer_id: z.string().optional().meta({ description: "Sales to this customer." }),
  staff_id: z.string().optional().meta({ description: "Sales by this staff member." }),
  from: z
    .string()
    .optional()
    .meta({ description: "From this date (inclusive, UTC) or instant.", example: "2026-03-01" }),
  to: z
    .string()
    .optional()
    .meta({ description: "Up to this date (the whole day, UTC) or instant.", example: "2026-03-31" }),
  status: z.enum(TRANSACTION_STATUSES).optional(),
  payment_method: z.enum(PAYMENT_METHODS).optional(),
});

const idParam = z.object({
  id: z.string().meta({ description: "The transaction id.", example: "{{transaction.id}}" }),
});

const recordResponse = (description: string) => ({
  description,
  headers: etagHeaders,
  content: { "application/json": { schema: recordEnvelope(transactionSchema) } },
});

const ifMatchHeader = z.object({ "If-Match": ifMatchSchema.optional() });

export const transactionsPaths: ZodOpenApiPathsObject = {
  "/api/v1/transactions": {
    get: {
      operationId: "listTransactions",
      tags: ["Transactions"],
      summary: "List transactions",
      description: "Sales, newest first by default, with keyset pagination and filters.",
      "x-permission": "transactions.read",
      requestParams: { query: listQuery },
      responses: {
        "200": {
          description: "A page of transactions.",
          content: { "application/json": { schema: listEnvelope(transactionListItemSchema) } },
        },
        ...errorResponses(401, 403, 422),
      },
    },
    post: {
      operationId: "createTransaction",
      tags: ["Transactions"],
      summary: "Record a sale",
      description:
        "Takes the stock of every line in one database transaction (an oversell is 409 naming the product and nothing is written), " +
        "snapshots each product's name, SKU, price, cost and tax rate, and computes subtotal, tax and total on the server: " +
        "totals sent by the client are ignored. Lines must be active products of one currency. `staffId` other than yourself " +
        "needs `staff.write`.",
      "x-permission": "transactions.write",
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: createTransactionSchema,
            example: {
              customerId: null,
              paymentMethod: "card",
              lines: [{ productId: "{{product.id}}", quantity: 1, discount: 0 }],
              discount: 0,
              note: "Gift wrapped",
            },
          },
        },
      },
      responses: {
        "201": {
          description: "The sale, with its receipt number and computed totals.",
          headers: z.object({
            ETag: etagHeaders.shape.ETag,
            Location: z.string().meta({ example: "/api/v1/transactions/cm4x1k2a0000008l4gq1h2b3c" }),
          }),
          content: { "application/json": { schema: recordEnvelope(transactionSchema) } },
        },
        ...errorResponses(400, 401, 403, 409, 413, 415, 422),
      },
    },
  },
  "/api/v1/transactions/export": {
    get: {
      operationId: "exportTransactions",
      tags: ["Transactions"],
      summary: "Export transactions as CSV",
      description:
        "Every sale matching the filters (as for the list; `cursor` and `limit` are ignored), streamed as text/csv. Amounts in minor units. Audited.",
      "x-permission": "transactions.read",
      requestParams: { query: listQuery.omit({ cursor: true, limit: true, total: true }) },
      responses: {
        "200": {
          description: "The CSV: a header row, then one row per sale.",
          content: { "text/csv": { schema: z.string() } },
        },
        ...errorResponses(401, 403, 422),
      },
    },
  },
  "/api/v1/transactions/{id}": {
    get: {
      operationId: "getTransaction",
      tags: ["Transactions"],
      summary: "Get a transaction",
      "x-permission": "transactions.read",
      requestParams: { path: idParam, header: z.object({ "If-None-Match": ifNoneMatchSchema.optional() }) },
      responses: {
        "200": recordResponse("The sale."),
        "304": { description: "Unchanged since the ETag in If-None-Match." },
        ...errorResponses(401, 403, 404),
      },
    },
  },
  "/api/v1/transactions/{id}/void": {
    post: {
      operationId: "voidTransaction",
      tags: ["Transactions"],
      summary: "Void a transaction",
      description:
        "Only a completed or partly refunded sale; every unit not already refunded goes back into stock. Voiding twice is 409.",
      "x-permission": "transactions.write",
      requestParams: { path: idParam, header: ifMatchHeader },
      requestBody: {
        required: true,
        content: { "application/json": { schema: voidTransactionSchema, example: { reason: "Rang up twice" } } },
      },
      responses: {
        "200": recordResponse("The voided sale."),
        ...errorResponses(400, 401, 403, 404, 409, 412, 413, 415, 422),
      },
    },
  },
  "/api/v1/transactions/{id}/refund": {
    post: {
      operationId: "refundTransaction",
      tags: ["Transactions"],
      summary: "Refund a transaction",
      description:
        "Without `lines`, refunds everything not yet refunded; with `lines`, those quantities (422 beyond what was sold). " +
        "Restocks the units, records a refund, and sets the status to `refunded` or `partially_refunded`.",
      "x-permission": "transactions.write",
      requestParams: { path: idParam, header: ifMatchHeader },
      requestBody: {
        required: true,
        content: { "application/json": { schema: refundTransactionSchema, example: { reason: "Returned unopened" } } },
      },
      responses: {
        "200": recordResponse("The sale after the refund."),
        ...errorResponses(400, 401, 403, 404, 409, 412, 413, 415, 422),
      },
    },
  },
};
