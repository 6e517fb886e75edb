import { describe, expect, it } from "vitest";
import { normaliseLimitKey } from "@/lib/rate-limit/normalise-limit-key";

describe("normaliseLimitKey: an IPv6 client is limited by its /64, not one address at a time", () => {
  it.each([
    ["2001:db8:1:2::1", "2001:db8:1:2::/64"],
    ["2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64"],
    ["2001:0DB8:0001:0002:0000:0000:0000:0009", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["2001:db8:0:0:1::", "2001:db8:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["::", "0:0:0:0::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["fe80::abcd%25", "fe80:0:0:0::/64"],
  ])("keys %s as %s", (address, key) => {
    expect(normaliseLimitKey(address)).toBe(key);
  });

  it("gives every address of one /64 the same key, and another /64 a different one", () => {
    const a = normaliseLimitKey("2001:db8:aaaa:1::1");
    expect(normaliseLimitKey("2001:db8:aaaa:1:dead:beef:1234:5678")).toBe(a);
    expect(normaliseLimitKey("2001:db8:aaaa:2::1")).not.toBe(a);
  });

  it.each([
    ["::ffff:1.2.3.4", "1.2.3.4"],
    ["::FFFF:10.0.0.7", "10.0.0.7"],
    ["::ffff:0102:0304", "1.2.3.4"],
    ["0:0:0:0:0:ffff:c000:0201", "192.0.2.1"],
    ["64:ff9b::198.51.100.7", "198.51.100.7"],
  ])("keys the IPv4-mapped address %s by its IPv4 form %s", (address, key) => {
    expect(normaliseLimitKey(address)).toBe(key);
  });

  it("keeps IPv4 addresses as they are", () => {
    expect(normaliseLimitKey("203.0.113.9")).toBe("203.0.113.9");
  });

  it("normalises an address after an ip: segment and leaves the rest of the key alone", () => {
    expect(normaliseLimitKey("ip:2001:db8:1:2::99")).toBe("ip:2001:db8:1:2::/64");
    expect(normaliseLimitKey("ip:::ffff:1.2.3.4")).toBe("ip:1.2.3.4");
    expect(normaliseLimitKey("user:abc:ip:2001:db8:1:2::99")).toBe("user:abc:ip:2001:db8:1:2::/64");
    // The lockout's (account, source) keys, even for an account typed as "ip".
    expect(normaliseLimitKey("user:cl0x:3:password:ip:2001:db8:1:2::7")).toBe(
      "user:cl0x:3:password:ip:2001:db8:1:2::/64",
    );
    expect(normaliseLimitKey("name:ip:0:password:ip:::ffff:1.2.3.4")).toBe("name:ip:0:password:ip:1.2.3.4");
  });

  it.each(["unknown", "user:cl0abc", "name:someone", "account:xyz", "", "ip:", "ip:not-an-ip", "skip:2001:db8::1"])(
    "passes the key %j through unchanged",
    (key) => {
      expect(normaliseLimitKey(key)).toBe(key);
    },
  );
});
