-- CreateTable
CREATE TABLE "SalesQuarterRollup" (
    "currency" TEXT NOT NULL,
    "quarter" INTEGER NOT NULL,
    "sales" INTEGER NOT NULL DEFAULT 0,
    "revenue" BIGINT NOT NULL DEFAULT 0,
    "tax" BIGINT NOT NULL DEFAULT 0,
    "orderDiscount" BIGINT NOT NULL DEFAULT 0,
    "units" BIGINT NOT NULL DEFAULT 0,
    "cost" BIGINT NOT NULL DEFAULT 0,
    "lineDiscount" BIGINT NOT NULL DEFAULT 0,

    PRIMARY KEY ("currency", "quarter")
);

-- CreateTable
CREATE TABLE "SalesDayRollup" (
    "currency" TEXT NOT NULL,
    "day" INTEGER NOT NULL,
    "staffId" TEXT NOT NULL,
    "paymentMethod" TEXT NOT NULL,
    "sales" INTEGER NOT NULL DEFAULT 0,
    "revenue" BIGINT NOT NULL DEFAULT 0,

    PRIMARY KEY ("currency", "day", "staffId", "paymentMethod")
);

-- CreateTable
CREATE TABLE "ProductDayRollup" (
    "currency" TEXT NOT NULL,
    "day" INTEGER NOT NULL,
    "productId" TEXT NOT NULL,
    "units" BIGINT NOT NULL DEFAULT 0,
    "revenue" BIGINT NOT NULL DEFAULT 0,
    "cost" BIGINT NOT NULL DEFAULT 0,

    PRIMARY KEY ("currency", "day", "productId")
);


-- CreateIndex
CREATE INDEX "SalesQuarterRollup_quarter_idx" ON "SalesQuarterRollup"("quarter");

-- The triggers that keep the rollups (see SalesQuarterRollup in the schema). A transaction counts
-- while its status is a sale status. Sale-level sums move with the Transaction row; line sums with
-- its lines, looked up through the row. A status change between two sale statuses, or a write to
-- columns the rollups do not hold (version, refunded amounts…), moves nothing. Deleting a counted
-- transaction takes it out before the row goes (its lines are still there then); lines removed by
-- that cascade find no row and move nothing.
CREATE TRIGGER "SalesRollup_transaction_insert" AFTER INSERT ON "Transaction"
WHEN NEW."status" IN ('completed', 'partially_refunded', 'refunded')
BEGIN
  INSERT INTO "SalesQuarterRollup" ("currency", "quarter", "sales", "revenue", "tax", "orderDiscount")
  VALUES (NEW."currency", CAST(strftime('%s', NEW."occurredAt") AS INTEGER) / 900, 1, NEW."total" - NEW."tax", NEW."tax", NEW."discount")
  ON CONFLICT ("currency", "quarter") DO UPDATE SET "sales" = "sales" + excluded."sales",
    "revenue" = "revenue" + excluded."revenue", "tax" = "tax" + excluded."tax",
    "orderDiscount" = "orderDiscount" + excluded."orderDiscount";
  INSERT INTO "SalesDayRollup" ("currency", "day", "staffId", "paymentMethod", "sales", "revenue")
  VALUES (NEW."currency", CAST(strftime('%s', NEW."occurredAt") AS INTEGER) / 86400, NEW."staffId", NEW."paymentMethod", 1, NEW."total" - NEW."tax")
  ON CONFLICT ("currency", "day", "staffId", "paymentMethod") DO UPDATE SET "sales" = "sales" + excluded."sales",
    "revenue" = "revenue" + excluded."revenue";
END;

CREATE TRIGGER "SalesRollup_line_insert" AFTER INSERT ON "TransactionLine"
BEGIN
  INSERT INTO "SalesQuarterRollup" ("currency", "quarter", "units", "cost", "lineDiscount")
  SELECT t."currency", CAST(strftime('%s', t."occurredAt") AS INTEGER) / 900, NEW."quantity", NEW."quantity" * NEW."unitCost", NEW."discount"
  FROM "Transaction" t WHERE t."id" = NEW."transactionId" AND t."status" IN ('completed', 'partially_refunded', 'refunded')
  ON CONFLICT ("currency", "quarter") DO UPDATE SET "units" = "units" + excluded."units",
    "cost" = "cost" + excluded."cost", "lineDiscount" = "lineDiscount" + excluded."lineDiscount";
  INSERT INTO "ProductDayRollup" ("currency", "day", "productId", "units", "revenue", "cost")
  SELECT t."currency", CAST(strftime('%s', t."occurredAt") AS INTEGER) / 86400, NEW."productId", NEW."quantity", NEW."total" - NEW."tax", NEW."quantity" * NEW."unitCost"
  FROM "Transaction" t WHERE t."id" = NEW."transactionId" AND t."status" IN ('completed', 'partially_refunded', 'refunded')
  ON CONFLICT ("currency", "day", "productId") DO UPDATE SET "units" = "units" + excluded."units",
    "revenue" = "revenue" + excluded."revenue", "cost" = "cost" + excluded."cost";
END;

-- A line's own counted columns changing (no code does this today) moves the difference.
CREATE TRIGGER "SalesRollup_line_update" AFTER UPDATE OF "transactionId", "productId", "quantity", "unitCost", "discount", "total", "tax" ON "TransactionLine"
BEGIN
  INSERT INTO "SalesQuarterRollup" ("currency", "quarter", "units", "cost", "lineDiscount")
  SELECT t."currency", CAST(strftime('%s', t."occurredAt") AS INTEGER) / 900, -OLD."quantity", -OLD."quantity" * OLD."unitCost", -OLD."discount"
  FROM "Transaction" t WHERE t."id" = OLD."transactionId" AND t."status" IN ('completed', 'partially_refunded', 'refunded')
  ON CONFLICT ("currency", "quarter") DO UPDATE SET "units" = "units" + excluded."units",
    "cost" = "cost" + excluded."cost", "lineDiscount" = "lineDiscount" + excluded."lineDiscount";
  INSERT INTO "ProductDayRollup" ("currency", "day", "productId", "units", "revenue", "cost")
  SELECT t."currency", CAST(strftime('%s', t."occurredAt") AS INTEGER) / 86400, OLD."productId", -OLD."quantity", -(OLD."total" - OLD."tax"), -OLD."quantity" * OLD."unitCost"
  FROM "Transaction" t WHERE t."id" = OLD."transactionId" AND t."status" IN ('completed', 'partially_refunded', 'refunded')
  ON CONFLICT ("currency", "day", "productId") DO UPDATE SET "units" = "units" + excluded."units",
    "revenue" = "revenue" + excluded."revenue", "cost" = "cost" + excluded."cost";
  INSERT INTO "SalesQuarterRollup" ("currency", "quarter", "units", "cost", "lineDiscount")
  SELECT t."currency", CAST(strftime('%s', t."occurredAt") AS INTEGER) / 900, NEW."quantity", NEW."quantity" * NEW."unitCost", NEW."discount"
  FROM "Transaction" t WHERE t."id" = NEW."transactionId" AND t."status" IN ('completed', 'partially_refunded', 'refunded')
  ON CONFLICT ("currency", "quarter") DO UPDATE SET "units" = "units" + excluded."units",
    "cost" = "cost" + excluded."cost", "lineDiscount" = "lineDiscount" + excluded."lineDiscount";
  INSERT INTO "ProductDayRollup" ("currency", "day", "productId", "units", "revenue", "cost")
  SELECT t."currency", CAST(strftime('%s', t."occurredAt") AS INTEGER) / 86400, NEW."productId", NEW."quantity", NEW."total" - NEW."tax", NEW."quantity" * NEW."unitCost"
  FROM "Transaction" t WHERE t."id" = NEW."transactionId" AND t."status" IN ('completed', 'partially_refunded', 'refunded')
  ON CONFLICT ("currency", "day", "productId") DO UPDATE SET "units" = "units" + excluded."units",
    "revenue" = "revenue" + excluded."revenue", "cost" = "cost" + excluded."cost";
END;

CREATE TRIGGER "SalesRollup_line_delete" AFTER DELETE ON "TransactionLine"
BEGIN
  INSERT INTO "SalesQuarterRollup" ("currency", "quarter", "units", "cost", "lineDiscount")
  SELECT t."currency", CAST(strftime('%s', t."occurredAt") AS INTEGER) / 900, -OLD."quantity", -OLD."quantity" * OLD."unitCost", -OLD."discount"
  FROM "Transaction" t WHERE t."id" = OLD."transactionId" AND t."status" IN ('completed', 'partially_refunded', 'refunded')
  ON CONFLICT ("currency", "quarter") DO UPDATE SET "units" = "units" + excluded."units",
    "cost" = "cost" + excluded."cost", "lineDiscount" = "lineDiscount" + excluded."lineDiscount";
  INSERT INTO "ProductDayRollup" ("currency", "day", "productId", "units", "revenue", "cost")
  SELECT t."currency", CAST(strftime('%s', t."occurredAt") AS INTEGER) / 86400, OLD."productId", -OLD."quantity", -(OLD."total" - OLD."tax"), -OLD."quantity" * OLD."unitCost"
  FROM "Transaction" t WHERE t."id" = OLD."transactionId" AND t."status" IN ('completed', 'partially_refunded', 'refunded')
  ON CONFLICT ("currency", "day", "productId") DO UPDATE SET "units" = "units" + excluded."units",
    "revenue" = "revenue" + excluded."revenue", "cost" = "cost" + excluded."cost";
END;

-- A counted transaction that stops counting (voided), or whose counted columns change, is taken
-- out with its lines as they stand; one that starts counting, or changed, is put back in.
CREATE TRIGGER "SalesRollup_transaction_update_out" AFTER UPDATE ON "Transaction"
WHEN OLD."status" IN ('completed', 'partially_refunded', 'refunded') AND (NEW."status" NOT IN ('completed', 'partially_refunded', 'refunded') OR OLD."occurredAt" IS NOT NEW."occurredAt" OR OLD."currency" IS NOT NEW."currency" OR OLD."staffId" IS NOT NEW."staffId" OR OLD."paymentMethod" IS NOT NEW."paymentMethod" OR OLD."total" IS NOT NEW."total" OR OLD."tax" IS NOT NEW."tax" OR OLD."discount" IS NOT NEW."discount")
BEGIN
  INSERT INTO "SalesQuarterRollup" ("currency", "quarter", "sales", "revenue", "tax", "orderDiscount", "units", "cost", "lineDiscount")
  SELECT OLD."currency", CAST(strftime('%s', OLD."occurredAt") AS INTEGER) / 900, -1, -(OLD."total" - OLD."tax"), -OLD."tax", -OLD."discount",
    -COALESCE(SUM(l."quantity"), 0), -COALESCE(SUM(l."quantity" * l."unitCost"), 0), -COALESCE(SUM(l."discount"), 0)
  FROM "TransactionLine" l WHERE l."transactionId" = OLD."id"
  ON CONFLICT ("currency", "quarter") DO UPDATE SET "sales" = "sales" + excluded."sales",
    "revenue" = "revenue" + excluded."revenue", "tax" = "tax" + excluded."tax",
    "orderDiscount" = "orderDiscount" + excluded."orderDiscount", "units" = "units" + excluded."units",
    "cost" = "cost" + excluded."cost", "lineDiscount" = "lineDiscount" + excluded."lineDiscount";
  INSERT INTO "SalesDayRollup" ("currency", "day", "staffId", "paymentMethod", "sales", "revenue")
  VALUES (OLD."currency", CAST(strftime('%s', OLD."occurredAt") AS INTEGER) / 86400, OLD."staffId", OLD."paymentMethod", -1, -(OLD."total" - OLD."tax"))
  ON CONFLICT ("currency", "day", "staffId", "paymentMethod") DO UPDATE SET "sales" = "sales" + excluded."sales",
    "revenue" = "revenue" + excluded."revenue";
  INSERT INTO "ProductDayRollup" ("currency", "day", "productId", "units", "revenue", "cost")
  SELECT OLD."currency", CAST(strftime('%s', OLD."occurredAt") AS INTEGER) / 86400, l."productId", -SUM(l."quantity"), -SUM(l."total" - l."tax"), -SUM(l."quantity" * l."unitCost")
  FROM "TransactionLine" l WHERE l."transactionId" = OLD."id" GROUP BY l."productId"
  ON CONFLICT ("currency", "day", "productId") DO UPDATE SET "units" = "units" + excluded."units",
    "revenue" = "revenue" + excluded."revenue", "cost" = "cost" + excluded."cost";
END;

CREATE TRIGGER "SalesRollup_transaction_update_in" AFTER UPDATE ON "Transaction"
WHEN NEW."status" IN ('completed', 'partially_refunded', 'refunded') AND (OLD."status" NOT IN ('completed', 'partially_refunded', 'refunded') OR OLD."occurredAt" IS NOT NEW."occurredAt" OR OLD."currency" IS NOT NEW."currency" OR OLD."staffId" IS NOT NEW."staffId" OR OLD."paymentMethod" IS NOT NEW."paymentMethod" OR OLD."total" IS NOT NEW."total" OR OLD."tax" IS NOT NEW."tax" OR OLD."discount" IS NOT NEW."discount")
BEGIN
  INSERT INTO "SalesQuarterRollup" ("currency", "quarter", "sales", "revenue", "tax", "orderDiscount", "units", "cost", "lineDiscount")
  SELECT NEW."currency", CAST(strftime('%s', NEW."occurredAt") AS INTEGER) / 900, 1, (NEW."total" - NEW."tax"), NEW."tax", NEW."discount",
    COALESCE(SUM(l."quantity"), 0), COALESCE(SUM(l."quantity" * l."unitCost"), 0), COALESCE(SUM(l."discount"), 0)
  FROM "TransactionLine" l WHERE l."transactionId" = NEW."id"
  ON CONFLICT ("currency", "quarter") DO UPDATE SET "sales" = "sales" + excluded."sales",
    "revenue" = "revenue" + excluded."revenue", "tax" = "tax" + excluded."tax",
    "orderDiscount" = "orderDiscount" + excluded."orderDiscount", "units" = "units" + excluded."units",
    "cost" = "cost" + excluded."cost", "lineDiscount" = "lineDiscount" + excluded."lineDiscount";
  INSERT INTO "SalesDayRollup" ("currency", "day", "staffId", "paymentMethod", "sales", "revenue")
  VALUES (NEW."currency", CAST(strftime('%s', NEW."occurredAt") AS INTEGER) / 86400, NEW."staffId", NEW."paymentMethod", 1, (NEW."total" - NEW."tax"))
  ON CONFLICT ("currency", "day", "staffId", "paymentMethod") DO UPDATE SET "sales" = "sales" + excluded."sales",
    "revenue" = "revenue" + excluded."revenue";
  INSERT INTO "ProductDayRollup" ("currency", "day", "productId", "units", "revenue", "cost")
  SELECT NEW."currency", CAST(strftime('%s', NEW."occurredAt") AS INTEGER) / 86400, l."productId", SUM(l."quantity"), SUM(l."total" - l."tax"), SUM(l."quantity" * l."unitCost")
  FROM "TransactionLine" l WHERE l."transactionId" = NEW."id" GROUP BY l."productId"
  ON CONFLICT ("currency", "day", "productId") DO UPDATE SET "units" = "units" + excluded."units",
    "revenue" = "revenue" + excluded."revenue", "cost" = "cost" + excluded."cost";
END;

CREATE TRIGGER "SalesRollup_transaction_delete" BEFORE DELETE ON "Transaction"
WHEN OLD."status" IN ('completed', 'partially_refunded', 'refunded')
BEGIN
  INSERT INTO "SalesQuarterRollup" ("currency", "quarter", "sales", "revenue", "tax", "orderDiscount", "units", "cost", "lineDiscount")
  SELECT OLD."currency", CAST(strftime('%s', OLD."occurredAt") AS INTEGER) / 900, -1, -(OLD."total" - OLD."tax"), -OLD."tax", -OLD."discount",
    -COALESCE(SUM(l."quantity"), 0), -COALESCE(SUM(l."quantity" * l."unitCost"), 0), -COALESCE(SUM(l."discount"), 0)
  FROM "TransactionLine" l WHERE l."transactionId" = OLD."id"
  ON CONFLICT ("currency", "quarter") DO UPDATE SET "sales" = "sales" + excluded."sales",
    "revenue" = "revenue" + excluded."revenue", "tax" = "tax" + excluded."tax",
    "orderDiscount" = "orderDiscount" + excluded."orderDiscount", "units" = "units" + excluded."units",
    "cost" = "cost" + excluded."cost", "lineDiscount" = "lineDiscount" + excluded."lineDiscount";
  INSERT INTO "SalesDayRollup" ("currency", "day", "staffId", "paymentMethod", "sales", "revenue")
  VALUES (OLD."currency", CAST(strftime('%s', OLD."occurredAt") AS INTEGER) / 86400, OLD."staffId", OLD."paymentMethod", -1, -(OLD."total" - OLD."tax"))
  ON CONFLICT ("currency", "day", "staffId", "paymentMethod") DO UPDATE SET "sales" = "sales" + excluded."sales",
    "revenue" = "revenue" + excluded."revenue";
  INSERT INTO "ProductDayRollup" ("currency", "day", "productId", "units", "revenue", "cost")
  SELECT OLD."currency", CAST(strftime('%s', OLD."occurredAt") AS INTEGER) / 86400, l."productId", -SUM(l."quantity"), -SUM(l."total" - l."tax"), -SUM(l."quantity" * l."unitCost")
  FROM "TransactionLine" l WHERE l."transactionId" = OLD."id" GROUP BY l."productId"
  ON CONFLICT ("currency", "day", "productId") DO UPDATE SET "units" = "units" + excluded."units",
    "revenue" = "revenue" + excluded."revenue", "cost" = "cost" + excluded."cost";
END;

-- The rows already there.
INSERT INTO "SalesQuarterRollup" ("currency", "quarter", "sales", "revenue", "tax", "orderDiscount", "units", "cost", "lineDiscount")
SELECT t."currency", CAST(strftime('%s', t."occurredAt") AS INTEGER) / 900, COUNT(*), SUM(t."total" - t."tax"), SUM(t."tax"), SUM(t."discount"),
  SUM(COALESCE(l."units", 0)), SUM(COALESCE(l."cost", 0)), SUM(COALESCE(l."lineDiscount", 0))
FROM "Transaction" t LEFT JOIN (
  SELECT "transactionId", SUM("quantity") AS "units", SUM("quantity" * "unitCost") AS "cost", SUM("discount") AS "lineDiscount"
  FROM "TransactionLine" GROUP BY "transactionId"
) l ON l."transactionId" = t."id"
WHERE t."status" IN ('completed', 'partially_refunded', 'refunded')
GROUP BY 1, 2;

INSERT INTO "SalesDayRollup" ("currency", "day", "staffId", "paymentMethod", "sales", "revenue")
SELECT t."currency", CAST(strftime('%s', t."occurredAt") AS INTEGER) / 86400, t."staffId", t."paymentMethod", COUNT(*), SUM(t."total" - t."tax")
FROM "Transaction" t
WHERE t."status" IN ('completed', 'partially_refunded', 'refunded')
GROUP BY 1, 2, 3, 4;

INSERT INTO "ProductDayRollup" ("currency", "day", "productId", "units", "revenue", "cost")
SELECT t."currency", CAST(strftime('%s', t."occurredAt") AS INTEGER) / 86400, l."productId", SUM(l."quantity"), SUM(l."total" - l."tax"), SUM(l."quantity" * l."unitCost")
FROM "Transaction" t JOIN "TransactionLine" l ON l."transactionId" = t."id"
WHERE t."status" IN ('completed', 'partially_refunded', 'refunded')
GROUP BY 1, 2, 3;
