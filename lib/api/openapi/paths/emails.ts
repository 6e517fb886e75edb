// OpenAPI operations of /api/v1/emails: send a plain or templated email (email.send) and read its
// delivery state. Templates and their variables: lib/email/api-templates.ts.
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { errorResponses, recordEnvelope } from "@/lib/api/openapi/shared";
import { API_EMAIL_TEMPLATES } from "@/lib/email/api-templates";
import { sendApiEmailSchema } from "@/lib/validations/email";

export const apiEmailSchema = z
  .object({
    id: z.string().meta({ example: "cm4x1k2a0000008l4gq1h2b3c" }),
    to: z.string().meta({ example: "ada@example.com" }),
    subject: z.string().meta({ example: "Your order" }),
    status: z.enum(["queued", "sent", "outbox", "failed"]).meta({
      description:
        "`queued`: waiting for its first or a further attempt; `sent`: accepted by the provider; `outbox`: kept in the " +
        "developer outbox (no provider configured); `failed`: given up after repeated failures.",
      example: "sent",
    }),
    attempts: z.number().int().meta({ example: 1 }),
    lastError: z.string().nullable().meta({ description: "The provider's last error, while retrying or after giving up." }),
    customerId: z.string().nullable(),
    createdAt: z.date(),
    sentAt: z.date().nullable(),
  })
  .meta({ id: "Email", description: "An email sent through the API: its delivery, never its body." });

const templateList = Object.entries(API_EMAIL_TEMPLATES)
  .map(([key, t]) => `\`${key}\` (${Object.keys(t.variables).join(", ")}): ${t.description}`)
  .join("; ");

export const emailsPaths: ZodOpenApiPathsObject = {
  "/api/v1/emails": {
    post: {
      operationId: "sendEmail",
      tags: ["Emails"],
      summary: "Send an email",
      description:
        "To `to` (an address) or `customerId` (a customer that is not archived and has an address; needs customers.read " +
        "too). Either a plain message (`subject` + `text`) or a `template` with its `variables` (values are plain text, " +
        `escaped into the standard layout), e.g. \`{"customerId": "…", "template": "receipt_follow_up", "variables": {"receiptNumber": "1042"}}\`. Templates: ${templateList}. Sent through Resend when configured, retried on ` +
        "failure; rate limited per sender and per recipient (429).",
      "x-permission": "email.send",
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: sendApiEmailSchema,
            example: { to: "{{unique.email}}", subject: "Your order", text: "Your order is ready for collection." },
          },
        },
      },
      responses: {
        "202": {
          description: "Accepted: the email is queued, sent or kept in the outbox; follow Location for its state.",
          headers: z.object({ Location: z.string().meta({ example: "/api/v1/emails/cm4x1k2a0000008l4gq1h2b3c" }) }),
          content: { "application/json": { schema: recordEnvelope(apiEmailSchema) } },
        },
        ...errorResponses(400, 401, 403, 404, 413, 415, 422, 429),
      },
    },
  },
  "/api/v1/emails/{id}": {
    get: {
      operationId: "getEmail",
      tags: ["Emails"],
      summary: "Get an email's delivery state",
      description: "Your own API emails; every API email with email.outbox.read. Anything else is 404.",
      "x-permission": "email.send",
      requestParams: {
        path: z.object({ id: z.string().meta({ description: "The email id.", example: "{{email.id}}" }) }),
      },
      responses: {
        "200": { description: "The email.", content: { "application/json": { schema: recordEnvelope(apiEmailSchema) } } },
        ...errorResponses(401, 403, 404),
      },
    },
  },
};
