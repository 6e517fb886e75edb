import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { parseProductListQuery, parseProductListQueryStrict } from "@/lib/validations/product-list-query";

describe("product list query", () => {
  it("defaults to name ascending, nothing filtered", () => {
    expect(parseProductListQuery({})).toMatchObject({
      sort: { key: "name", direction: "asc" },
      active: undefined,
      archived: undefined,
      low_stock: undefined,
      limit: 25,
    });
  });

  it("reads filters and sorts", () => {
    expect(
      parseProductListQueryStrict(new URLSearchParams("sort=-unitPrice&active=no&archived=all&low_stock=yes&q=tea")),
    ).toMatchObject({
      sort: { key: "unitPrice", direction: "desc" },
      active: "no",
      archived: "all",
      low_stock: "yes",
      q: "tea",
    });
  });

  it.each([
    ["sort", "unitCost"],
    ["sort", "name;DROP TABLE Product"],
    ["active", "maybe"],
    ["archived", "' OR 1=1 --"],
    ["low_stock", "no"],
    ["cursor", "not-a-cursor"],
    ["limit", "1000"],
  ])("strict: %s=%j is a 422 naming the field", (key, value) => {
    try {
      parseProductListQueryStrict({ [key]: value });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect(Object.keys((error as ValidationError).fieldErrors)).toContain(key);
    }
  });

  it("pages drop a bad value instead of failing", () => {
    expect(parseProductListQuery({ sort: "bogus", active: "yes" })).toMatchObject({ sort: { key: "name" }, active: "yes" });
  });
});
