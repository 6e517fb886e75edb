// Accounts and sessions for integration tests, made through the real code paths.
import { db } from "@/lib/db";
import { createSession, validateSessionToken, type SessionState } from "@/lib/auth/sessions";
import { viewerFromSession } from "@/lib/auth/viewer";
import { signUpAccount } from "@/test/sign-up-account";
import { signUpInput } from "@/test/helpers";

/** A user made by the sign-up path (User role), email verified unless told otherwise. */
export async function newUser(options: { verified?: boolean } = {}) {
  const input = signUpInput();
  const user = await signUpAccount(input);
  if (options.verified ?? true) await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
  return { ...user, password: input.password };
}

/** A fresh session of `userId` in `state`, with its token and the viewer the DAL would see. */
export async function signIn(userId: string, state: SessionState = "active", userAgent = "vitest") {
  const session = await createSession({ userId, remember: false, state, ip: "203.0.113.7", userAgent });
  const valid = await validateSessionToken(session.token);
  if (!valid) throw new Error("fresh session did not validate");
  return { ...session, viewer: await viewerFromSession(valid) };
}
