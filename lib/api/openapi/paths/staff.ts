// OpenAPI operations of /api/v1/staff, from the same zod schemas the routes parse with
// (lib/validations/staff-record.ts, staff-list-query.ts). Path examples name the fixture staff
// member ("{{staff.id}}", test/openapi/fixtures.ts); the PATCH example leaves the employee number
// alone, so calling it twice does not collide with itself.
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { errorResponses, listEnvelope, recordEnvelope } from "@/lib/api/openapi/shared";
import { etagHeaders, ifMatchSchema, ifNoneMatchSchema } from "@/lib/api/openapi/standard-headers";
import { PAGE_SIZES } from "@/lib/validations/list-query";
import { STAFF_SORT_KEYS } from "@/lib/validations/staff-list-query";
import { staffRecordUpdateSchema } from "@/lib/validations/staff-record";

export const staffMemberSchema = z
  .object({
    id: z.string().meta({ description: "The staff member's user id.", example: "cm4x1k2a0000008l4gq1h2b3c" }),
    username: z.string().meta({ example: "grace" }),
    email: z.string().meta({ example: "grace@example.com" }),
    firstName: z.string().meta({ example: "Grace" }),
    lastName: z.string().meta({ example: "Hopper" }),
    status: z.enum(["active", "banned"]).meta({ description: "The account's status." }),
    employeeNumber: z.string().nullable().meta({ example: "E-0042" }),
    phone: z.string().nullable().meta({ example: "+44 20 7946 0958" }),
    hiredOn: z.string().nullable().meta({ description: "YYYY-MM-DD.", example: "2024-03-01" }),
    version: z
      .number()
      .int()
      .meta({
        description:
          "The ETag: the staff record's version (0 until it is first saved) plus the account's, so it also moves " +
          "when the name, email, username, status or roles change.",
        example: 3,
      }),
    updatedAt: z.date().nullable().meta({ description: "When the staff record last changed." }),
  })
  .meta({ id: "StaffMember", description: "A person holding the Staff role, with their staff record." });

const listQuery = z.object({
  limit: z
    .enum(PAGE_SIZES.map(String) as [string, ...string[]])
    .optional()
    .meta({ description: "Page size (25 by default).", example: "25" }),
  cursor: z.string().optional().meta({ description: "`next_cursor` of the previous page (same sort)." }),
  sort: z
    .enum([...STAFF_SORT_KEYS, ...STAFF_SORT_KEYS.map((k) => `-${k}`)] as [string, ...string[]])
    .optional()
    .meta({ description: "A field, `-` for descending (default `name`); records without a value sort last.", example: "name" }),
  q: z
    .string()
    .max(200)
    .optional()
    .meta({ description: "Words matched against name, username, email and employee number.", example: "grace" }),
  status: z.enum(["active", "banned"]).optional().meta({ description: "The account's status." }),
  total: z.enum(["true", "false"]).optional().meta({ description: "`true` adds `total` (the number of matches)." }),
});

const idParam = z.object({
  id: z.string().meta({ description: "The staff member's user id.", example: "{{staff.id}}" }),
});

const recordResponse = (description: string) => ({
  description,
  headers: etagHeaders,
  content: { "application/json": { schema: recordEnvelope(staffMemberSchema) } },
});

export const staffPaths: ZodOpenApiPathsObject = {
  "/api/v1/staff": {
    get: {
      operationId: "listStaff",
      tags: ["Staff"],
      summary: "List staff members",
      description: "People holding the Staff role with their staff records, by name unless sorted otherwise.",
      "x-permission": "staff.read",
      requestParams: { query: listQuery },
      responses: {
        "200": {
          description: "A page of staff members.",
          content: { "application/json": { schema: listEnvelope(staffMemberSchema) } },
        },
        ...errorResponses(401, 403, 422),
      },
    },
  },
  "/api/v1/staff/{id}": {
    get: {
      operationId: "getStaffMember",
      tags: ["Staff"],
      summary: "Get a staff member",
      description: "404 for anyone who does not hold the Staff role.",
      "x-permission": "staff.read",
      requestParams: { path: idParam, header: z.object({ "If-None-Match": ifNoneMatchSchema.optional() }) },
      responses: {
        "200": recordResponse("The staff member."),
        "304": { description: "Unchanged since the ETag in If-None-Match." },
        ...errorResponses(401, 403, 404),
      },
    },
    patch: {
      operationId: "updateStaffRecord",
      tags: ["Staff"],
      summary: "Update a staff record",
      description:
        "Changes the fields named in the body (null or a blank clears one); the record is made on its first save. " +
        "The account itself (name, roles) is managed under /api/v1/users. A taken employee number is 409; " +
        "with If-Match, a staff member changed since (the record or the account behind it) is 412.",
      "x-permission": "staff.write",
      requestParams: { path: idParam, header: z.object({ "If-Match": ifMatchSchema.optional() }) },
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: staffRecordUpdateSchema,
            example: { phone: "+44 20 7946 0958", hiredOn: "2024-03-01" },
          },
        },
      },
      responses: {
        "200": recordResponse("The staff member with the updated record."),
        ...errorResponses(400, 401, 403, 404, 409, 412, 413, 415, 422),
      },
    },
  },
};
