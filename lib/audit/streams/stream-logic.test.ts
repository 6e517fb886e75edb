import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { BACKOFF_MAX_MS, backoffDelayMs, FAILING_AFTER, statusAfterFailures } from "@/lib/audit/streams/backoff";
import { matchesStreamFilter, parseStoredFilter } from "@/lib/audit/streams/match-filter";
import { generateStreamSecret, secretHintOf, signedHeaders } from "@/lib/audit/streams/sign-payload";

describe("matchesStreamFilter", () => {
  const event = (action: string, outcome = "success") => ({ action, outcome });

  it("takes everything with an empty filter", () => {
    expect(matchesStreamFilter({}, event("customer.created"))).toBe(true);
    expect(matchesStreamFilter({ actions: [] }, event("auth.sign_in_failed", "failure"))).toBe(true);
  });

  it("matches exact actions and group wildcards, not prefixes of other groups", () => {
    const filter = { actions: ["auth.*", "customer.deleted"] };
    expect(matchesStreamFilter(filter, event("auth.sign_in_failed"))).toBe(true);
    expect(matchesStreamFilter(filter, event("customer.deleted"))).toBe(true);
    expect(matchesStreamFilter(filter, event("customer.created"))).toBe(false);
    expect(matchesStreamFilter({ actions: ["auth.*"] }, event("authz.x"))).toBe(false);
  });

  it("narrows by outcome", () => {
    expect(matchesStreamFilter({ outcome: "failure" }, event("auth.sign_in_failed", "failure"))).toBe(true);
    expect(matchesStreamFilter({ outcome: "failure" }, event("auth.sign_in_succeeded"))).toBe(false);
    expect(
      matchesStreamFilter({ actions: ["auth.*"], outcome: "success" }, event("auth.sign_in_failed", "failure")),
    ).toBe(false);
  });

  it("reads the stored filter leniently", () => {
    expect(parseStoredFilter('{"actions":["auth.*"],"outcome":"failure"}')).toEqual({
      actions: ["auth.*"],
      outcome: "failure",
    });
    expect(parseStoredFilter("not json")).toEqual({ actions: [], outcome: null });
    expect(parseStoredFilter('{"actions":[1,"a.b"],"outcome":"maybe"}')).toEqual({ actions: ["a.b"], outcome: null });
  });
});

describe("backoff", () => {
  it("starts at 10 s and doubles up to an hour, with ±20 % jitter", () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(n, mid))).toEqual([10_000, 20_000, 40_000, 80_000, 160_000]);
    expect(backoffDelayMs(9, mid)).toBe(2_560_000);
    expect(backoffDelayMs(10, mid)).toBe(BACKOFF_MAX_MS);
    expect(backoffDelayMs(500, mid)).toBe(BACKOFF_MAX_MS);
    expect(backoffDelayMs(1, () => 0)).toBe(8_000);
    expect(backoffDelayMs(1, () => 0.999999)).toBe(12_000);
    for (let i = 0; i < 50; i++) {
      const d = backoffDelayMs(3);
      expect(d).toBeGreaterThanOrEqual(32_000);
      expect(d).toBeLessThanOrEqual(48_000);
    }
  });

  it("reports failing after FAILING_AFTER consecutive failures", () => {
    expect(statusAfterFailures(1)).toBe("retrying");
    expect(statusAfterFailures(FAILING_AFTER - 1)).toBe("retrying");
    expect(statusAfterFailures(FAILING_AFTER)).toBe("failing");
  });
});

describe("signing", () => {
  it("makes whsec_ secrets of 32 random bytes", () => {
    const a = generateStreamSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(a.slice(6), "base64")).toHaveLength(32);
    expect(generateStreamSecret()).not.toBe(a);
    expect(secretHintOf(a)).toBe(a.slice(-4));
  });

  it("signs both schemes as documented", () => {
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const body = '{"id":"ev_1"}';
    const h = signedHeaders(secret, "ev_1", 1_700_000_000, body);
    const hex = createHmac("sha256", secret).update(`1700000000.${body}`).digest("hex");
    expect(h["x-opsdeck-signature"]).toBe(`t=1700000000,v1=${hex}`);
    expect(h["x-opsdeck-event-id"]).toBe("ev_1");
    expect(h["webhook-id"]).toBe("ev_1");
    expect(h["x-opsdeck-timestamp"]).toBe("1700000000");
    // Standard Webhooks' published test vector (standard-webhooks spec, "simple" example).
    const std = signedHeaders(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, '{"test": 2432232314}');
    expect(std["webhook-signature"]).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });
});
