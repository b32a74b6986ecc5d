-- CreateTable
CREATE TABLE "FlowState" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" INTEGER NOT NULL,
    "telegramChatId" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "data" TEXT NOT NULL DEFAULT '{}',
    "expiresAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ChecklistItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" INTEGER NOT NULL,
    "evaluationId" INTEGER,
    "opdId" INTEGER NOT NULL,
    "indicatorId" INTEGER,
    "stage" TEXT,
    "level" INTEGER,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "dueDate" TEXT,
    "assigneeId" INTEGER,
    "createdById" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'belum',
    "revisionReason" TEXT,
    "statusAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "carriedFromId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ChecklistItem_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ChecklistItem_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ChecklistItem_opdId_fkey" FOREIGN KEY ("opdId") REFERENCES "Opd" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ChecklistItem_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ChecklistItem_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ChecklistItem_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ChecklistItem" ("assigneeId", "carriedFromId", "createdAt", "createdById", "description", "dueDate", "evaluationId", "id", "indicatorId", "level", "opdId", "revisionReason", "stage", "status", "title", "updatedAt", "workspaceId") SELECT "assigneeId", "carriedFromId", "createdAt", "createdById", "description", "dueDate", "evaluationId", "id", "indicatorId", "level", "opdId", "revisionReason", "stage", "status", "title", "updatedAt", "workspaceId" FROM "ChecklistItem";
DROP TABLE "ChecklistItem";
ALTER TABLE "new_ChecklistItem" RENAME TO "ChecklistItem";
CREATE INDEX "ChecklistItem_workspaceId_opdId_status_idx" ON "ChecklistItem"("workspaceId", "opdId", "status");
CREATE INDEX "ChecklistItem_assigneeId_status_idx" ON "ChecklistItem"("assigneeId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "FlowState_personId_telegramChatId_key" ON "FlowState"("personId", "telegramChatId");

