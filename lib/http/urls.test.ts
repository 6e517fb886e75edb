import { describe, expect, it } from "vitest";
import { absoluteUrl, safeNextPath } from "@/lib/http/urls";

describe("safeNextPath", () => {
  it.each([
    ["/dashboard", "/dashboard"],
    ["/dashboard?x=1#y", "/dashboard?x=1#y"],
    ["/records/customers?sort=name&cursor=abc", "/records/customers?sort=name&cursor=abc"],
    ["/settings/profile", "/settings/profile"],
    ["/", "/"],
  ])("keeps the same-origin path %s", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });

  it.each([
    "//evil.com",
    "//evil.com/dashboard",
    "///evil.com",
    "https://evil.com",
    "http://evil.com/dashboard",
    "/\\evil.com",
    "\\\\evil.com",
    "/\\/evil.com",
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evil.com",
    "dashboard",
    "/\u0000//evil.com",
    "/\t/evil.com",
    "/\n/evil.com",
    "/\r\n/evil.com",
    "",
  ])("falls back for %j", (input) => {
    expect(safeNextPath(input)).toBe("/dashboard");
  });

  it("falls back for null, undefined, non-strings and overlong input", () => {
    expect(safeNextPath(null)).toBe("/dashboard");
    expect(safeNextPath(undefined)).toBe("/dashboard");
    expect(safeNextPath(42 as unknown as string)).toBe("/dashboard");
    expect(safeNextPath(`/${"a".repeat(3000)}`)).toBe("/dashboard");
  });

  it("uses the given fallback", () => {
    expect(safeNextPath("//evil.com", "/board")).toBe("/board");
  });

  // URL parsing removes dot segments, so "/.//evil.com" comes out as the protocol-relative "//evil.com",
  // which window.location.assign() would follow off-site.
  it.each([
    "/.//evil.com",
    "/..//evil.com",
    "/a/..//evil.com",
    "/%2e%2e//evil.com",
    "/./../..//evil.com",
    "/%2F%2Fevil.com",
    "/%5Cevil.com",
  ])("never returns a path that leaves the origin for %j", (input) => {
    const out = safeNextPath(input);
    expect(out.startsWith("/")).toBe(true);
    expect(out.startsWith("//")).toBe(false);
    expect(new URL(out, "http://app.test").origin).toBe("http://app.test");
  });
});

describe("absoluteUrl", () => {
  it("prefixes APP_URL", () => {
    expect(absoluteUrl("/verify-email?token=x")).toBe("http://localhost:3000/verify-email?token=x");
    expect(absoluteUrl("sign-in")).toBe("http://localhost:3000/sign-in");
  });
});
