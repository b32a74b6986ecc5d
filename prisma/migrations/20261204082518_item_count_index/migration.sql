-- CreateIndex
CREATE INDEX "ChecklistItem_workspaceId_evaluationId_opdId_status_indicatorId_idx" ON "ChecklistItem"("workspaceId", "evaluationId", "opdId", "status", "indicatorId");

