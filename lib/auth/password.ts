// Password hashing with bcrypt (bcryptjs in worker threads; cost from BCRYPT_COST, 12 by default). bcrypt reads only the first
// 72 bytes, so the password is first reduced to a fixed-length SHA-256 digest: long passphrases
// keep all their strength and no input can make bcrypt misbehave.
import "server-only";
import { createHash } from "node:crypto";
import { bcryptCompare, bcryptHash } from "@/lib/auth/bcrypt-pool";
import { env } from "@/lib/env";

function prehash(password: string): string {
  return createHash("sha256").update(password.normalize("NFKC"), "utf8").digest("base64");
}

export async function hashPassword(password: string): Promise<string> {
  return bcryptHash(prehash(password), env.BCRYPT_COST);
}

/**
 * Whether an account has a password at all: one made through an external provider may have none
 * (its `passwordHash` is ""), and can then sign in only with a passkey or its provider.
 */
export function hasPassword(user: { passwordHash: string }): boolean {
  return user.passwordHash !== "";
}

/** False for an account without a password (never throws for the empty hash). */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  if (hash === "") return false;
  return bcryptCompare(prehash(password), hash);
}

let dummyHash: Promise<string> | undefined;

/**
 * Compares against a throwaway hash of the same cost, so that "no such user" takes as long as
 * "wrong password" and timing does not reveal which accounts exist.
 */
export async function burnPasswordCheck(password: string): Promise<false> {
  dummyHash ??= bcryptHash(prehash("opsdeck-timing-equaliser"), env.BCRYPT_COST);
  await bcryptCompare(prehash(password), await dummyHash);
  return false;
}
