-- User.version: the account's record version (the ETag of GET /api/v1/users/{id}, and with the
-- staff record's version the ETag of GET /api/v1/staff/{id}). Added in place: a redefinition of
-- "User" would drop and re-create the table under every table that references it.
ALTER TABLE "User" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

-- The account is written from many modules (sign-in, passwords, second factor, bans, roles, the
-- staff approval, service accounts…), so the version is moved here rather than by each of them.
-- A write that sets the version itself (a DAL conditional write, `version = version + 1`) is left
-- alone. Any column moves it but updatedAt (Prisma sets it on every write, including the DAL's
-- row locks) and totpLastStep (the replay guard of a second-factor sign-in; the sign-in itself
-- moves lastSignInAt). A later migration that adds a column to "User" must re-create this
-- trigger with it (lib/data/users/user-version.integration.test.ts checks the list).
CREATE TRIGGER "User_version_after_update" AFTER UPDATE ON "User"
WHEN NEW."version" = OLD."version" AND (
     NEW."username" IS NOT OLD."username"
  OR NEW."email" IS NOT OLD."email"
  OR NEW."firstName" IS NOT OLD."firstName"
  OR NEW."lastName" IS NOT OLD."lastName"
  OR NEW."dateOfBirth" IS NOT OLD."dateOfBirth"
  OR NEW."passwordHash" IS NOT OLD."passwordHash"
  OR NEW."emailVerifiedAt" IS NOT OLD."emailVerifiedAt"
  OR NEW."status" IS NOT OLD."status"
  OR NEW."bannedAt" IS NOT OLD."bannedAt"
  OR NEW."banReason" IS NOT OLD."banReason"
  OR NEW."staffApproval" IS NOT OLD."staffApproval"
  OR NEW."staffRequestedAt" IS NOT OLD."staffRequestedAt"
  OR NEW."staffDecidedAt" IS NOT OLD."staffDecidedAt"
  OR NEW."staffDecidedById" IS NOT OLD."staffDecidedById"
  OR NEW."staffRejectionReason" IS NOT OLD."staffRejectionReason"
  OR NEW."passwordChangedAt" IS NOT OLD."passwordChangedAt"
  OR NEW."totpSecretEnc" IS NOT OLD."totpSecretEnc"
  OR NEW."totpEnabledAt" IS NOT OLD."totpEnabledAt"
  OR NEW."totpSetUpUnverified" IS NOT OLD."totpSetUpUnverified"
  OR NEW."lastSignInAt" IS NOT OLD."lastSignInAt"
  OR NEW."kind" IS NOT OLD."kind"
  OR NEW."createdAt" IS NOT OLD."createdAt"
  OR NEW."id" IS NOT OLD."id"
)
BEGIN UPDATE "User" SET "version" = OLD."version" + 1 WHERE "id" = NEW."id"; END;

-- Roles held and passkeys (two-factor state) are part of what the API shows of an account.
CREATE TRIGGER "User_version_after_user_role_insert" AFTER INSERT ON "UserRole"
BEGIN UPDATE "User" SET "version" = "version" + 1 WHERE "id" = NEW."userId"; END;
CREATE TRIGGER "User_version_after_user_role_update" AFTER UPDATE ON "UserRole"
BEGIN UPDATE "User" SET "version" = "version" + 1 WHERE "id" IN (NEW."userId", OLD."userId"); END;
CREATE TRIGGER "User_version_after_user_role_delete" AFTER DELETE ON "UserRole"
BEGIN UPDATE "User" SET "version" = "version" + 1 WHERE "id" = OLD."userId"; END;

CREATE TRIGGER "User_version_after_passkey_insert" AFTER INSERT ON "Passkey"
BEGIN UPDATE "User" SET "version" = "version" + 1 WHERE "id" = NEW."userId"; END;
CREATE TRIGGER "User_version_after_passkey_delete" AFTER DELETE ON "Passkey"
BEGIN UPDATE "User" SET "version" = "version" + 1 WHERE "id" = OLD."userId"; END;
