// The authorization matrix's entries for passkeys (lib/actions/passkeys, Settings → Sign-in
// methods). Merged into test/authz/access-policy.ts; the shapes and rules are documented there.
// Adding a passkey is as guarded as turning on TOTP (own account, not impersonating, verified
// address, also from a session held back for 2FA set-up); renaming and removing are own-account
// sign-in settings; the password-less sign-in is public; the passkey second factor belongs to a
// pending sign-in.
import type { AreaPolicy } from "../access-policy";
import { NOBODY, OWN_SIGN_IN_SETTINGS, PENDING_SECOND_FACTOR, PUBLIC, signedIn } from "../access";
import { FIXTURE_PASSWORD, missingId } from "../fixtures";

const ADD_PASSKEY = signedIn({
  states: ["active", "pending_enrolment"],
  pendingApplicant: true,
  impersonation: false,
  unverified: false,
});

// The matrix cannot watch Passkey rows yet (WatchedTable in ../fixtures.ts; requested): refusals
// are judged by their codes here.

/** A passkey row of `userId` (its key material is never used: these cases do not verify). */
async function passkeyOf(userId: string): Promise<string> {
  const { db } = await import("../../../lib/db");
  const row = await db.passkey.create({
    data: {
      userId,
      credentialId: `matrix-${Math.random().toString(36).slice(2, 14)}`,
      publicKey: "AA",
      deviceType: "singleDevice",
      name: "Matrix key",
    },
    select: { id: true },
  });
  return row.id;
}

const FAKE_ASSERTION = {
  id: "AAAA",
  rawId: "AAAA",
  type: "public-key",
  clientExtensionResults: {},
  response: { clientDataJSON: "e30", authenticatorData: "AAAA", signature: "AAAA" },
};

export const passkeysPolicy: AreaPolicy = {
  actions: {
    "lib/actions/passkeys/begin-passkey-registration.ts#beginPasskeyRegistrationAction": {
      access: ADD_PASSKEY,
      cases: [{ label: "the right password", setup: async () => ({ args: [{ currentPassword: FIXTURE_PASSWORD }] }) }],
    },
    "lib/actions/passkeys/finish-passkey-registration.ts#finishPasskeyRegistrationAction": {
      access: ADD_PASSKEY,
      cases: [
        {
          label: "an answer to no challenge",
          setup: async () => ({
            args: [
              {
                name: "Laptop",
                response: {
                  id: "AAAA",
                  rawId: "AAAA",
                  type: "public-key",
                  clientExtensionResults: {},
                  response: { clientDataJSON: "e30", attestationObject: "AAAA" },
                },
              },
            ],
          }),
        },
      ],
    },
    "lib/actions/passkeys/rename-passkey.ts#renamePasskeyAction": {
      access: OWN_SIGN_IN_SETTINGS,
      cases: [
        {
          label: "an own passkey",
          setup: async (_f, me) => {
            if (!me.userId) return { args: [{ passkeyId: missingId(), name: "Renamed" }] };
            const passkeyId = await passkeyOf(me.userId);
            return { args: [{ passkeyId, name: "Renamed" }] };
          },
        },
        {
          label: "someone else's passkey",
          access: NOBODY,
          alsoRefusal: ["not_found"],
          setup: async (f) => {
            const passkeyId = await passkeyOf((await f.user()).id);
            return { args: [{ passkeyId, name: "Mine now" }] };
          },
        },
      ],
    },
    "lib/actions/passkeys/remove-passkey.ts#removePasskeyAction": {
      access: OWN_SIGN_IN_SETTINGS,
      cases: [
        {
          label: "an own passkey (the account keeps its password)",
          setup: async (_f, me) => {
            if (!me.userId) return { args: [{ passkeyId: missingId() }] };
            const passkeyId = await passkeyOf(me.userId);
            return { args: [{ passkeyId }] };
          },
        },
        {
          label: "someone else's passkey",
          access: NOBODY,
          alsoRefusal: ["not_found"],
          setup: async (f) => {
            const passkeyId = await passkeyOf((await f.user()).id);
            return { args: [{ passkeyId }] };
          },
        },
      ],
    },
    "lib/actions/passkeys/begin-passkey-sign-in.ts#beginPasskeySignInAction": { access: PUBLIC },
    "lib/actions/passkeys/sign-in-with-passkey.ts#signInWithPasskeyAction": {
      access: PUBLIC,
      cases: [
        {
          label: "an answer to no challenge",
          setup: async () => ({ args: [{ response: FAKE_ASSERTION, remember: false }, "/dashboard"] }),
        },
      ],
    },
    "lib/actions/passkeys/begin-passkey-second-factor.ts#beginPasskeySecondFactorAction": {
      access: PENDING_SECOND_FACTOR,
    },
    "lib/actions/passkeys/complete-second-factor-with-passkey.ts#completeSecondFactorWithPasskeyAction": {
      access: PENDING_SECOND_FACTOR,
      cases: [{ label: "an answer to no challenge", setup: async () => ({ args: [FAKE_ASSERTION, "/dashboard"] }) }],
    },
  },
  routes: {},
  pages: {
    "/settings/sign-in-methods": { access: signedIn() },
  },
};
