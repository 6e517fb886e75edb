import { z } from "zod";
import { describe, expect, it } from "vitest";
import {
  ConflictError,
  fieldErrorsFromZod,
  ForbiddenError,
  humanDuration,
  RateLimitedError,
  UnauthenticatedError,
  ValidationError,
} from "@/lib/errors";

describe("fieldErrorsFromZod", () => {
  it("groups messages by the first path segment", () => {
    const errors = fieldErrorsFromZod([
      { path: ["email"], message: "Enter a valid email address." },
      { path: ["password"], message: "Use at least 10 characters." },
      { path: ["password"], message: "Use printable characters only." },
      { path: ["address", "city"], message: "Enter a city." },
      { path: [0, "x"], message: "First item." },
    ]);
    expect(errors).toEqual({
      email: ["Enter a valid email address."],
      password: ["Use at least 10 characters.", "Use printable characters only."],
      address: ["Enter a city."],
      "0": ["First item."],
    });
  });

  it("puts path-less issues under _form", () => {
    expect(fieldErrorsFromZod([{ path: [], message: "Something is off." }])).toEqual({ _form: ["Something is off."] });
  });

  it("returns an empty object for no issues", () => {
    expect(fieldErrorsFromZod([])).toEqual({});
  });

  it("works on a real zod error", () => {
    const result = z.object({ name: z.string().min(2, "Too short."), age: z.number() }).safeParse({ name: "a" });
    expect(result.success).toBe(false);
    const errors = fieldErrorsFromZod(result.error!.issues);
    expect(errors.name).toEqual(["Too short."]);
    expect(errors.age).toHaveLength(1);
    expect(Object.keys(errors).sort()).toEqual(["age", "name"]);
  });
});

describe("error table", () => {
  it("gives each error its status and stable code", () => {
    expect(new UnauthenticatedError()).toMatchObject({
      status: 401,
      code: "unauthenticated",
      name: "UnauthenticatedError",
    });
    expect(new ForbiddenError()).toMatchObject({ status: 403, code: "forbidden" });
    expect(new ConflictError("x", { email: ["taken"] })).toMatchObject({
      status: 409,
      code: "conflict",
      fieldErrors: { email: ["taken"] },
    });
    expect(new ValidationError({ a: ["b"] })).toMatchObject({ status: 422, code: "validation_failed" });
    const limited = new RateLimitedError(90);
    expect(limited).toMatchObject({ status: 429, code: "rate_limited", retryAfterSeconds: 90 });
    expect(limited.message).toBe("Too many attempts. Try again in 2 minutes.");
  });

  it("words durations", () => {
    expect(humanDuration(1)).toBe("1 second");
    expect(humanDuration(0.2)).toBe("1 second");
    expect(humanDuration(30)).toBe("30 seconds");
    expect(humanDuration(60)).toBe("1 minute");
    expect(humanDuration(61)).toBe("2 minutes");
  });
});
