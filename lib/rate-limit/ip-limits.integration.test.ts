// Per-IP limits hold per client, not per address: an IPv6 client rotating through its /64, or an
// IPv4 client seen as ::ffff:a.b.c.d, still counts against one limit. Driven through the real
// sign-up path (its IP limit counts before the input is even parsed, so `{}` is a cheap attempt).
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signUpUser } from "@/lib/data/users/sign-up-user";
import { RateLimitedError, ValidationError } from "@/lib/errors";
import { hit } from "@/lib/rate-limit/limiter";
import { LIMITS } from "@/lib/rate-limit/limits";
import { testContext } from "@/test/helpers";

const hex = () => randomBytes(2).toString("hex");
const signUpFrom = (ip: string) => signUpUser({}, testContext({ ip })).catch((e: unknown) => e);

describe("per-IP limits key IPv6 clients by /64", () => {
  it("two addresses in one IPv6 /64 share the sign-up limit", async () => {
    const net = `2001:db8:${hex()}:${hex()}`;
    for (let i = 1; i <= LIMITS.signUpIp.points; i++) {
      expect(await signUpFrom(`${net}::${i.toString(16)}`)).toBeInstanceOf(ValidationError);
    }
    expect(await signUpFrom(`${net}:ffff:1:2:3`)).toBeInstanceOf(RateLimitedError);
    expect(await signUpFrom(`${net.toUpperCase()}:0:0:0:77`)).toBeInstanceOf(RateLimitedError);
  });

  it("another /64 is another client", async () => {
    const site = `2001:db8:${hex()}`;
    for (let i = 1; i <= LIMITS.signUpIp.points; i++) await signUpFrom(`${site}:1::${i.toString(16)}`);
    expect(await signUpFrom(`${site}:1::abc`)).toBeInstanceOf(RateLimitedError);
    expect(await signUpFrom(`${site}:2::1`)).toBeInstanceOf(ValidationError);
  });

  it("an IPv4-mapped IPv6 address shares the limit of its IPv4 form", async () => {
    const b = randomBytes(2);
    const v4 = `198.51.${b[0]}.${b[1]}`;
    for (let i = 1; i <= LIMITS.signUpIp.points; i++) await signUpFrom(v4);
    expect(await signUpFrom(`::ffff:${v4}`)).toBeInstanceOf(RateLimitedError);
  });

  it("the sign-in IP limit counts a /64 as one client too", async () => {
    const net = `2001:db8:${hex()}:${hex()}`;
    for (let i = 1; i <= LIMITS.signInIp.points; i++) {
      expect((await hit(LIMITS.signInIp, `${net}:${i.toString(16)}::1`)).allowed).toBe(true);
    }
    expect((await hit(LIMITS.signInIp, `${net}::dead:beef`)).allowed).toBe(false);
    expect((await hit(LIMITS.refusalAudit, `ip:${net}::1`)).allowed).toBe(true);
    expect((await hit(LIMITS.refusalAudit, `ip:${net}::2`)).allowed).toBe(false);
  });
});
