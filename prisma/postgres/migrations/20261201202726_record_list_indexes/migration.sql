-- DropIndex
DROP INDEX "Customer_archivedAt_idx";

-- CreateIndex
CREATE INDEX "Customer_archivedAt_name_id_idx" ON "Customer"("archivedAt", "name", "id");

-- CreateIndex
CREATE INDEX "Customer_archivedAt_createdAt_id_idx" ON "Customer"("archivedAt", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Customer_archivedAt_updatedAt_id_idx" ON "Customer"("archivedAt", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Product_archivedAt_name_id_idx" ON "Product"("archivedAt", "name", "id");

-- CreateIndex
CREATE INDEX "Product_archivedAt_createdAt_id_idx" ON "Product"("archivedAt", "createdAt", "id");

