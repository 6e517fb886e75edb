import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { parseCustomerListQuery, parseCustomerListQueryStrict } from "@/lib/validations/customer-list-query";

describe("customer list query", () => {
  it("defaults to active customers by name", () => {
    expect(parseCustomerListQuery({})).toMatchObject({
      sort: { key: "name", direction: "asc" },
      limit: 25,
      archived: undefined,
    });
    expect(parseCustomerListQuery({ sort: "-updatedAt", tag: " VIP ", archived: "all" })).toMatchObject({
      sort: { key: "updatedAt", direction: "desc" },
      tag: "vip",
      archived: "all",
    });
  });

  it("refuses injection-shaped values in the API and ignores them on pages", () => {
    for (const params of [
      { sort: "name;DROP TABLE Customer" },
      { sort: "passwordHash" },
      { tag: "' OR 1=1 --" },
      { archived: "yes" },
      { cursor: "eyJzIjoibmFtZSJ9" },
      { limit: "1000000" },
      { q: "x".repeat(201) },
    ]) {
      expect(() => parseCustomerListQueryStrict(params)).toThrow(ValidationError);
      expect(parseCustomerListQuery(params).sort.key).toBe("name");
    }
  });
});
