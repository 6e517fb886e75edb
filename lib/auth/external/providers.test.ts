import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { TEST_ENV } from "@/test/test-env";

describe("external provider variables", () => {
  it("are all optional", () => {
    const env = parseEnv({ ...TEST_ENV });
    expect(env.OIDC_ISSUER).toBeUndefined();
    expect(env.OIDC_NAME).toBe("Single sign-on");
  });

  it("refuse an issuer with a query or fragment", () => {
    for (const issuer of ["https://sso.example.com/realms/acme#x", "https://sso.example.com/realms/acme?x=1"]) {
      expect(() =>
        parseEnv({ ...TEST_ENV, OIDC_ISSUER: issuer, OIDC_CLIENT_ID: "a", OIDC_CLIENT_SECRET: "b" }),
      ).toThrow(/query|fragment/);
    }
  });

  it("accept a complete configuration", () => {
    const env = parseEnv({
      ...TEST_ENV,
      OIDC_ISSUER: "https://sso.example.com/realms/acme",
      OIDC_CLIENT_ID: "opsdeck",
      OIDC_CLIENT_SECRET: "s3cret",
      OIDC_NAME: "Acme SSO",
      AUTH_GITHUB_ID: "gh",
      AUTH_GITHUB_SECRET: "ghs",
    });
    expect(env.OIDC_NAME).toBe("Acme SSO");
  });

  it("stop the app on a partial configuration, naming what is missing", () => {
    expect(() => parseEnv({ ...TEST_ENV, OIDC_ISSUER: "https://sso.example.com", OIDC_CLIENT_ID: "x" })).toThrow(
      /OIDC_CLIENT_SECRET: needed for OpenID Connect sign-in/,
    );
    expect(() => parseEnv({ ...TEST_ENV, AUTH_GOOGLE_SECRET: "x" })).toThrow(
      /AUTH_GOOGLE_ID: needed for Google sign-in/,
    );
    expect(() =>
      parseEnv({ ...TEST_ENV, OIDC_ISSUER: "not a url", OIDC_CLIENT_ID: "x", OIDC_CLIENT_SECRET: "y" }),
    ).toThrow(/OIDC_ISSUER/);
  });
});

describe("configured providers", () => {
  it("GitHub and Google presets use Auth.js's providers with state/PKCE (and nonce for Google)", async () => {
    const { vi } = await import("vitest");
    vi.resetModules();
    const saved = { ...process.env };
    Object.assign(process.env, {
      AUTH_GITHUB_ID: "gh-id",
      AUTH_GITHUB_SECRET: "gh-secret",
      AUTH_GOOGLE_ID: "g-id",
      AUTH_GOOGLE_SECRET: "g-secret",
    });
    try {
      const { authJsProviders, configuredProviders } = await import("@/lib/auth/external/providers");
      expect(configuredProviders().map((p) => p.id)).toEqual(["github", "google"]);
      const [github, google] = authJsProviders() as unknown as {
        id: string;
        type: string;
        options: { checks: string[] };
      }[];
      expect(github).toMatchObject({ id: "github", type: "oauth", options: { checks: ["pkce", "state"] } });
      expect(google).toMatchObject({ id: "google", type: "oidc", options: { checks: ["pkce", "state", "nonce"] } });
    } finally {
      process.env = saved;
      vi.resetModules();
    }
  });
});
