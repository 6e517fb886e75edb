import { describe, expect, it } from "vitest";
import { pageCsp } from "@/lib/http/csp";

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `));

describe("pageCsp", () => {
  it("lets forms reach only this origin by default", () => {
    expect(directive(pageCsp("n0nce", false), "form-action")).toBe("form-action 'self'");
  });

  it("adds the sign-in providers' origins to form-action, and nowhere else", () => {
    const csp = pageCsp("n0nce", false, ["https://sso.example.com", "https://github.com"]);
    expect(directive(csp, "form-action")).toBe("form-action 'self' https://sso.example.com https://github.com");
    expect(directive(csp, "connect-src")).toBe("connect-src 'self'");
    expect(directive(csp, "default-src")).toBe("default-src 'self'");
  });

  it("carries the nonce and no unsafe-eval outside development", () => {
    expect(directive(pageCsp("abc", false), "script-src")).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(directive(pageCsp("abc", true), "script-src")).toContain("'unsafe-eval'");
  });
});
