import { afterEach, describe, expect, it, vi } from "vitest";
import { contextFromHeaders } from "@/lib/http/request-context";

afterEach(() => {
  delete process.env.TRUST_PROXY_HOPS;
  vi.resetModules();
});

describe("contextFromHeaders", () => {
  it("takes the right-most X-Forwarded-For entry by default", () => {
    expect(contextFromHeaders(new Headers({ "x-forwarded-for": "6.6.6.6, 10.0.0.1, 203.0.113.9" })).ip).toBe(
      "203.0.113.9",
    );
    expect(contextFromHeaders(new Headers({ "x-forwarded-for": "203.0.113.9" })).ip).toBe("203.0.113.9");
    expect(contextFromHeaders(new Headers({ "x-forwarded-for": " 1.1.1.1 ,  2001:db8::1 " })).ip).toBe("2001:db8::1");
  });

  it("ignores empty entries", () => {
    expect(contextFromHeaders(new Headers({ "x-forwarded-for": "1.1.1.1, 2.2.2.2, ," })).ip).toBe("2.2.2.2");
  });

  it("has no IP without the header", () => {
    expect(contextFromHeaders(new Headers()).ip).toBeNull();
    expect(contextFromHeaders(new Headers({ "x-forwarded-for": " , " })).ip).toBeNull();
  });

  it("caps the IP and the user agent", () => {
    const ctx = contextFromHeaders(new Headers({ "x-forwarded-for": "x".repeat(500), "user-agent": "u".repeat(2000) }));
    expect(ctx.ip).toHaveLength(64);
    expect(ctx.userAgent).toHaveLength(512);
  });

  it("keeps the caller's request id, or makes one", () => {
    expect(contextFromHeaders(new Headers({ "x-request-id": "req-123" })).requestId).toBe("req-123");
    const a = contextFromHeaders(new Headers()).requestId;
    const b = contextFromHeaders(new Headers()).requestId;
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
    expect(contextFromHeaders(new Headers()).userAgent).toBeNull();
  });

  it("counts further proxies with TRUST_PROXY_HOPS", async () => {
    process.env.TRUST_PROXY_HOPS = "2";
    vi.resetModules();
    const fresh = await import("@/lib/http/request-context");
    expect(fresh.contextFromHeaders(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.1" })).ip).toBe(
      "203.0.113.9",
    );
    // Fewer entries than hops: the left-most one there is.
    expect(fresh.contextFromHeaders(new Headers({ "x-forwarded-for": "203.0.113.9" })).ip).toBe("203.0.113.9");
  });
});
