// Document and code agree: every operation in the OpenAPI document (lib/api/openapi/document.ts)
// is called through its route handler with its documented example, and must answer a documented
// success status whose JSON body validates against the documented schema. Operations added later
// are covered without touching this file, by these conventions:
//
// - Route module: `/api/v1/customers/{id}/refunds` is `app/api/v1/customers/[id]/refunds/route.ts`,
//   exporting the method (GET, POST, …). A missing module or export fails the operation.
// - Principal: a fresh user holding a custom role with the operation's `x-permission` (a
//   permission, a list of them, or null for "any signed-in principal") calls with a Bearer key
//   scoped to exactly that. `security: []` marks a public operation (called without a key).
//   A secured operation without `x-permission` fails: declare it.
// - Request: path parameters take their `example` (parameter or schema); required query and header
//   parameters too (optional ones are left out); the JSON body is `content["application/json"]
//   .example` (else the first of `examples`, else the schema's `example`).
// - Fixtures: an example string "{{customer.id}}" names a record that must exist; see
//   test/openapi/fixtures.ts for the factories (customer, product, staff, transaction, refund, email,
//   user, role, apiKey, me) and `{{unique.email}}`/`{{unique.sku}}` for fresh values in create bodies.
// - Response: the status must be documented and below 400 (an example that is refused is a wrong
//   example); a JSON body must validate against that status's schema (Ajv, JSON Schema 2020-12,
//   the draft OpenAPI 3.1 uses, from @seriousme/openapi-schema-validator's own dependencies).
//   Secured operations must also document 401 and answer it without credentials, and, with an
//   `x-permission`, document 403 and answer it to a key without that permission.
// - Streams: a response documented as text/event-stream never ends, so its body is not read to the
//   end: the first chunk must arrive (within 5 s) and be event-stream text, then the client hangs up.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi/document";
import { isPermission, type Permission } from "@/lib/rbac/permissions";
import { apiKeyFor } from "@/test/api-keys";
import { callRoute } from "@/test/call-route";
import { createTestUser } from "@/test/create-test-user";
import { customRole } from "@/test/user-admin";
import { fixtureResolver } from "@/test/openapi/fixtures";

type Json = Record<string, unknown>;
type Parameter = { name: string; in: string; required?: boolean; example?: unknown; schema?: Json; $ref?: string };
type MediaType = { schema?: Json; example?: unknown; examples?: Record<string, { value?: unknown }> };
type Operation = {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, MediaType> };
  responses: Record<string, { content?: Record<string, MediaType>; $ref?: string }>;
  security?: unknown[];
  "x-permission"?: string | string[] | null;
};
type RouteHandler = (request: Request, route?: { params?: Promise<Record<string, string>> }) => Promise<Response>;
type ValidateFn = ((data: unknown) => boolean) & { errors?: unknown[] | null };
type AjvLike = { addSchema(schema: Json, key: string): void; getSchema(ref: string): ValidateFn | undefined };

const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const document = openApiDocument() as Json & { paths: Record<string, Record<string, Operation>> };
const root = path.resolve(import.meta.dirname, "../..");

// Ajv 2020 as the standard validator ships it (the top-level ajv is an older major).
const validatorRequire = createRequire(createRequire(import.meta.url).resolve("@seriousme/openapi-schema-validator"));
const Ajv2020 = validatorRequire("ajv/dist/2020").default as new (options: Json) => AjvLike;
const addFormats = validatorRequire("ajv-formats").default as (ajv: AjvLike) => void;
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
const DOC_ID = "https://opsdeck.local/openapi.json";
ajv.addSchema({ ...document, $id: DOC_ID }, DOC_ID);

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

function deref<T>(value: T & { $ref?: string }): T {
  if (!value?.$ref?.startsWith("#/")) return value;
  let node: unknown = document;
  for (const part of value.$ref.slice(2).split("/"))
    node = (node as Json)[part.replace(/~1/g, "/").replace(/~0/g, "~")];
  return node as T;
}

function routeFile(template: string): string {
  const segments = template
    .replace(/^\//, "")
    .split("/")
    .map((s) => s.replace(/^\{(.+)\}$/, "[$1]"));
  return path.join(root, "app", ...segments, "route.ts");
}

async function handlerFor(template: string, method: string): Promise<RouteHandler> {
  const file = routeFile(template);
  expect(
    existsSync(file),
    `${method.toUpperCase()} ${template} is documented but ${path.relative(root, file)} does not exist`,
  ).toBe(true);
  const routeModule = (await import(/* @vite-ignore */ file)) as Record<string, RouteHandler | undefined>;
  const handler = routeModule[method.toUpperCase()];
  expect(handler, `${path.relative(root, file)} exports no ${method.toUpperCase()}`).toBeTypeOf("function");
  return handler!;
}

function exampleOf(parameter: Parameter): unknown {
  return parameter.example ?? parameter.schema?.example ?? (parameter.schema?.examples as unknown[] | undefined)?.[0];
}

/** The documented request body: JSON when the operation takes JSON, else the first media type's example as text. */
function bodyExample(op: Operation): { type: string; example: unknown } | undefined {
  const content = op.requestBody?.content ?? {};
  const type = "application/json" in content ? "application/json" : Object.keys(content)[0];
  const media = type ? content[type] : undefined;
  if (!type || !media) return undefined;
  const example = mediaExample(media);
  return example === undefined ? undefined : { type, example };
}

function mediaExample(media: MediaType): unknown {
  if (media.example !== undefined) return media.example;
  const first = media.examples && Object.values(media.examples)[0];
  if (first?.value !== undefined) return first.value;
  return media.schema?.example;
}

function permissionsOf(op: Operation): Permission[] {
  const declared = op["x-permission"];
  const list = declared == null ? [] : Array.isArray(declared) ? declared : [declared];
  for (const p of list) expect(isPermission(p), `x-permission "${p}" is not in the catalogue`).toBe(true);
  return list as Permission[];
}

async function keyHolding(permissions: readonly Permission[]) {
  const role = permissions.length ? await customRole(permissions) : null;
  const owner = await createTestUser({ role: role?.key ?? "user" });
  const { key } = await apiKeyFor(owner.id, permissions);
  return { ownerId: owner.id, key };
}

async function buildRequest(template: string, op: Operation, ownerId: string) {
  const { resolve } = fixtureResolver(ownerId);
  const params: Record<string, string> = {};
  const query: Record<string, string> = {};
  const headers: Record<string, string> = {};
  let url = template;
  for (const raw of op.parameters ?? []) {
    const parameter = deref(raw);
    if (parameter.in !== "path" && !parameter.required) continue;
    const example = exampleOf(parameter);
    expect(
      example,
      `${parameter.in} parameter "${parameter.name}" of ${template} needs an example`,
    ).not.toBeUndefined();
    const value = String(await resolve(example));
    if (parameter.in === "path") {
      params[parameter.name] = value;
      url = url.replace(`{${parameter.name}}`, encodeURIComponent(value));
    } else if (parameter.in === "query") query[parameter.name] = value;
    else if (parameter.in === "header") headers[parameter.name] = value;
  }
  const documented = bodyExample(op);
  if (op.requestBody) expect(documented, `the request body of ${template} needs an example`).toBeTruthy();
  const resolved = documented ? await resolve(documented.example) : undefined;
  const json = documented?.type === "application/json";
  if (documented && !json) headers["content-type"] = documented.type;
  return {
    url,
    params,
    query,
    headers,
    body: json ? resolved : undefined,
    rawBody: documented && !json ? String(resolved) : undefined,
  };
}

function validateBody(template: string, method: string, status: string, contentType: string, body: unknown) {
  const response = deref(document.paths[template]![method]!.responses[status]!);
  const mediaType = contentType.split(";")[0]!.trim();
  const media = response.content?.[mediaType];
  expect(
    media,
    `${method.toUpperCase()} ${template} answered ${status} with ${mediaType}, which is not documented`,
  ).toBeTruthy();
  if (!media?.schema) return;
  const where = response === document.paths[template]![method]!.responses[status] ? "paths" : null;
  const ref = where
    ? `${DOC_ID}#/${pointer("paths", template, method, "responses", status, "content", mediaType, "schema")}`
    : `${DOC_ID}#/${(document.paths[template]![method]!.responses[status]!.$ref ?? "").slice(2)}/content/${pointer(mediaType)}/schema`;
  const validate = ajv.getSchema(ref);
  expect(validate, `no schema at ${ref}`).toBeTruthy();
  const valid = validate!(body);
  expect(
    valid,
    `${method.toUpperCase()} ${template} ${status} body does not match its schema: ${JSON.stringify(validate!.errors)}\n${JSON.stringify(body).slice(0, 2000)}`,
  ).toBe(true);
}

const STREAM_TYPES = new Set(["text/event-stream"]);

/** Like callRoute, but a streamed answer (text/event-stream) is read up to its first chunk, then abandoned. */
async function callOperation(
  handler: RouteHandler,
  method: string,
  path: string,
  options: Parameters<typeof callRoute>[3] & { params: Record<string, string> },
  streams: boolean,
) {
  if (!streams) return callRoute(handler, method, path, options);
  const url = new URL(path, "http://localhost:3000");
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
  const headers = new Headers(options.headers);
  if (options.key) headers.set("authorization", `Bearer ${options.key}`);
  const hangUp = new AbortController();
  const response = await handler(new Request(url, { method, headers, signal: hangUp.signal }), {
    params: Promise.resolve(options.params),
  });
  const type = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
  if (!STREAM_TYPES.has(type) || !response.body) {
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
  }
  const reader = response.body.getReader();
  const first = await Promise.race([
    reader.read(),
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${path}: no event-stream data within 5 s`)), 5000),
    ),
  ]);
  await reader.cancel();
  hangUp.abort();
  const text = new TextDecoder().decode(first.value);
  expect(text, `${method} ${path}: the stream's first chunk is not event-stream text`).toMatch(
    /^(:|retry:|id:|event:|data:)/m,
  );
  return { status: response.status, headers: response.headers, body: text };
}

const operations = Object.entries(document.paths).flatMap(([template, item]) =>
  METHODS.filter((m) => item[m]).map((method) => ({ template, method, op: item[method]! })),
);

describe("every documented operation answers its documented example as documented", () => {
  it("the document has operations", () => {
    expect(operations.length).toBeGreaterThan(0);
  });

  it.each(operations.map((o) => [`${o.method.toUpperCase()} ${o.template}`, o] as const))(
    "%s",
    async (_label, { template, method, op }) => {
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      if (!isPublic) {
        expect(
          "x-permission" in op,
          `${method.toUpperCase()} ${template}: declare x-permission (a permission, or null for any signed-in principal)`,
        ).toBe(true);
      }
      const permissions = isPublic ? [] : permissionsOf(op);
      const handler = await handlerFor(template, method);
      const streams = Object.values(op.responses).some((r) =>
        Object.keys(deref(r).content ?? {}).some((type) => STREAM_TYPES.has(type)),
      );
      const caller = await keyHolding(permissions);
      const request = await buildRequest(template, op, caller.ownerId);

      const res = await callOperation(
        handler,
        method.toUpperCase(),
        request.url,
        {
          key: isPublic ? undefined : caller.key,
          params: request.params,
          query: request.query,
          headers: request.headers,
          body: request.body,
          rawBody: request.rawBody,
        },
        streams,
      );
      const status = String(res.status);
      expect(
        Object.keys(op.responses),
        `${method.toUpperCase()} ${template} answered undocumented ${status}: ${JSON.stringify(res.body).slice(0, 500)}`,
      ).toContain(status);
      expect(
        res.status,
        `${method.toUpperCase()} ${template} refused its own example: ${JSON.stringify(res.body).slice(0, 800)}`,
      ).toBeLessThan(400);
      const contentType = res.headers.get("content-type") ?? "";
      if (/json/.test(contentType)) validateBody(template, method, status, contentType, res.body);

      if (isPublic) return;
      // Without credentials: 401, documented, problem+json.
      const anonymous = await callOperation(
        handler,
        method.toUpperCase(),
        request.url,
        {
          params: request.params,
          query: request.query,
          headers: request.headers,
          body: request.body,
          rawBody: request.rawBody,
        },
        streams,
      );
      expect(anonymous.status, `${method.toUpperCase()} ${template} without a key`).toBe(401);
      expect(Object.keys(op.responses), `${method.toUpperCase()} ${template} must document 401`).toContain("401");
      validateBody(template, method, "401", anonymous.headers.get("content-type") ?? "", anonymous.body);

      if (!permissions.length) return;
      // A key without the permission: 403, documented.
      const lacking = await keyHolding([]);
      const forbidden = await callOperation(
        handler,
        method.toUpperCase(),
        request.url,
        {
          key: lacking.key,
          params: request.params,
          query: request.query,
          headers: request.headers,
          body: request.body,
          rawBody: request.rawBody,
        },
        streams,
      );
      expect(forbidden.status, `${method.toUpperCase()} ${template} with a key lacking ${permissions.join(", ")}`).toBe(
        403,
      );
      expect(Object.keys(op.responses), `${method.toUpperCase()} ${template} must document 403`).toContain("403");
      validateBody(template, method, "403", forbidden.headers.get("content-type") ?? "", forbidden.body);
    },
  );
});
