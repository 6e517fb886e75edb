-- AlterTable
ALTER TABLE "User" ADD COLUMN "banReason" TEXT;
ALTER TABLE "User" ADD COLUMN "bannedAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "staffApproval" TEXT;
ALTER TABLE "User" ADD COLUMN "staffDecidedAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "staffDecidedById" TEXT;
ALTER TABLE "User" ADD COLUMN "staffRejectionReason" TEXT;
ALTER TABLE "User" ADD COLUMN "staffRequestedAt" DATETIME;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN "impersonationReason" TEXT;
ALTER TABLE "Session" ADD COLUMN "impersonatorId" TEXT;
ALTER TABLE "Session" ADD COLUMN "impersonatorSessionId" TEXT;

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "invitedById" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "acceptedAt" DATETIME,
    "acceptedUserId" TEXT,
    "revokedAt" DATETIME,
    "lastSentAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Invitation_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- AlterTable
-- Added in place rather than by Prisma's table redefinition: redefining "Role" would drop the
-- AccessVersion triggers on it (migration 20261201122724_access_version). SQLite allows a
-- REFERENCES column here because its default is NULL.
ALTER TABLE "Role" ADD COLUMN "parentId" TEXT REFERENCES "Role" ("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_email_idx" ON "Invitation"("email");

-- CreateIndex
CREATE INDEX "Invitation_createdAt_idx" ON "Invitation"("createdAt");

