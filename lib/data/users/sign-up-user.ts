// Creates an account from the public sign-up form or API: one transaction writes the user, their
// default role, the verification token and the audit event; the email goes out after commit.
import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { hashPassword } from "@/lib/auth/password";
import { issueToken } from "@/lib/auth/one-time-tokens";
import { sendEmail } from "@/lib/email/send-email";
import { verificationEmail } from "@/lib/email/messages";
import { ConflictError, RateLimitedError, type FieldErrors } from "@/lib/errors";
import type { RequestContext } from "@/lib/http/request-context";
import { absoluteUrl } from "@/lib/http/urls";
import { hit } from "@/lib/rate-limit/limiter";
import { LIMITS } from "@/lib/rate-limit/limits";
import { DEFAULT_SIGN_UP_ROLE } from "@/lib/rbac/built-in-roles";
import { signUpSchema } from "@/lib/validations/auth";
import { parseOrThrow } from "@/lib/validations/parse";

function conflict(username: boolean, email: boolean): ConflictError {
  const fieldErrors: FieldErrors = {};
  if (username) fieldErrors.username = ["This username is taken. Choose another."];
  if (email) fieldErrors.email = ["This email address cannot be used. If it is yours, sign in or reset your password."];
  return new ConflictError("An account with these details already exists.", fieldErrors);
}

export type SignedUpUser = { id: string; username: string; email: string; firstName: string; lastName: string; createdAt: Date };

export async function signUpUser(input: unknown, ctx: RequestContext): Promise<SignedUpUser> {
  const limit = await hit(LIMITS.signUpIp, ctx.ip ?? "unknown");
  if (!limit.allowed) throw new RateLimitedError(limit.retryAfterSeconds);

  const data = parseOrThrow(signUpSchema, input);

  const existing = await db.user.findMany({
    where: { OR: [{ username: data.username }, { email: data.email }] },
    select: { username: true, email: true },
  });
  if (existing.length) {
    throw conflict(existing.some((u) => u.username === data.username), existing.some((u) => u.email === data.email));
  }

  const passwordHash = await hashPassword(data.password);
  let created: { user: SignedUpUser; token: string };
  try {
    created = await db.$transaction(async (tx) => {
      const role = await tx.role.findUnique({ where: { key: DEFAULT_SIGN_UP_ROLE }, select: { id: true } });
      if (!role) throw new Error(`Built-in role "${DEFAULT_SIGN_UP_ROLE}" is missing: run the seed`);
      const user = await tx.user.create({
        data: {
          username: data.username,
          email: data.email,
          firstName: data.firstName,
          lastName: data.lastName,
          dateOfBirth: data.dateOfBirth,
          passwordHash,
          status: "active",
          roles: { create: { roleId: role.id } },
        },
        select: { id: true, username: true, email: true, firstName: true, lastName: true, createdAt: true },
      });
      const { token } = await issueToken({ userId: user.id, purpose: "email_verification", data: data.email }, tx);
      await audit(
        { action: "user.signed_up", actorId: user.id, targetType: "user", targetId: user.id, context: ctx },
        tx,
      );
      return { user, token };
    });
  } catch (error) {
    // Two sign-ups raced past the check above; the unique index decided.
    if ((error as { code?: string }).code === "P2002") {
      const target = String((error as { meta?: { target?: unknown } }).meta?.target ?? "");
      throw conflict(target.includes("username") || !target.includes("email"), target.includes("email"));
    }
    throw error;
  }

  await sendEmail(
    data.email,
    verificationEmail(data.firstName, absoluteUrl(`/verify-email?token=${encodeURIComponent(created.token)}`)),
  );
  return created.user;
}
