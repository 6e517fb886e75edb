-- User.version: the account's record version (the ETag of GET /api/v1/users/{id}, and with the
-- staff record's version the ETag of GET /api/v1/staff/{id}).
-- AlterTable
ALTER TABLE "User" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- The account is written from many modules (sign-in, passwords, second factor, bans, roles, the
-- staff approval, service accounts…), so the version is moved here rather than by each of them.
-- A write that sets the version itself (a DAL conditional write, `version = version + 1`) is left
-- alone. Any column moves it but updatedAt (Prisma sets it on every write, including the DAL's
-- row locks) and totpLastStep (the replay guard of a second-factor sign-in; the sign-in itself
-- moves lastSignInAt). Same rule as the SQLite trigger; here a new column is covered by itself.
-- search_path pinned to the schema of this migration, whoever writes later and from where.
CREATE FUNCTION "bump_user_version_on_update"() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF NEW."version" = OLD."version"
     AND (to_jsonb(NEW) - 'updatedAt' - 'totpLastStep') IS DISTINCT FROM (to_jsonb(OLD) - 'updatedAt' - 'totpLastStep') THEN
    NEW."version" := OLD."version" + 1;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "User_version_before_update" BEFORE UPDATE ON "User"
  FOR EACH ROW EXECUTE FUNCTION "bump_user_version_on_update"();

-- Roles held and passkeys (two-factor state) are part of what the API shows of an account.
CREATE FUNCTION "bump_user_version_of_row"() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    UPDATE "User" SET "version" = "version" + 1 WHERE "id" = NEW."userId";
  END IF;
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD."userId" IS DISTINCT FROM NEW."userId") THEN
    UPDATE "User" SET "version" = "version" + 1 WHERE "id" = OLD."userId";
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "User_version_after_user_role_write" AFTER INSERT OR UPDATE OR DELETE ON "UserRole"
  FOR EACH ROW EXECUTE FUNCTION "bump_user_version_of_row"();
CREATE TRIGGER "User_version_after_passkey_write" AFTER INSERT OR DELETE ON "Passkey"
  FOR EACH ROW EXECUTE FUNCTION "bump_user_version_of_row"();
