// A cluster limiter whose primary does not answer in time refuses the request with a 503 (never a
// 500, never through uncounted); anything else the limiter throws is passed on unchanged.
import { describe, expect, it } from "vitest";
import { ServiceBusyError } from "@/lib/errors";
import { rethrowLimiterFailure } from "@/lib/rate-limit/limiter";

describe("rethrowLimiterFailure", () => {
  it("turns RateLimiterCluster's timeout into a 503 that says nothing was changed", () => {
    const timeout = new Error("RateLimiterCluster timeout: no answer from master in time");
    expect(() => rethrowLimiterFailure(timeout)).toThrow(ServiceBusyError);
    try {
      rethrowLimiterFailure(timeout);
    } catch (error) {
      expect((error as ServiceBusyError).status).toBe(503);
      expect((error as ServiceBusyError).message).toMatch(/Nothing was changed/);
    }
  });

  it("passes other errors on", () => {
    const other = new Error("connection refused");
    expect(() => rethrowLimiterFailure(other)).toThrow(other);
  });
});
