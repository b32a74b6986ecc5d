-- AlterTable
ALTER TABLE "FlowState" ADD COLUMN "workspaceId" INTEGER;

-- CreateTable
CREATE TABLE "ChecklistImport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" INTEGER NOT NULL,
    "evaluationId" INTEGER NOT NULL,
    "personId" INTEGER,
    "rowCount" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ChecklistImportRow" (
    "importId" INTEGER NOT NULL,
    "rowNo" INTEGER NOT NULL,
    "itemId" INTEGER,
    "fields" INTEGER NOT NULL DEFAULT 0,
    "opdId" INTEGER NOT NULL,
    "indicatorId" INTEGER,
    "stage" TEXT,
    "level" INTEGER,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "dueDate" TEXT,
    "assigneeId" INTEGER,
    "status" TEXT NOT NULL,

    PRIMARY KEY ("importId", "rowNo"),
    CONSTRAINT "ChecklistImportRow_importId_fkey" FOREIGN KEY ("importId") REFERENCES "ChecklistImport" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

