// OpenAPI operations of /api/v1/customers, from the same zod schemas the routes parse with.
import type { ZodOpenApiPathsObject } from "zod-openapi";

export const customersPaths: ZodOpenApiPathsObject = {};
