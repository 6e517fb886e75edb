import { afterAll, describe, expect, it } from "vitest";
import bcrypt from "bcryptjs";
import { isMainThread } from "node:worker_threads";
import { bcryptCompare, bcryptHash, stopBcryptPool } from "@/lib/auth/bcrypt-pool";
import { AppError } from "@/lib/errors";

afterAll(stopBcryptPool);

describe("bcrypt worker pool", () => {
  it("hashes and compares like bcryptjs itself", async () => {
    expect(isMainThread).toBe(true);
    const hash = await bcryptHash("a value", 4);
    expect(hash).toMatch(/^\$2b\$04\$/);
    expect(bcrypt.compareSync("a value", hash)).toBe(true);
    expect(await bcryptCompare("a value", hash)).toBe(true);
    expect(await bcryptCompare("another value", hash)).toBe(false);
  });

  it("runs many requests concurrently and keeps each answer with its request", async () => {
    const values = Array.from({ length: 12 }, (_, i) => `value ${i}`);
    const hashes = await Promise.all(values.map((v) => bcryptHash(v, 4)));
    const checks = await Promise.all(values.map((v, i) => bcryptCompare(v, hashes[(i + 1) % values.length]!)));
    expect(checks.every((c) => c === false)).toBe(true);
    expect(await Promise.all(values.map((v, i) => bcryptCompare(v, hashes[i]!)))).toEqual(values.map(() => true));
  });

  it("answers 503 busy instead of queueing without bound", async () => {
    const results = await Promise.allSettled(Array.from({ length: 400 }, () => bcryptHash("x", 4)));
    const busy = results.filter(
      (r) => r.status === "rejected" && r.reason instanceof AppError && r.reason.status === 503,
    );
    expect(busy.length).toBeGreaterThan(0);
    expect(results.filter((r) => r.status === "fulfilled").length).toBeGreaterThanOrEqual(256);
  });

  it("reports a failing job as an error, not a hang", async () => {
    await expect(bcryptCompare("x", "not a bcrypt hash")).resolves.toBe(false);
    // A malformed salt makes bcryptjs throw inside the worker; the caller gets that error.
    await expect(bcryptHash("x", "$2b$04$tooshort" as unknown as number)).rejects.toThrow(/salt/i);
  });
});
