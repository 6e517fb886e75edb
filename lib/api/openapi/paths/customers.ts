// OpenAPI operations of /api/v1/customers, from the same zod schemas the routes parse with
// (lib/validations/customer.ts, customer-list-query.ts). Path examples name the fixture customer
// ("{{customer.id}}", test/openapi/fixtures.ts); the create example has no email, so calling it
// twice does not collide with itself.
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { errorResponses, listEnvelope, recordEnvelope } from "@/lib/api/openapi/shared";
import { etagHeaders, ifMatchSchema, ifNoneMatchSchema } from "@/lib/api/openapi/standard-headers";
import { CSV_IMPORT_LIMITS } from "@/lib/csv/csv-import";
import { PAGE_SIZES } from "@/lib/validations/list-query";
import {
  CUSTOMER_CSV_COLUMNS,
  createCustomerSchema,
  customerSchema,
  updateCustomerSchema,
} from "@/lib/validations/customer";
import { CUSTOMER_ARCHIVED_STATES, CUSTOMER_SORT_KEYS } from "@/lib/validations/customer-list-query";

const filters = {
  sort: z
    .enum([...CUSTOMER_SORT_KEYS, ...CUSTOMER_SORT_KEYS.map((k) => `-${k}`)] as [string, ...string[]])
    .optional()
    .meta({ description: "A field, `-` for descending (default `name`).", example: "name" }),
  q: z
    .string()
    .max(200)
    .optional()
    .meta({ description: "Words matched against name, email and phone.", example: "ada" }),
  tag: z
    .string()
    .max(40)
    .optional()
    .meta({ description: "Only customers with this tag (case-insensitive).", example: "vip" }),
  archived: z
    .enum(CUSTOMER_ARCHIVED_STATES)
    .optional()
    .meta({ description: "`active` (default), `archived` or `all`.", example: "active" }),
};

const listQuery = z.object({
  limit: z
    .enum(PAGE_SIZES.map(String) as [string, ...string[]])
    .optional()
    .meta({ description: "Page size (25 by default).", example: "25" }),
  cursor: z.string().optional().meta({ description: "`next_cursor` of the previous page (same sort)." }),
  total: z.enum(["true", "false"]).optional().meta({ description: "`true` adds `total` (the number of matches)." }),
  ...filters,
});

const idParam = z.object({ id: z.string().meta({ description: "The customer id.", example: "{{customer.id}}" }) });
const ifMatchHeader = z.object({ "If-Match": ifMatchSchema.optional() });

const recordResponse = (description: string) => ({
  description,
  headers: etagHeaders,
  content: { "application/json": { schema: recordEnvelope(customerSchema) } },
});

const deleteResultSchema = z
  .discriminatedUnion("outcome", [
    z.object({ outcome: z.literal("deleted"), id: z.string() }),
    z.object({
      outcome: z.literal("archived"),
      id: z.string(),
      transactions: z.number().int().meta({ description: "Why it was kept: its transactions.", example: 3 }),
      customer: customerSchema,
    }),
  ])
  .meta({ id: "CustomerDeleteResult" });

const rowErrorSchema = z.object({
  row: z.number().int().meta({ description: "Spreadsheet row number (the header is row 1).", example: 3 }),
  field: z.string().nullable().meta({ example: "email" }),
  message: z.string().meta({ example: "Enter a valid email address." }),
});

const importResultSchema = z
  .object({
    dryRun: z.boolean(),
    committed: z.boolean(),
    created: z.number().int().meta({ example: 2 }),
    rowCount: z.number().int().meta({ example: 2 }),
    validCount: z.number().int().meta({ example: 2 }),
    fileErrors: z.array(z.string()),
    errors: z.array(rowErrorSchema),
    ignoredColumns: z.array(z.string()),
    preview: z.array(
      z.object({
        row: z.number().int(),
        name: z.string(),
        email: z.string(),
        phone: z.string(),
        tags: z.string(),
        errors: z.array(rowErrorSchema),
      }),
    ),
  })
  .meta({ id: "CustomerImportResult" });

export const customersPaths: ZodOpenApiPathsObject = {
  "/api/v1/customers": {
    get: {
      operationId: "listCustomers",
      tags: ["Customers"],
      summary: "List customers",
      description: "Active customers by name by default; keyset pagination, search, tag and archived filters.",
      "x-permission": "customers.read",
      requestParams: { query: listQuery },
      responses: {
        "200": {
          description: "A page of customers.",
          content: { "application/json": { schema: listEnvelope(customerSchema) } },
        },
        ...errorResponses(401, 403, 422),
      },
    },
    post: {
      operationId: "createCustomer",
      tags: ["Customers"],
      summary: "Create a customer",
      description: "Emails are unique case-insensitively (409 naming `email`); tags are lower-cased and trimmed.",
      "x-permission": "customers.write",
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: createCustomerSchema,
            example: { name: "Ada Lovelace", phone: "+44 20 7946 0958", tags: ["vip"], notes: "Prefers email." },
          },
        },
      },
      responses: {
        "201": {
          description: "The new customer.",
          headers: z.object({
            ETag: etagHeaders.shape.ETag,
            Location: z.string().meta({ example: "/api/v1/customers/cm4x1k2a0000008l4gq1h2b3c" }),
          }),
          content: { "application/json": { schema: recordEnvelope(customerSchema) } },
        },
        ...errorResponses(400, 401, 403, 409, 413, 415, 422),
      },
    },
  },
  "/api/v1/customers/{id}": {
    get: {
      operationId: "getCustomer",
      tags: ["Customers"],
      summary: "Get a customer",
      description: "Archived customers are found too (`archived: true`).",
      "x-permission": "customers.read",
      requestParams: { path: idParam, header: z.object({ "If-None-Match": ifNoneMatchSchema.optional() }) },
      responses: {
        "200": recordResponse("The customer."),
        "304": { description: "Unchanged since the ETag in If-None-Match." },
        ...errorResponses(401, 403, 404),
      },
    },
    patch: {
      operationId: "updateCustomer",
      tags: ["Customers"],
      summary: "Update a customer",
      description:
        "Send only the fields to change; `null` clears an optional one, `tags` replaces the list. " +
        "Every real change bumps `version`. With If-Match, a record changed since is 412.",
      "x-permission": "customers.write",
      requestParams: { path: idParam, header: ifMatchHeader },
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: updateCustomerSchema,
            example: { phone: "+44 20 7946 0000", tags: ["vip", "wholesale"] },
          },
        },
      },
      responses: {
        "200": recordResponse("The customer as it is now."),
        ...errorResponses(400, 401, 403, 404, 409, 412, 413, 415, 422),
      },
    },
    delete: {
      operationId: "deleteCustomer",
      tags: ["Customers"],
      summary: "Delete (or archive) a customer",
      description:
        "A customer with transactions is archived instead of deleted, so sales keep their customer: `outcome` says which happened.",
      "x-permission": "customers.write",
      requestParams: { path: idParam, header: ifMatchHeader },
      responses: {
        "200": {
          description: "What happened: `deleted`, or `archived` with the archived record.",
          content: { "application/json": { schema: recordEnvelope(deleteResultSchema) } },
        },
        ...errorResponses(401, 403, 404, 409, 412),
      },
    },
  },
  "/api/v1/customers/export": {
    get: {
      operationId: "exportCustomers",
      tags: ["Customers"],
      summary: "Export customers as CSV",
      description:
        "Every customer matching the filter (the list's parameters; no paging), streamed as text/csv with a header row. " +
        "Cells starting with = + - @ get a leading ' so spreadsheets do not run them as formulas. Audited.",
      "x-permission": "customers.read",
      requestParams: { query: z.object(filters) },
      responses: {
        "200": {
          description: "The CSV file (Content-Disposition: attachment).",
          content: {
            "text/csv": {
              schema: z.string().meta({
                example:
                  "name,email,phone,address,notes,tags,id,archived,created_at,updated_at\r\nAda Lovelace,ada@example.com,,,,vip,cm4…,no,2026-12-01T10:00:00.000Z,2026-12-01T10:00:00.000Z\r\n",
              }),
            },
          },
        },
        ...errorResponses(401, 403, 422),
      },
    },
  },
  "/api/v1/customers/import": {
    post: {
      operationId: "importCustomers",
      tags: ["Customers"],
      summary: "Import customers from CSV",
      description:
        `A header row naming columns among ${CUSTOMER_CSV_COLUMNS.join(", ")} (name required; tags separated by ; or ,), ` +
        `at most ${CSV_IMPORT_LIMITS.maxRows} rows and ${CSV_IMPORT_LIMITS.maxBytes / 1024} kB. ` +
        "`dry_run=true` previews every row's outcome and writes nothing. Otherwise all rows are created in one transaction, " +
        "or none when any row has a problem: 422 whose `errors` name `rows[<row>].<field>` or `file`.",
      "x-permission": "customers.write",
      requestParams: {
        query: z.object({
          dry_run: z.enum(["true", "false"]).optional().meta({ description: "`true`: preview only.", example: "true" }),
        }),
      },
      requestBody: {
        required: true,
        content: {
          "text/csv": {
            schema: z.string(),
            example: "name,email,tags\r\nGrace Hopper,,navy; vip\r\n",
          },
        },
      },
      responses: {
        "200": {
          description: "The preview (dry_run=true).",
          content: { "application/json": { schema: recordEnvelope(importResultSchema) } },
        },
        "201": {
          description: "Every row was imported.",
          content: { "application/json": { schema: recordEnvelope(importResultSchema) } },
        },
        ...errorResponses(400, 401, 403, 409, 413, 415, 422),
      },
    },
  },
};
