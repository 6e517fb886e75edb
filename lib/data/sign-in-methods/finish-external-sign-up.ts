// A new account from a provider identity (pending "sign_up"): the profile fields the provider did
// not give are asked once (username, names, date of birth), then the user, its default role, the
// link and the audit events are written in one transaction and the person is signed in. The
// account has no password (passwordHash ""); its address counts as verified only when the provider
// said so, otherwise the usual confirmation email goes out.
import "server-only";
import { isUniqueViolation } from "@/lib/db-sql";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { accountStore } from "@/lib/auth/external/adapter";
import { issueToken } from "@/lib/auth/one-time-tokens";
import { sendEmail } from "@/lib/email/send-email";
import { verificationEmail } from "@/lib/email/messages";
import { AppError, ConflictError } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { emailLinks } from "@/lib/http/urls";
import { DEFAULT_SIGN_UP_ROLE } from "@/lib/rbac/built-in-roles";
import { externalSignUpSchema } from "@/lib/validations/sign-in-methods";
import { parseOrThrow } from "@/lib/validations/parse";
import { consumePending, findPending } from "@/lib/data/sign-in-methods/pending";
import { providerSetting } from "@/lib/data/sign-in-methods/provider-setting";
import { openProviderSession, subjectSelect, type OpenedSession } from "@/lib/data/sign-in-methods/sign-in-subject";

export const pendingExpired = () =>
  new AppError(
    "external_sign_in_expired",
    410,
    "This sign-in has expired or was already used. Start again from the sign-in page.",
  );

class Gone extends Error {}

export async function finishExternalSignUp(
  pendingToken: string | null | undefined,
  input: unknown,
  ctx: RequestContext,
): Promise<OpenedSession> {
  const pending = await findPending(pendingToken, "sign_up");
  if (!pending || !pending.identity.email) throw pendingExpired();
  const data = parseOrThrow(externalSignUpSchema, input);
  const { identity } = pending;
  const email = identity.email!;
  // What was true when the provider sent the person back must still be: sign-up still open, the
  // address and the identity still free (the unique indexes decide races below).
  if (!(await providerSetting(identity.provider)).allowSignUp) {
    throw new AppError("sign_up_closed", 403, "New accounts cannot be made through this provider any more.");
  }
  const clash = await db.user.findMany({
    where: { OR: [{ username: data.username }, { email }] },
    select: { username: true, email: true },
  });
  if (clash.some((u) => u.email === email)) {
    throw new AppError(
      "email_taken",
      409,
      "An account with this email address exists now. Sign in to it and link this provider from Settings.",
    );
  }
  if (clash.some((u) => u.username === data.username)) {
    throw new ConflictError("This username is taken.", { username: ["This username is taken. Choose another."] });
  }

  let created: { userId: string; verificationToken: string | null };
  try {
    created = await db.$transaction(async (tx) => {
      if (!(await consumePending(tx, pending.id))) throw new Gone();
      const role = await tx.role.findUnique({ where: { key: DEFAULT_SIGN_UP_ROLE }, select: { id: true } });
      if (!role) throw new Error(`Built-in role "${DEFAULT_SIGN_UP_ROLE}" is missing: run the seed`);
      const user = await tx.user.create({
        data: {
          username: data.username,
          email,
          firstName: data.firstName,
          lastName: data.lastName,
          dateOfBirth: data.dateOfBirth,
          passwordHash: "",
          emailVerifiedAt: identity.emailVerified ? new Date() : null,
          status: "active",
          roles: { create: { roleId: role.id } },
        },
        select: { id: true },
      });
      await accountStore(tx).link({
        userId: user.id,
        provider: identity.provider,
        providerAccountId: identity.providerAccountId,
        type: identity.provider === "github" ? "oauth" : "oidc",
        email,
      });
      const verificationToken = identity.emailVerified
        ? null
        : (await issueToken({ userId: user.id, purpose: "email_verification", data: email }, tx)).token;
      await audit(
        {
          action: "user.signed_up",
          actorId: user.id,
          targetType: "user",
          targetId: user.id,
          metadata: { provider: identity.provider, emailVerifiedByProvider: identity.emailVerified },
          context: ctx,
        },
        tx,
      );
      await audit(
        {
          action: "auth.external_account_linked",
          actorId: user.id,
          targetType: "user",
          targetId: user.id,
          metadata: { provider: identity.provider, via: "sign_up", email, emailVerified: identity.emailVerified },
          context: ctx,
        },
        tx,
      );
      return { userId: user.id, verificationToken };
    });
  } catch (error) {
    if (error instanceof Gone) throw pendingExpired();
    if (isUniqueViolation(error)) {
      if (await db.user.count({ where: { username: data.username } })) {
        throw new ConflictError("This username is taken.", { username: ["This username is taken. Choose another."] });
      }
      throw new AppError(
        "email_taken",
        409,
        "This address or this identity is already in use. Sign in and link the provider from Settings.",
      );
    }
    throw error;
  }
  if (created.verificationToken) {
    await sendEmail(email, verificationEmail(data.firstName, emailLinks.verifyEmail(created.verificationToken)));
  }
  const user = await db.user.findUniqueOrThrow({ where: { id: created.userId }, select: subjectSelect });
  const opened = await openProviderSession(user, identity, ctx, { newAccount: true });
  if (!opened) throw pendingExpired();
  return opened;
}
