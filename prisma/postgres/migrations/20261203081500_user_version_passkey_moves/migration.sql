-- User.version and lib/auth/user-access.ts: an account's passkeys and roles are part of its version.
-- A passkey moved to another account (never by the app; by hand in SQL) moves both accounts'
-- versions, and TRUNCATE (which fires no row triggers) of "UserRole" or "Passkey" moves every
-- account's version, so no instance keeps serving roles or passkeys that are gone.
DROP TRIGGER "User_version_after_passkey_write" ON "Passkey";
CREATE TRIGGER "User_version_after_passkey_write" AFTER INSERT OR DELETE OR UPDATE OF "userId" ON "Passkey"
  FOR EACH ROW EXECUTE FUNCTION "bump_user_version_of_row"();

CREATE FUNCTION "bump_every_user_version"() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  UPDATE "User" SET "version" = "version" + 1;
  RETURN NULL;
END
$$;
CREATE TRIGGER "User_version_after_user_role_truncate" AFTER TRUNCATE ON "UserRole"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_every_user_version"();
CREATE TRIGGER "User_version_after_passkey_truncate" AFTER TRUNCATE ON "Passkey"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_every_user_version"();
