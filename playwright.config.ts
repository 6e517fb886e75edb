import { defineConfig } from "@playwright/test";
import { E2E_OIDC_ENV, E2E_OIDC_ISSUER } from "./e2e/oidc-env";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: [
    // A real OpenID provider on 127.0.0.1 (test/oidc-provider.ts) for e2e/external-sign-in.spec.ts;
    // the app below is configured with it as its generic OIDC provider.
    {
      command: "tsx test/oidc-provider-server.ts",
      url: `${E2E_OIDC_ISSUER}/.well-known/openid-configuration`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      command: "tsx --conditions react-server scripts/e2e-server.ts",
      url: `http://localhost:${E2E_PORT}/api/health`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: E2E_OIDC_ENV,
    },
  ],
});
