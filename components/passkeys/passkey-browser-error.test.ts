import { describe, expect, it } from "vitest";
import { passkeyBrowserError, suggestedPasskeyName } from "@/components/passkeys/passkey-browser-error";

const named = (name: string, code?: string) => Object.assign(new Error("x"), { name, code });

describe("passkeyBrowserError", () => {
  it("explains a cancelled or timed-out prompt, a duplicate and an unsupported browser", () => {
    expect(passkeyBrowserError(named("NotAllowedError"), "create")).toMatch(/No passkey was created/);
    expect(passkeyBrowserError(named("NotAllowedError"), "get")).toMatch(/No passkey was used/);
    expect(passkeyBrowserError(named("InvalidStateError"), "create")).toMatch(/already holds a passkey/);
    expect(passkeyBrowserError(named("Error", "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED"), "create")).toMatch(
      /already holds/,
    );
    expect(passkeyBrowserError(named("SecurityError"), "get")).toMatch(/cannot use passkeys/);
    expect(passkeyBrowserError("weird", "get")).toMatch(/could not be used/);
  });
});

describe("suggestedPasskeyName", () => {
  it("names the platform", () => {
    expect(suggestedPasskeyName("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)")).toBe("iPhone or iPad");
    expect(suggestedPasskeyName("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)")).toBe("Mac");
    expect(suggestedPasskeyName("Mozilla/5.0 (X11; Linux x86_64)")).toBe("Linux computer");
    expect(suggestedPasskeyName("curl/8")).toBe("Passkey");
  });
});
