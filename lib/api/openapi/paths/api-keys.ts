// OpenAPI operations of the API platform itself: who am I (GET /api/v1/me) and the document
// (GET /api/v1/openapi.json). API keys are made in Settings → API keys, not through the API.
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { errorResponses, recordEnvelope } from "@/lib/api/openapi/shared";
import { ALL_PERMISSIONS, type Permission } from "@/lib/rbac/permissions";

const permission = z.enum(ALL_PERMISSIONS as [Permission, ...Permission[]]);

export const principalSchema = z
  .object({
    id: z.string().meta({ example: "cm4x1k2a0000008l4gq1h2b3c" }),
    username: z.string().meta({ example: "ada" }),
    email: z.string().meta({ example: "ada@example.com" }),
    firstName: z.string().meta({ example: "Ada" }),
    lastName: z.string().meta({ example: "Lovelace" }),
    emailVerified: z.boolean(),
    twoFactorEnabled: z.boolean(),
    roles: z.array(z.object({ key: z.string(), name: z.string() })),
    permissions: z
      .array(permission)
      .meta({ description: "What this request may do: for a key, its scopes that its owner still holds." }),
    authenticatedBy: z.enum(["api_key", "session"]),
    apiKey: z
      .object({
        id: z.string(),
        name: z.string(),
        prefix: z.string().meta({ example: "odk_live_3fK9a2Qb" }),
        scopes: z.array(permission),
        expiresAt: z.iso.datetime().nullable(),
      })
      .nullable()
      .meta({ description: "The key that authenticated the request; null for a browser session." }),
  })
  .meta({ id: "Principal", description: "The caller: a person or service account, and how it authenticated." });

export const apiKeysPaths: ZodOpenApiPathsObject = {
  "/api/v1/me": {
    get: {
      operationId: "getMe",
      tags: ["Account"],
      summary: "Who am I",
      description:
        "The calling principal (by API key or session): identity, roles, and the effective permissions of this request.",
      "x-permission": null,
      responses: {
        "200": {
          description: "The principal.",
          content: { "application/json": { schema: recordEnvelope(principalSchema) } },
        },
        ...errorResponses(401),
      },
    },
  },
  "/api/v1/openapi.json": {
    get: {
      operationId: "getOpenApiDocument",
      tags: ["Meta"],
      summary: "This OpenAPI document",
      description: "The OpenAPI 3.1 description of the API. Public; also rendered at /docs/api.",
      security: [],
      responses: {
        "200": {
          description: "The OpenAPI document.",
          content: {
            "application/json": {
              schema: z
                .object({
                  openapi: z.string().meta({ example: "3.1.0" }),
                  info: z.object({ title: z.string(), version: z.string() }).loose(),
                  paths: z.record(z.string(), z.unknown()),
                })
                .loose(),
            },
          },
        },
      },
    },
  },
};
