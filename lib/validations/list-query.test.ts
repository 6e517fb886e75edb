import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import {
  DEFAULT_PAGE_SIZE,
  decodeCursor,
  defineListQuery,
  encodeCursor,
  formatSort,
  parseSort,
} from "@/lib/validations/list-query";
import { parseUserListQuery, parseUserListQueryStrict } from "@/lib/validations/user-list-query";

const things = defineListQuery({
  sortKeys: ["createdAt", "name"],
  defaultSort: { key: "createdAt", direction: "desc" },
  filters: { colour: z.enum(["red", "blue"]) },
});

const cursorFor = (sort: string, before = false) =>
  encodeCursor({ sort, values: ["2024-05-01T10:00:00.000Z"], id: "row_1", before });

describe("sort", () => {
  it("reads a bare key as ascending and a '-' prefix as descending, and writes them back", () => {
    expect(parseSort("name", ["name"])).toEqual({ key: "name", direction: "asc" });
    expect(parseSort("-name", ["name"])).toEqual({ key: "name", direction: "desc" });
    expect(parseSort("passwordHash", ["name"])).toBeNull();
    expect(formatSort({ key: "name", direction: "desc" })).toBe("-name");
    expect(formatSort({ key: "name", direction: "asc" })).toBe("name");
  });
});

describe("cursor", () => {
  it("round-trips values (unicode, null) and the Previous flag through base64url", () => {
    const cursor = { sort: "-name", values: ["Zoë", null, 3, true], id: "ckxyz", before: true };
    const encoded = encodeCursor(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(encoded)).toEqual(cursor);
    expect(decodeCursor(encodeCursor({ ...cursor, before: false }))?.before).toBe(false);
  });

  it("refuses what is not one of ours", () => {
    expect(decodeCursor("not a cursor!")).toBeNull();
    expect(decodeCursor("eyJmb28iOjF9")).toBeNull(); // {"foo":1}
    expect(decodeCursor(btoa("{").replace(/=+$/, ""))).toBeNull();
    expect(decodeCursor("a".repeat(3000))).toBeNull();
  });
});

describe("parse (pages): invalid values fall back to defaults", () => {
  it("gives the defaults for an empty query", () => {
    expect(things.parse({})).toEqual({
      q: undefined,
      sort: { key: "createdAt", direction: "desc" },
      cursor: undefined,
      limit: DEFAULT_PAGE_SIZE,
      total: false,
      colour: undefined,
    });
    expect(DEFAULT_PAGE_SIZE).toBe(25);
  });

  it("reads every parameter, taking the first of repeated ones and treating blanks as absent", () => {
    const cursor = cursorFor("name");
    const query = things.parse({ q: "  ada  ", sort: "name", cursor, limit: "10", colour: ["red", "blue"] });
    expect(query).toMatchObject({ q: "ada", sort: { key: "name", direction: "asc" }, limit: 10, colour: "red" });
    expect(query.cursor).toEqual({ sort: "name", values: ["2024-05-01T10:00:00.000Z"], id: "row_1", before: false });
    expect(things.parse({ q: "   ", colour: "" })).toMatchObject({ q: undefined, colour: undefined });
  });

  it("accepts URLSearchParams", () => {
    expect(things.parse(new URLSearchParams("sort=-name&limit=100"))).toMatchObject({
      sort: { key: "name", direction: "desc" },
      limit: 100,
    });
  });

  it("drops only the invalid parameters", () => {
    const query = things.parse({ sort: "password", limit: "7", colour: "green", q: "x", cursor: "garbage" });
    expect(query).toEqual({
      q: "x",
      sort: { key: "createdAt", direction: "desc" },
      cursor: undefined,
      limit: 25,
      total: false,
      colour: undefined,
    });
  });

  it("ignores a cursor made for another sort order", () => {
    expect(things.parse({ sort: "name", cursor: cursorFor("-name") }).cursor).toBeUndefined();
    expect(things.parse({ cursor: cursorFor("-createdAt") }).cursor?.id).toBe("row_1");
  });
});

describe("parseStrict (API): invalid values are a 422 naming the field", () => {
  it("throws a ValidationError with field errors", () => {
    try {
      things.parseStrict({ sort: "password", limit: "500", colour: "green" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const fields = (error as ValidationError).fieldErrors;
      expect(Object.keys(fields).sort()).toEqual(["colour", "limit", "sort"]);
      expect(fields.sort?.[0]).toContain("createdAt, name");
      expect(fields.limit?.[0]).toContain("10, 25, 50, 100");
      expect((error as ValidationError).status).toBe(422);
    }
  });

  it("refuses a stale cursor", () => {
    expect(() => things.parseStrict({ sort: "name", cursor: cursorFor("-name") })).toThrow(ValidationError);
    expect(() => things.parseStrict({ cursor: "%%%" })).toThrow(ValidationError);
  });

  it("refuses a search holding a NUL character (PostgreSQL text cannot), and pages drop it", () => {
    expect(() => things.parseStrict({ q: "ab\u0000c" })).toThrow(ValidationError);
    expect(things.parse({ q: "ab\u0000c" }).q).toBeUndefined();
  });

  it("accepts a valid query", () => {
    expect(things.parseStrict({ sort: "-createdAt", limit: "50", colour: "blue" })).toMatchObject({
      limit: 50,
      colour: "blue",
    });
  });
});

describe("user list query", () => {
  it("parses the users table's filters and sorts", () => {
    expect(
      parseUserListQuery({
        q: "grace",
        role: "super_admin",
        status: "banned",
        twoFactor: "on",
        verified: "no",
        pending: "yes",
        sort: "-lastSignInAt",
      }),
    ).toMatchObject({
      q: "grace",
      role: "super_admin",
      status: "banned",
      twoFactor: "on",
      verified: "no",
      pending: "yes",
      sort: { key: "lastSignInAt", direction: "desc" },
      limit: 25,
    });
    for (const key of ["createdAt", "lastSignInAt", "username", "name"]) {
      expect(parseUserListQuery({ sort: key }).sort).toEqual({ key, direction: "asc" });
    }
  });

  it("defaults to newest first and drops unknown values", () => {
    expect(parseUserListQuery({ status: "deleted", role: "Robert'); DROP TABLE", sort: "email" })).toMatchObject({
      status: undefined,
      role: undefined,
      sort: { key: "createdAt", direction: "desc" },
    });
    expect(() => parseUserListQueryStrict({ twoFactor: "maybe" })).toThrow(ValidationError);
  });
});
