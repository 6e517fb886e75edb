-- CreateTable
CREATE TABLE "AccessVersion" (
    "id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AccessVersion_pkey" PRIMARY KEY ("id")
);


-- The one row, and the triggers that move it on every write to roles, their permissions or the
-- permission catalogue (see the AccessVersion model). Not part of the Prisma schema: a later
-- migration that recreates one of these tables must create its triggers again.
INSERT INTO "AccessVersion" ("id", "version") VALUES (1, 0);

-- search_path pinned to the schema of this migration, whoever writes later and from where.
CREATE FUNCTION "bump_access_version"() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  UPDATE "AccessVersion" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER "AccessVersion_after_role_write" AFTER INSERT OR UPDATE OR DELETE ON "Role"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_access_version"();
CREATE TRIGGER "AccessVersion_after_role_permission_write" AFTER INSERT OR UPDATE OR DELETE ON "RolePermission"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_access_version"();
CREATE TRIGGER "AccessVersion_after_permission_write" AFTER UPDATE OR DELETE ON "Permission"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_access_version"();
-- TRUNCATE fires no row or DELETE trigger: cover it too.
CREATE TRIGGER "AccessVersion_after_role_truncate" AFTER TRUNCATE ON "Role"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_access_version"();
CREATE TRIGGER "AccessVersion_after_role_permission_truncate" AFTER TRUNCATE ON "RolePermission"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_access_version"();
CREATE TRIGGER "AccessVersion_after_permission_truncate" AFTER TRUNCATE ON "Permission"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_access_version"();

-- The row must stay: without it the triggers above would update nothing and the version would stand
-- still (the app then reloads roles on every request and logs an error, but better not to get there).
CREATE FUNCTION "keep_access_version_row"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AccessVersion row 1 must stay: it tells every instance when roles change';
END
$$;
CREATE TRIGGER "AccessVersion_keep_row" BEFORE DELETE OR TRUNCATE ON "AccessVersion"
  FOR EACH STATEMENT EXECUTE FUNCTION "keep_access_version_row"();
