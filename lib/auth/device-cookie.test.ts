import { describe, expect, it } from "vitest";
import {
  DEVICE_COOKIE_MAX_AGE_SECONDS,
  readDeviceClaim,
  signDeviceCookie,
  trustedDevice,
} from "@/lib/auth/device-cookie";

/** The nonce the sign-in would trust for `userId` (an account whose password never changed), or null. */
const verifyDeviceCookie = (value: string | null, userId: string | null, now?: number) =>
  trustedDevice(readDeviceClaim(value, now), userId === null ? null : { id: userId, passwordChangedAt: new Date(0) });

const ALICE = "cmalice0000000000000000001";
const BOB = "cmbob00000000000000000002";

describe("device cookies", () => {
  it("verifies for the account it was issued to, giving a nonce of its own to each browser", () => {
    const a = signDeviceCookie(ALICE);
    const b = signDeviceCookie(ALICE);
    const nonceA = verifyDeviceCookie(a, ALICE);
    expect(nonceA).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(verifyDeviceCookie(b, ALICE)).not.toBe(nonceA);
    expect(a).toContain(ALICE);
  });

  it("gives no trust for another account", () => {
    expect(verifyDeviceCookie(signDeviceCookie(ALICE), BOB)).toBeNull();
    expect(verifyDeviceCookie(signDeviceCookie(ALICE), null)).toBeNull();
  });

  it("gives no trust when forged or altered", () => {
    const genuine = signDeviceCookie(ALICE);
    const [v, , nonce, issued, mac] = genuine.split(".");
    expect(verifyDeviceCookie([v, BOB, nonce, issued, mac].join("."), BOB)).toBeNull();
    expect(verifyDeviceCookie([v, ALICE, "chosen-nonce", issued, mac].join("."), ALICE)).toBeNull();
    expect(verifyDeviceCookie([v, ALICE, nonce, String(Date.now() + 1000), mac].join("."), ALICE)).toBeNull();
    expect(verifyDeviceCookie(`${genuine.slice(0, -1)}${genuine.endsWith("A") ? "B" : "A"}`, ALICE)).toBeNull();
    expect(verifyDeviceCookie(`v1.${ALICE}.nonce.${Date.now()}.`, ALICE)).toBeNull();
    for (const junk of ["", "v1", "....", "x".repeat(300), `${genuine}.extra`])
      expect(verifyDeviceCookie(junk, ALICE)).toBeNull();
    expect(verifyDeviceCookie(null, ALICE)).toBeNull();
  });

  it("expires after its maximum age", () => {
    const issuedAt = Date.now() - DEVICE_COOKIE_MAX_AGE_SECONDS * 1000;
    const cookie = signDeviceCookie(ALICE, issuedAt);
    expect(verifyDeviceCookie(cookie, ALICE, issuedAt + DEVICE_COOKIE_MAX_AGE_SECONDS * 1000 - 1000)).not.toBeNull();
    expect(verifyDeviceCookie(cookie, ALICE, issuedAt + DEVICE_COOKIE_MAX_AGE_SECONDS * 1000 + 1000)).toBeNull();
  });

  it("is not trusted once the account's password changed after it was issued", () => {
    const issuedAt = Date.now();
    const claim = readDeviceClaim(signDeviceCookie(ALICE, issuedAt));
    expect(trustedDevice(claim, { id: ALICE, passwordChangedAt: new Date(issuedAt - 1000) })).not.toBeNull();
    expect(trustedDevice(claim, { id: ALICE, passwordChangedAt: new Date(issuedAt + 1000) })).toBeNull();
  });
});
