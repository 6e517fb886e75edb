// The one list-query contract for tables and REST list endpoints: `q`, `sort` from an allow-list
// (`sort=username` ascending, `sort=-username` descending, as in JSON:API), an opaque keyset
// `cursor`, `limit` (10, 25, 50 or 100; 25 by default), `total=true` (count the matches too) and
// per-entity filters. An entity defines
// its query once (e.g. lib/validations/user-list-query.ts) and both its RSC page and its REST list
// endpoint parse with it:
//
//   - `parse(searchParams)` (pages): an invalid value falls back to its default, so a stale or
//     hand-edited URL still shows a table;
//   - `parseStrict(params)` (API): an invalid value is a ValidationError (422) naming the field.
//
// The cursor is base64url JSON of the last (or, for "Previous", the first) row's sort values and
// id, plus the sort it belongs to: a cursor from another sort order is refused (or ignored).
import { z } from "zod";
import { ValidationError, fieldErrorsFromZod } from "@/lib/errors";

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 25;

export type SortDirection = "asc" | "desc";
export type SortSpec<K extends string = string> = { key: K; direction: SortDirection };

/** `{ key: "username", direction: "desc" }` → "-username". */
export function formatSort(sort: SortSpec): string {
  return sort.direction === "desc" ? `-${sort.key}` : sort.key;
}

/** "-username" → `{ key: "username", direction: "desc" }`, or null when the key is not allowed. */
export function parseSort<K extends string>(value: string, keys: readonly K[]): SortSpec<K> | null {
  const direction: SortDirection = value.startsWith("-") ? "desc" : "asc";
  const key = value.replace(/^[-+]/, "");
  return (keys as readonly string[]).includes(key) ? { key: key as K, direction } : null;
}

/** A value a cursor carries: dates travel as ISO strings. */
export type CursorValue = string | number | boolean | null;

export type Cursor = {
  /** The sort the cursor was made for (formatSort). */
  sort: string;
  /** The row's sort-column values, in the sort's column order. */
  values: CursorValue[];
  id: string;
  /** A "Previous" cursor: the page ends just before this row. */
  before: boolean;
};

const cursorPayload = z.object({
  s: z.string().max(100),
  v: z.array(z.union([z.string().max(500), z.number(), z.boolean(), z.null()])).max(8),
  id: z.string().min(1).max(64),
  b: z.literal(1).optional(),
});

// btoa/atob with UTF-8, not Buffer: this module is also bundled for the browser.
function toBase64Url(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(encoded: string): string {
  const binary = atob(encoded.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function encodeCursor(cursor: Cursor): string {
  const payload = { s: cursor.sort, v: cursor.values, id: cursor.id, ...(cursor.before ? { b: 1 } : {}) };
  return toBase64Url(JSON.stringify(payload));
}

/** The cursor, or null when `raw` is not one of ours. */
export function decodeCursor(raw: string): Cursor | null {
  if (raw.length > 2000 || !/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  try {
    const parsed = cursorPayload.safeParse(JSON.parse(fromBase64Url(raw)));
    if (!parsed.success) return null;
    return { sort: parsed.data.s, values: parsed.data.v, id: parsed.data.id, before: parsed.data.b === 1 };
  } catch {
    return null;
  }
}

/** What a page's `searchParams` or a route's query gives: repeated keys arrive as arrays. */
export type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

function toRecord(params: RawParams): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = params instanceof URLSearchParams ? params.entries() : Object.entries(params);
  for (const [key, value] of entries) {
    const first = Array.isArray(value) ? value[0] : value;
    // An empty value (a form's "Any" option) means "not given".
    if (typeof first === "string" && first.trim() !== "" && !(key in out)) out[key] = first;
  }
  return out;
}

export type ListQuery<K extends string> = {
  q: string | undefined;
  sort: SortSpec<K>;
  cursor: Cursor | undefined;
  limit: PageSize;
  /** `total=true`: the API answers the number of matching rows too (tables always count). */
  total: boolean;
};

type FilterOutput<F extends z.ZodRawShape> = { [P in keyof F]: z.output<F[P]> | undefined };

export type ListQueryDefinition<K extends string, F extends z.ZodRawShape> = {
  sortKeys: readonly K[];
  defaultSort: SortSpec<K>;
  /** The schema, strict: its output is the parsed query. */
  schema: z.ZodType<ListQuery<K> & FilterOutput<F>>;
  /** For pages: invalid values fall back to their defaults. */
  parse(params: RawParams): ListQuery<K> & FilterOutput<F>;
  /** For the API: invalid values throw a ValidationError (422) naming each field. */
  parseStrict(params: RawParams): ListQuery<K> & FilterOutput<F>;
  /** The names of the filter parameters (for "clear filters"). */
  filterKeys: readonly (keyof F & string)[];
};

/**
 * Defines an entity's list query. Filters are zod schemas of one string parameter each (e.g.
 * `z.enum(["active", "banned"])`); every filter is optional.
 */
export function defineListQuery<const K extends string, F extends z.ZodRawShape>(config: {
  sortKeys: readonly [K, ...K[]];
  defaultSort: SortSpec<NoInfer<K>>;
  filters: F;
}): ListQueryDefinition<K, F> {
  const { sortKeys, defaultSort, filters } = config;
  const optionalFilters = Object.fromEntries(
    Object.entries(filters).map(([key, schema]) => [key, (schema as z.ZodType).optional()]),
  );
  const base = z.object({
    q: z
      .string()
      .trim()
      .max(200, "Keep the search under 200 characters.")
      // PostgreSQL text cannot hold NUL: refused here rather than failing in the database.
      .refine((v) => !v.includes("\u0000"), "The search cannot contain NUL characters.")
      .optional()
      .transform((v) => (v ? v : undefined)),
    sort: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined) return defaultSort;
        const sort = parseSort(value, sortKeys);
        if (sort) return sort;
        ctx.addIssue({
          code: "custom",
          message: `Sort by one of: ${sortKeys.join(", ")} (prefix "-" for descending).`,
        });
        return z.NEVER;
      }),
    cursor: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined) return undefined;
        const cursor = decodeCursor(value);
        if (cursor) return cursor;
        ctx.addIssue({ code: "custom", message: "The cursor is not valid; start from the first page." });
        return z.NEVER;
      }),
    limit: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined) return DEFAULT_PAGE_SIZE;
        const n = Number(value);
        if ((PAGE_SIZES as readonly number[]).includes(n)) return n as PageSize;
        ctx.addIssue({ code: "custom", message: `The page size is one of ${PAGE_SIZES.join(", ")}.` });
        return z.NEVER;
      }),
    total: z
      .enum(["true", "false"], { error: "total is true or false." })
      .optional()
      .transform((v) => v === "true"),
    ...optionalFilters,
  });
  const filterKeys = Object.keys(filters) as (keyof F & string)[];
  const schema = base
    .superRefine((query, ctx) => {
      if (query.cursor && query.cursor.sort !== formatSort(query.sort)) {
        ctx.addIssue({ code: "custom", path: ["cursor"], message: "The cursor belongs to another sort order." });
      }
    })
    // Every key present (undefined when not given), so the output's shape never varies.
    .transform((query) => ({
      ...Object.fromEntries(filterKeys.map((key) => [key, undefined])),
      ...query,
      q: query.q,
      cursor: query.cursor,
    })) as unknown as z.ZodType<ListQuery<K> & FilterOutput<F>>;

  const parseStrict = (params: RawParams) => {
    const result = schema.safeParse(toRecord(params));
    if (!result.success) throw new ValidationError(fieldErrorsFromZod(result.error.issues));
    return result.data;
  };

  const parse = (params: RawParams) => {
    const input = toRecord(params);
    // Drop each offending parameter and try again; every round removes at least one key.
    for (let round = 0; round <= Object.keys(input).length; round++) {
      const result = schema.safeParse(input);
      if (result.success) return result.data;
      const bad = new Set(result.error.issues.map((issue) => String(issue.path[0] ?? "")));
      let removed = false;
      for (const key of bad) {
        if (key in input) {
          delete input[key];
          removed = true;
        }
      }
      if (!removed) break;
    }
    return schema.parse({});
  };

  return {
    sortKeys,
    defaultSort,
    schema,
    parse,
    parseStrict,
    filterKeys,
  };
}
