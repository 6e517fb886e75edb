// The e2e suite's identity provider: test/oidc-provider.ts on a fixed port (E2E_OIDC_PORT), with
// Auth.js's callback on the e2e app registered. Started by playwright.config.ts as a web server.
import { E2E_OIDC_PORT, E2E_PORT } from "@/e2e/oidc-env";
import { startOidcProvider } from "@/test/oidc-provider";

const provider = await startOidcProvider({
  port: E2E_OIDC_PORT,
  redirectUris: [`http://localhost:${E2E_PORT}/api/auth/callback/oidc`],
});
console.log(`test OIDC provider at ${provider.issuer}`);
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => void provider.close().then(() => process.exit(0)));
