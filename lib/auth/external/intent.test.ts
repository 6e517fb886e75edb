import { describe, expect, it } from "vitest";
import { decodeIntent, encodeIntent } from "@/lib/auth/external/intent";

describe("the external sign-in intent cookie", () => {
  it("round-trips and refuses forged, expired and malformed values", () => {
    const link = encodeIntent({ kind: "link", provider: "oidc", sessionId: "s1" });
    expect(decodeIntent(link)).toEqual({ kind: "link", provider: "oidc", sessionId: "s1" });
    const signIn = encodeIntent({ kind: "sign_in", provider: "github", next: "/x" });
    expect(decodeIntent(signIn)).toEqual({ kind: "sign_in", provider: "github", next: "/x" });

    const [body, tag] = link.split(".") as [string, string];
    const forgedBody = Buffer.from(
      JSON.stringify({ k: "link", p: "oidc", s: "other", e: Date.now() + 60_000 }),
    ).toString("base64url");
    expect(decodeIntent(`${forgedBody}.${tag}`)).toBeNull();
    expect(decodeIntent(`${body}.${tag}x`)).toBeNull();
    expect(
      decodeIntent(encodeIntent({ kind: "link", provider: "oidc", sessionId: "s1" }, Date.now() - 11 * 60_000)),
    ).toBeNull();
    expect(decodeIntent("nonsense")).toBeNull();
    expect(decodeIntent(undefined)).toBeNull();
  });
});
