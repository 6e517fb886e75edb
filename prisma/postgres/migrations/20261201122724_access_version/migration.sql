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

CREATE FUNCTION "bump_access_version"() RETURNS trigger LANGUAGE plpgsql AS $$
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
