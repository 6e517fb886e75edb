// OpenAPI operations of /api/v1/transactions, from the same zod schemas the routes parse with.
import type { ZodOpenApiPathsObject } from "zod-openapi";

export const transactionsPaths: ZodOpenApiPathsObject = {};
