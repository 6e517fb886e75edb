-- CreateTable
CREATE TABLE "AccessVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL DEFAULT 0
);


-- The one row, and the triggers that move it on every write to roles, their permissions or the
-- permission catalogue (see the AccessVersion model). Not part of the Prisma schema: a later
-- migration that redefines one of these tables must create its triggers again.
INSERT INTO "AccessVersion" ("id", "version") VALUES (1, 0);

CREATE TRIGGER "AccessVersion_after_role_insert" AFTER INSERT ON "Role"
BEGIN UPDATE "AccessVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "AccessVersion_after_role_update" AFTER UPDATE ON "Role"
BEGIN UPDATE "AccessVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "AccessVersion_after_role_delete" AFTER DELETE ON "Role"
BEGIN UPDATE "AccessVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "AccessVersion_after_role_permission_insert" AFTER INSERT ON "RolePermission"
BEGIN UPDATE "AccessVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "AccessVersion_after_role_permission_update" AFTER UPDATE ON "RolePermission"
BEGIN UPDATE "AccessVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "AccessVersion_after_role_permission_delete" AFTER DELETE ON "RolePermission"
BEGIN UPDATE "AccessVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "AccessVersion_after_permission_update" AFTER UPDATE ON "Permission"
BEGIN UPDATE "AccessVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "AccessVersion_after_permission_delete" AFTER DELETE ON "Permission"
BEGIN UPDATE "AccessVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

-- The row must stay: without it the triggers above would update nothing and the version would stand
-- still (the app then reloads roles on every request and logs an error, but better not to get there).
CREATE TRIGGER "AccessVersion_keep_row" BEFORE DELETE ON "AccessVersion"
BEGIN SELECT RAISE(ABORT, 'AccessVersion row 1 must stay: it tells every instance when roles change'); END;
