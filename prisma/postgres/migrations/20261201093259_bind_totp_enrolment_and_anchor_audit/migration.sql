-- DropForeignKey
ALTER TABLE "AuditEvent" DROP CONSTRAINT "AuditEvent_actorId_fkey";

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "totpSetUpUnverified" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "PendingTotpEnrolment" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "secretEnc" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingTotpEnrolment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditHead" (
    "id" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "mac" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuditHead_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PendingTotpEnrolment_userId_key" ON "PendingTotpEnrolment"("userId");

-- CreateIndex
CREATE INDEX "PendingTotpEnrolment_sessionId_idx" ON "PendingTotpEnrolment"("sessionId");

-- CreateIndex
CREATE INDEX "PendingTotpEnrolment_expiresAt_idx" ON "PendingTotpEnrolment"("expiresAt");

-- AddForeignKey
ALTER TABLE "PendingTotpEnrolment" ADD CONSTRAINT "PendingTotpEnrolment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PendingTotpEnrolment" ADD CONSTRAINT "PendingTotpEnrolment_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A secret that was never confirmed is abandoned: pending enrolments now live in PendingTotpEnrolment.
UPDATE "User" SET "totpSecretEnc" = NULL WHERE "totpEnabledAt" IS NULL;
-- Second factors set up before the address was verified (allowed until now).
UPDATE "User" SET "totpSetUpUnverified" = true WHERE "totpEnabledAt" IS NOT NULL AND ("emailVerifiedAt" IS NULL OR "emailVerifiedAt" > "totpEnabledAt");
