-- AlterTable
ALTER TABLE "Person" ADD COLUMN "activeWorkspaceId" INTEGER;

-- CreateTable
CREATE TABLE "ProcessedUpdate" (
    "updateId" BIGINT NOT NULL PRIMARY KEY,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "ProcessedUpdate_receivedAt_idx" ON "ProcessedUpdate"("receivedAt");

