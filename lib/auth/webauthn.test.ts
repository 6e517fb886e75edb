import { describe, expect, it } from "vitest";
import { challengeOfResponse, parseTransports, relyingParty, userHandleOf, userIdOfHandle } from "@/lib/auth/webauthn";
import { hasPassword, verifyPassword } from "@/lib/auth/password";

const b64url = (s: string) => Buffer.from(s).toString("base64url");

describe("relyingParty", () => {
  it("takes the RP id from APP_URL's hostname and the origin from its scheme, host and port", () => {
    expect(relyingParty("https://ops.example.com/")).toMatchObject({
      id: "ops.example.com",
      origin: "https://ops.example.com",
    });
    expect(relyingParty("http://localhost:3410")).toMatchObject({ id: "localhost", origin: "http://localhost:3410" });
    expect(relyingParty("https://ops.example.com:8443/app")).toMatchObject({
      id: "ops.example.com",
      origin: "https://ops.example.com:8443",
    });
  });

  it("defaults to the configured APP_URL and product name", () => {
    expect(relyingParty()).toEqual({ id: "localhost", origin: "http://localhost:3000", name: "Opsdeck" });
  });
});

describe("challengeOfResponse", () => {
  it("reads the challenge out of clientDataJSON", () => {
    const clientDataJSON = b64url(
      JSON.stringify({ type: "webauthn.get", challenge: "abc_-123", origin: "http://localhost:3000" }),
    );
    expect(challengeOfResponse({ response: { clientDataJSON } })).toBe("abc_-123");
  });

  it("gives null for unreadable or challenge-less client data", () => {
    expect(challengeOfResponse({ response: { clientDataJSON: b64url("not json") } })).toBeNull();
    expect(challengeOfResponse({ response: { clientDataJSON: b64url(JSON.stringify({ challenge: 5 })) } })).toBeNull();
    expect(challengeOfResponse({ response: { clientDataJSON: "" } })).toBeNull();
  });
});

describe("user handles and transports", () => {
  it("round-trips a user id through the WebAuthn user handle", () => {
    const handle = Buffer.from(userHandleOf("cmabc123")).toString("base64url");
    expect(userIdOfHandle(handle)).toBe("cmabc123");
    expect(userIdOfHandle(undefined)).toBeNull();
  });

  it("reads stored transports defensively", () => {
    expect(parseTransports('["internal","hybrid"]')).toEqual(["internal", "hybrid"]);
    expect(parseTransports('[1, "usb"]')).toEqual(["usb"]);
    expect(parseTransports("{")).toEqual([]);
    expect(parseTransports('"usb"')).toEqual([]);
  });
});

describe("accounts without a password", () => {
  it("has no password when the hash is empty, and no password matches it", async () => {
    expect(hasPassword({ passwordHash: "" })).toBe(false);
    expect(hasPassword({ passwordHash: "$2b$04$abc" })).toBe(true);
    await expect(verifyPassword("", "")).resolves.toBe(false);
    await expect(verifyPassword("anything at all", "")).resolves.toBe(false);
  });
});
