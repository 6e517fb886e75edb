-- CreateTable
CREATE TABLE "PendingTotpEnrolment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "secretEnc" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PendingTotpEnrolment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PendingTotpEnrolment_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditHead" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "mac" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "dateOfBirth" DATETIME NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "emailVerifiedAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'active',
    "passwordChangedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "totpSecretEnc" TEXT,
    "totpEnabledAt" DATETIME,
    "totpSetUpUnverified" BOOLEAN NOT NULL DEFAULT false,
    "totpLastStep" INTEGER,
    "lastSignInAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_User" ("createdAt", "dateOfBirth", "email", "emailVerifiedAt", "firstName", "id", "lastName", "lastSignInAt", "passwordChangedAt", "passwordHash", "status", "totpEnabledAt", "totpLastStep", "totpSecretEnc", "updatedAt", "username") SELECT "createdAt", "dateOfBirth", "email", "emailVerifiedAt", "firstName", "id", "lastName", "lastSignInAt", "passwordChangedAt", "passwordHash", "status", "totpEnabledAt", "totpLastStep", "totpSecretEnc", "updatedAt", "username" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE TABLE "new_AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "seq" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "metadata" TEXT NOT NULL DEFAULT '{}',
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL
);
INSERT INTO "new_AuditEvent" ("action", "actorId", "createdAt", "hash", "id", "ipAddress", "metadata", "prevHash", "seq", "targetId", "targetType", "userAgent") SELECT "action", "actorId", "createdAt", "hash", "id", "ipAddress", "metadata", "prevHash", "seq", "targetId", "targetType", "userAgent" FROM "AuditEvent";
DROP TABLE "AuditEvent";
ALTER TABLE "new_AuditEvent" RENAME TO "AuditEvent";
CREATE UNIQUE INDEX "AuditEvent_seq_key" ON "AuditEvent"("seq");
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");
CREATE INDEX "AuditEvent_actorId_createdAt_idx" ON "AuditEvent"("actorId", "createdAt");
CREATE INDEX "AuditEvent_action_createdAt_idx" ON "AuditEvent"("action", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "PendingTotpEnrolment_userId_key" ON "PendingTotpEnrolment"("userId");

-- CreateIndex
CREATE INDEX "PendingTotpEnrolment_sessionId_idx" ON "PendingTotpEnrolment"("sessionId");

-- CreateIndex
CREATE INDEX "PendingTotpEnrolment_expiresAt_idx" ON "PendingTotpEnrolment"("expiresAt");


-- A secret that was never confirmed is abandoned: pending enrolments now live in PendingTotpEnrolment.
UPDATE "User" SET "totpSecretEnc" = NULL WHERE "totpEnabledAt" IS NULL;
-- Second factors set up before the address was verified (allowed until now).
UPDATE "User" SET "totpSetUpUnverified" = true WHERE "totpEnabledAt" IS NOT NULL AND ("emailVerifiedAt" IS NULL OR "emailVerifiedAt" > "totpEnabledAt");
