import { describe, expect, it } from "vitest";
import { applyQueryValues } from "@/components/ui/data-table/use-query-params";

const apply = (query: string, values: Parameters<typeof applyQueryValues>[1]) =>
  applyQueryValues(new URLSearchParams(query), values).toString();

describe("applyQueryValues", () => {
  it("sets and removes keys, keeping the others", () => {
    expect(apply("q=ada&limit=10", { status: "banned" })).toBe("q=ada&limit=10&status=banned");
    expect(apply("q=ada&status=banned", { status: null, q: "" })).toBe("");
    expect(apply("q=ada", { limit: 50, role: undefined })).toBe("q=ada&limit=50");
  });

  it("drops the cursor on any change but the cursor itself", () => {
    expect(apply("q=ada&cursor=abc", { sort: "-name" })).toBe("q=ada&sort=-name");
    expect(apply("q=ada&cursor=abc", { status: "active" })).toBe("q=ada&status=active");
    expect(apply("q=ada&cursor=abc", { cursor: "def" })).toBe("q=ada&cursor=def");
    expect(apply("q=ada&cursor=abc", {})).toBe("q=ada");
  });
});
