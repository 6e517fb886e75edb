-- User.version and lib/auth/user-access.ts: an account's passkeys are part of its version, so a
-- passkey moved to another account (never by the app; by hand in SQL) moves both accounts' versions.
-- (A DELETE without WHERE fires the row triggers here: SQLite skips its truncate shortcut on tables
-- with triggers. `INSERT OR REPLACE` into "Passkey" or "UserRole" deletes rows without firing delete
-- triggers while recursive_triggers is off: do not write these tables with REPLACE.)
CREATE TRIGGER "User_version_after_passkey_update" AFTER UPDATE OF "userId" ON "Passkey"
WHEN NEW."userId" IS NOT OLD."userId"
BEGIN UPDATE "User" SET "version" = "version" + 1 WHERE "id" IN (NEW."userId", OLD."userId"); END;
