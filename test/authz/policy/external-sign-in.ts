// The authorization matrix's entries for the external-provider endpoints (issue 14), to be merged
// into test/authz/access-policy.ts (AREAS; see /work/notes/oidc-requests.md). The actions and route
// handlers pass test/authz/authz-matrix.integration.test.ts with this merged; the pages (run by
// e2e/authz-matrix.spec.ts) were not run. The cases assume no provider is configured in the
// matrix's environment, so provider-specific calls answer "not configured" for everyone allowed.
import type { AreaPolicy } from "../access-policy";
import { OWN_SIGN_IN_SETTINGS, PUBLIC, perm, signedIn } from "../access";

export const externalSignInPolicy: AreaPolicy = {
  actions: {
    // Public: each starts (or finishes) the visitor's own sign-in; the pending row is found by the
    // browser's own cookie, so nobody reaches anyone else's.
    "lib/actions/sign-in-methods/start-external-sign-in.ts#startExternalSignInAction": {
      access: PUBLIC,
      cases: [{ label: "an unconfigured provider", setup: async () => ({ args: ["oidc", null] }) }],
    },
    "lib/actions/sign-in-methods/finish-external-sign-up.ts#finishExternalSignUpAction": {
      access: PUBLIC,
      cases: [
        {
          label: "no pending sign-in",
          setup: async () => ({ args: [{ username: "x", firstName: "A", lastName: "B", dateOfBirth: "1990-01-01" }] }),
        },
      ],
    },
    "lib/actions/sign-in-methods/prove-external-link.ts#proveExternalLinkWithPasswordAction": {
      access: PUBLIC,
      cases: [{ label: "no pending link", setup: async () => ({ args: [{ password: "x" }] }) }],
    },
    "lib/actions/sign-in-methods/prove-external-link.ts#sendExternalLinkEmailAction": {
      access: PUBLIC,
      cases: [{ label: "no pending link", setup: async () => ({ args: [] }) }],
    },
    "lib/actions/sign-in-methods/prove-external-link.ts#confirmExternalLinkEmailAction": {
      access: PUBLIC,
      cases: [{ label: "no pending link", setup: async () => ({ args: ["a".repeat(43)] }) }],
    },
    // The account holder's own sign-in settings: never an impersonating admin, and only with a
    // verified address (an unverified one may be a stranger's; assert-may-link.ts).
    "lib/actions/sign-in-methods/start-external-link.ts#startExternalLinkAction": {
      access: signedIn({ pendingApplicant: true, impersonation: false, unverified: false }),
      cases: [{ label: "an unconfigured provider", setup: async () => ({ args: ["oidc"] }) }],
    },
    "lib/actions/sign-in-methods/unlink-account.ts#unlinkAccountAction": {
      access: OWN_SIGN_IN_SETTINGS,
      cases: [{ label: "an id that matches nothing", setup: async () => ({ args: ["missing"] }) }],
    },
    "lib/actions/sign-in-methods/update-sign-in-provider.ts#updateSignInProviderAction": {
      access: perm("roles.manage"),
      cases: [
        {
          label: "an unconfigured provider",
          setup: async () => ({ args: [{ provider: "oidc", allowSignUp: false, trustProviderMfa: true }] }),
        },
      ],
    },
  },
  routes: {
    // Only configured providers' callbacks are served; everything else under /api/auth is 404.
    "GET /api/auth/[...nextauth]": {
      access: PUBLIC,
      cases: [{ label: "Auth.js session endpoint", setup: async () => ({ params: { nextauth: "session" } }) }],
    },
    "POST /api/auth/[...nextauth]": {
      access: PUBLIC,
      cases: [{ label: "Auth.js sign-out endpoint", setup: async () => ({ params: { nextauth: "signout" } }) }],
    },
  },
  pages: {
    "/admin/sign-in-providers": { access: perm("roles.manage") },
    "/sign-in/external/sign-up": { access: PUBLIC, allowedRedirects: ["/dashboard"] },
    "/sign-in/external/link": { access: PUBLIC, allowedRedirects: ["/dashboard"] },
    "/sign-in/external/link/confirm": { access: PUBLIC },
    "/sign-in/external/error": { access: PUBLIC },
  },
};
