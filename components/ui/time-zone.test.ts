import { describe, expect, it } from "vitest";
import { decodeTimeZoneCookie } from "@/components/ui/time-zone";

describe("decodeTimeZoneCookie", () => {
  it("decodes the remembered zone, and reads a malformed or missing cookie as none instead of throwing", () => {
    expect(decodeTimeZoneCookie("America%2FNew_York")).toBe("America/New_York");
    expect(decodeTimeZoneCookie("%E0%A4%A")).toBeNull();
    expect(decodeTimeZoneCookie(undefined)).toBeNull();
    expect(decodeTimeZoneCookie("")).toBeNull();
  });
});
