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

    CONSTRAINT "SalesQuarterRollup_pkey" PRIMARY KEY ("currency","quarter")
);

-- CreateTable
CREATE TABLE "SalesDayRollup" (
    "currency" TEXT NOT NULL,
    "day" INTEGER NOT NULL,
    "staffId" TEXT NOT NULL,
    "paymentMethod" TEXT NOT NULL,
    "sales" INTEGER NOT NULL DEFAULT 0,
    "revenue" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "SalesDayRollup_pkey" PRIMARY KEY ("currency","day","staffId","paymentMethod")
);

-- CreateTable
CREATE TABLE "ProductDayRollup" (
    "currency" TEXT NOT NULL,
    "day" INTEGER NOT NULL,
    "productId" TEXT NOT NULL,
    "units" BIGINT NOT NULL DEFAULT 0,
    "revenue" BIGINT NOT NULL DEFAULT 0,
    "cost" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ProductDayRollup_pkey" PRIMARY KEY ("currency","day","productId")
);


-- CreateIndex
CREATE INDEX "SalesQuarterRollup_quarter_idx" ON "SalesQuarterRollup"("quarter");

-- The triggers that keep the rollups (see SalesQuarterRollup in the schema). A transaction counts
-- while its status is a sale status. Sale-level sums move with the Transaction row; line sums with
-- its lines, looked up through the row. A status change between two sale statuses, or a write to
-- columns the rollups do not hold (version, refunded amounts…), moves nothing. Deleting a counted
-- transaction takes it out before the row goes (its lines are still there then); lines removed by
-- that cascade find no row and move nothing. search_path pinned as for bump_access_version.

-- Adds (sign 1) or takes out (sign -1) a transaction with its lines as they stand.
CREATE FUNCTION "sales_rollup_apply_transaction"(t "Transaction", sign integer) RETURNS void
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  INSERT INTO "SalesQuarterRollup" AS r ("currency", "quarter", "sales", "revenue", "tax", "orderDiscount", "units", "cost", "lineDiscount")
  SELECT t."currency", FLOOR(EXTRACT(EPOCH FROM t."occurredAt") / 900)::integer, sign, sign * (t."total" - t."tax"), sign * t."tax", sign * t."discount",
    sign * COALESCE(SUM(l."quantity"), 0), sign * COALESCE(SUM(l."quantity"::bigint * l."unitCost"), 0), sign * COALESCE(SUM(l."discount"), 0)
  FROM "TransactionLine" l WHERE l."transactionId" = t."id"
  ON CONFLICT ("currency", "quarter") DO UPDATE SET "sales" = r."sales" + EXCLUDED."sales",
    "revenue" = r."revenue" + EXCLUDED."revenue", "tax" = r."tax" + EXCLUDED."tax",
    "orderDiscount" = r."orderDiscount" + EXCLUDED."orderDiscount", "units" = r."units" + EXCLUDED."units",
    "cost" = r."cost" + EXCLUDED."cost", "lineDiscount" = r."lineDiscount" + EXCLUDED."lineDiscount";
  INSERT INTO "SalesDayRollup" AS r ("currency", "day", "staffId", "paymentMethod", "sales", "revenue")
  VALUES (t."currency", FLOOR(EXTRACT(EPOCH FROM t."occurredAt") / 86400)::integer, t."staffId", t."paymentMethod", sign, sign * (t."total" - t."tax"))
  ON CONFLICT ("currency", "day", "staffId", "paymentMethod") DO UPDATE SET "sales" = r."sales" + EXCLUDED."sales",
    "revenue" = r."revenue" + EXCLUDED."revenue";
  INSERT INTO "ProductDayRollup" AS r ("currency", "day", "productId", "units", "revenue", "cost")
  SELECT t."currency", FLOOR(EXTRACT(EPOCH FROM t."occurredAt") / 86400)::integer, l."productId", sign * SUM(l."quantity"),
    sign * SUM(l."total" - l."tax"), sign * SUM(l."quantity"::bigint * l."unitCost")
  FROM "TransactionLine" l WHERE l."transactionId" = t."id" GROUP BY l."productId"
  ON CONFLICT ("currency", "day", "productId") DO UPDATE SET "units" = r."units" + EXCLUDED."units",
    "revenue" = r."revenue" + EXCLUDED."revenue", "cost" = r."cost" + EXCLUDED."cost";
END
$$;

-- Adds or takes out one line, when its transaction counts.
CREATE FUNCTION "sales_rollup_apply_line"(l "TransactionLine", sign integer) RETURNS void
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  INSERT INTO "SalesQuarterRollup" AS r ("currency", "quarter", "units", "cost", "lineDiscount")
  SELECT t."currency", FLOOR(EXTRACT(EPOCH FROM t."occurredAt") / 900)::integer, sign * l."quantity",
    sign * l."quantity"::bigint * l."unitCost", sign * l."discount"
  FROM "Transaction" t WHERE t."id" = l."transactionId" AND t."status" IN ('completed', 'partially_refunded', 'refunded')
  ON CONFLICT ("currency", "quarter") DO UPDATE SET "units" = r."units" + EXCLUDED."units",
    "cost" = r."cost" + EXCLUDED."cost", "lineDiscount" = r."lineDiscount" + EXCLUDED."lineDiscount";
  INSERT INTO "ProductDayRollup" AS r ("currency", "day", "productId", "units", "revenue", "cost")
  SELECT t."currency", FLOOR(EXTRACT(EPOCH FROM t."occurredAt") / 86400)::integer, l."productId", sign * l."quantity",
    sign * (l."total" - l."tax"), sign * l."quantity"::bigint * l."unitCost"
  FROM "Transaction" t WHERE t."id" = l."transactionId" AND t."status" IN ('completed', 'partially_refunded', 'refunded')
  ON CONFLICT ("currency", "day", "productId") DO UPDATE SET "units" = r."units" + EXCLUDED."units",
    "revenue" = r."revenue" + EXCLUDED."revenue", "cost" = r."cost" + EXCLUDED."cost";
END
$$;

CREATE FUNCTION "sales_rollup_transaction"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  counted_old boolean;
  counted_new boolean;
  changed boolean;
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW."status" IN ('completed', 'partially_refunded', 'refunded') THEN
      PERFORM "sales_rollup_apply_transaction"(NEW, 1);
    END IF;
    RETURN NULL;
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD."status" IN ('completed', 'partially_refunded', 'refunded') THEN
      PERFORM "sales_rollup_apply_transaction"(OLD, -1);
    END IF;
    RETURN OLD;
  END IF;
  counted_old := OLD."status" IN ('completed', 'partially_refunded', 'refunded');
  counted_new := NEW."status" IN ('completed', 'partially_refunded', 'refunded');
  changed := OLD."occurredAt" IS DISTINCT FROM NEW."occurredAt" OR OLD."currency" IS DISTINCT FROM NEW."currency"
    OR OLD."staffId" IS DISTINCT FROM NEW."staffId" OR OLD."paymentMethod" IS DISTINCT FROM NEW."paymentMethod"
    OR OLD."total" IS DISTINCT FROM NEW."total" OR OLD."tax" IS DISTINCT FROM NEW."tax"
    OR OLD."discount" IS DISTINCT FROM NEW."discount";
  IF counted_old AND (NOT counted_new OR changed) THEN
    PERFORM "sales_rollup_apply_transaction"(OLD, -1);
  END IF;
  IF counted_new AND (NOT counted_old OR changed) THEN
    PERFORM "sales_rollup_apply_transaction"(NEW, 1);
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION "sales_rollup_line"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "sales_rollup_apply_line"(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "sales_rollup_apply_line"(NEW, 1);
  END IF;
  RETURN NULL;
END
$$;

-- TRUNCATE fires no row trigger: it empties the rollups with the transactions.
CREATE FUNCTION "sales_rollup_truncate"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  DELETE FROM "SalesQuarterRollup";
  DELETE FROM "SalesDayRollup";
  DELETE FROM "ProductDayRollup";
  RETURN NULL;
END
$$;

CREATE TRIGGER "SalesRollup_transaction_write" AFTER INSERT OR UPDATE ON "Transaction"
  FOR EACH ROW EXECUTE FUNCTION "sales_rollup_transaction"();
CREATE TRIGGER "SalesRollup_transaction_delete" BEFORE DELETE ON "Transaction"
  FOR EACH ROW EXECUTE FUNCTION "sales_rollup_transaction"();
CREATE TRIGGER "SalesRollup_line_write" AFTER INSERT OR DELETE OR UPDATE OF "transactionId", "productId", "quantity", "unitCost", "discount", "total", "tax" ON "TransactionLine"
  FOR EACH ROW EXECUTE FUNCTION "sales_rollup_line"();
CREATE TRIGGER "SalesRollup_transaction_truncate" AFTER TRUNCATE ON "Transaction"
  FOR EACH STATEMENT EXECUTE FUNCTION "sales_rollup_truncate"();

-- The rows already there.
INSERT INTO "SalesQuarterRollup" ("currency", "quarter", "sales", "revenue", "tax", "orderDiscount", "units", "cost", "lineDiscount")
SELECT t."currency", FLOOR(EXTRACT(EPOCH FROM t."occurredAt") / 900)::integer, COUNT(*), SUM(t."total" - t."tax"), SUM(t."tax"), SUM(t."discount"),
  SUM(COALESCE(l."units", 0)), SUM(COALESCE(l."cost", 0)), SUM(COALESCE(l."lineDiscount", 0))
FROM "Transaction" t LEFT JOIN (
  SELECT "transactionId", SUM("quantity") AS "units", SUM("quantity"::bigint * "unitCost") AS "cost", SUM("discount") AS "lineDiscount"
  FROM "TransactionLine" GROUP BY "transactionId"
) l ON l."transactionId" = t."id"
WHERE t."status" IN ('completed', 'partially_refunded', 'refunded')
GROUP BY 1, 2;

INSERT INTO "SalesDayRollup" ("currency", "day", "staffId", "paymentMethod", "sales", "revenue")
SELECT t."currency", FLOOR(EXTRACT(EPOCH FROM t."occurredAt") / 86400)::integer, t."staffId", t."paymentMethod", COUNT(*), SUM(t."total" - t."tax")
FROM "Transaction" t
WHERE t."status" IN ('completed', 'partially_refunded', 'refunded')
GROUP BY 1, 2, 3, 4;

INSERT INTO "ProductDayRollup" ("currency", "day", "productId", "units", "revenue", "cost")
SELECT t."currency", FLOOR(EXTRACT(EPOCH FROM t."occurredAt") / 86400)::integer, l."productId", SUM(l."quantity"), SUM(l."total" - l."tax"), SUM(l."quantity"::bigint * l."unitCost")
FROM "Transaction" t JOIN "TransactionLine" l ON l."transactionId" = t."id"
WHERE t."status" IN ('completed', 'partially_refunded', 'refunded')
GROUP BY 1, 2, 3;
