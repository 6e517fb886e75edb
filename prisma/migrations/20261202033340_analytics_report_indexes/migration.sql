-- CreateIndex
CREATE INDEX "AuditEvent_targetType_seq_idx" ON "AuditEvent"("targetType", "seq");

-- CreateIndex
CREATE INDEX "Transaction_report_idx" ON "Transaction"("currency", "status", "occurredAt", "total", "tax", "discount", "staffId", "customerId", "paymentMethod", "id");

-- CreateIndex
CREATE INDEX "Transaction_customerId_status_occurredAt_idx" ON "Transaction"("customerId", "status", "occurredAt");

