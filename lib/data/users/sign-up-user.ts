// Creates an account from the public sign-up form or API. The answer never tells whether the email
// address already has an account: a taken address gets the same answer as a free one, after the same
// work (the lookup, one bcrypt hash, the account transaction, one email; see rehearseAccount), and
// its owner is mailed a notice instead of a verification link. Usernames are public, so a taken one
// is still said; every attempt counts against the per-IP limit first, which bounds how fast either
// can be probed. A sign-up may apply for a staff account (`applyForStaff`): the account is then
// created with its application pending (lib/data/staff), holding no permission until approved.
import "server-only";
import { isUniqueViolation } from "@/lib/db-sql";
import { randomBytes } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import { hashPassword } from "@/lib/auth/password";
import { issueToken } from "@/lib/auth/one-time-tokens";
import { sendEmail } from "@/lib/email/send-email";
import { verificationEmail } from "@/lib/email/messages";
import { signUpAttemptEmail } from "@/lib/email/account-messages";
import { ConflictError, RateLimitedError } from "@/lib/errors";
import { tooMuchMail } from "@/lib/data/users/too-much-mail";
import type { RequestContext } from "@/lib/http/request-context";
import { absoluteUrl, emailLinks } from "@/lib/http/urls";
import { log } from "@/lib/log";
import { hit } from "@/lib/rate-limit/limiter";
import { LIMITS } from "@/lib/rate-limit/limits";
import { DEFAULT_SIGN_UP_ROLE } from "@/lib/rbac/built-in-roles";
import type { SignUpData } from "@/lib/validations/auth";
import { signUpServerSchema } from "@/lib/validations/sign-up-server";
import { parseOrThrow } from "@/lib/validations/parse";

/** The one answer to an accepted sign-up, whether or not the address already had an account. */
export type SignUpAnswer = { status: "verification_sent"; email: string };

const usernameTaken = () =>
  new ConflictError("This username is taken.", { username: ["This username is taken. Choose another."] });

type Outcome = { kind: "created"; token: string } | { kind: "email_taken"; owner: { id: string; firstName: string } };

export async function signUpUser(input: unknown, ctx: RequestContext): Promise<SignUpAnswer> {
  const limit = await hit(LIMITS.signUpIp, ctx.ip ?? "unknown");
  if (!limit.allowed) throw new RateLimitedError(limit.retryAfterSeconds);

  const data = parseOrThrow(signUpServerSchema, input);

  const existing = await db.user.findMany({
    where: { OR: [{ username: data.username }, { email: data.email }] },
    select: { id: true, username: true, email: true, firstName: true },
  });
  if (existing.some((u) => u.username === data.username)) throw usernameTaken();
  const owner = existing.find((u) => u.email === data.email);

  // Both paths hash the password and run the account transaction, so a taken address costs the
  // same time as a free one (measured: without the rehearsal the free path was ~20 ms slower).
  const passwordHash = await hashPassword(data.password);
  // Counted and enforced the same way on both paths: past three mails an hour to one address the
  // sign-up is refused whoever owns it, so neither an answer nor its timing tells (and an owner's
  // inbox cannot be flooded with notices).
  const mail = await hit(LIMITS.mailToAddress, data.email);
  if (!mail.allowed) throw tooMuchMail(mail.retryAfterSeconds);
  const outcome: Outcome = owner
    ? await rehearseAccount(data, passwordHash, ctx).then(() => ({ kind: "email_taken", owner }) as const)
    : await createAccount(data, passwordHash, ctx);

  if (outcome.kind === "created") {
    await sendEmail(data.email, verificationEmail(data.firstName, emailLinks.verifyEmail(outcome.token)));
  } else {
    // A log line, not an audit row: the row would cost this path a write the free path does not make.
    log.info({ userId: outcome.owner.id, requestId: ctx.requestId }, "sign-up with a taken email: owner notified");
    await sendEmail(
      data.email,
      signUpAttemptEmail(outcome.owner.firstName, {
        signIn: absoluteUrl("/sign-in"),
        resetPassword: absoluteUrl("/forgot-password"),
      }),
    );
  }
  return { status: "verification_sent", email: data.email };
}

/** The writes of a new account: the user, their default role, the verification token and the audit event. */
async function writeAccount(tx: Tx, data: SignUpData, passwordHash: string, ctx: RequestContext): Promise<string> {
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
      ...(data.applyForStaff ? { staffApproval: "pending", staffRequestedAt: new Date() } : {}),
      roles: { create: { roleId: role.id } },
    },
    select: { id: true },
  });
  const issued = await issueToken({ userId: user.id, purpose: "email_verification", data: data.email }, tx);
  await audit({ action: "user.signed_up", actorId: user.id, targetType: "user", targetId: user.id, context: ctx }, tx);
  if (data.applyForStaff) {
    await audit(
      {
        action: "staff.application_submitted",
        actorId: user.id,
        targetType: "user",
        targetId: user.id,
        metadata: { staffApprovalAfter: "pending" },
        context: ctx,
      },
      tx,
    );
  }
  return issued.token;
}

async function createAccount(
  data: SignUpData,
  passwordHash: string,
  ctx: RequestContext,
  attempt = 1,
): Promise<Outcome> {
  try {
    const token = await db.$transaction((tx) => writeAccount(tx, data, passwordHash, ctx));
    return { kind: "created", token };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another sign-up committed between the lookup and this insert; the unique index decided. Which
    // column it names differs by driver, so ask the table: a now-taken email gets the usual answer
    // (even when the username clashed too: a double-submitted form is then answered like the first).
    const owner = await db.user.findUnique({ where: { email: data.email }, select: { id: true, firstName: true } });
    if (owner) return { kind: "email_taken", owner };
    if (await db.user.count({ where: { username: data.username } })) throw usernameTaken();
    // Neither is taken: another unique index (the audit chain's position, raced by another process)
    // refused the write. The transaction rolled back whole, so it is safe to run again.
    if (attempt < 5) return createAccount(data, passwordHash, ctx, attempt + 1);
    throw error;
  }
}

/** Thrown to end the rehearsal transaction, so that it rolls back. */
class Rollback extends Error {}

/**
 * For a taken address: the same writes as a new account, under throwaway names, rolled back. Like
 * burnPasswordCheck for sign-in, it spends what the other path spends and leaves nothing behind.
 */
async function rehearseAccount(data: SignUpData, passwordHash: string, ctx: RequestContext): Promise<void> {
  const stand = `rehearsal-${randomBytes(8).toString("hex")}`;
  try {
    await db.$transaction(async (tx) => {
      await writeAccount(tx, { ...data, username: stand, email: `${stand}@rehearsal.invalid` }, passwordHash, ctx);
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) log.warn({ err: error }, "sign-up rehearsal failed");
  }
}
