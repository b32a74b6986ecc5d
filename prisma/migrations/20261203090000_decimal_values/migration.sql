-- CreateTable
CREATE TABLE "ExternalValue" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "evaluationId" INTEGER NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "rawValue" INTEGER NOT NULL,
    "derivedValue" INTEGER,
    "authorId" INTEGER,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ExternalValue_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ExternalValue_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ExternalValue_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Framework" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "regulation" TEXT NOT NULL,
    "provisional" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT NOT NULL DEFAULT '',
    "validFrom" INTEGER NOT NULL,
    "validTo" INTEGER,
    "valueDecimals" INTEGER NOT NULL DEFAULT 0,
    "details" TEXT NOT NULL DEFAULT '{}',
    "contentHash" TEXT NOT NULL,
    "loadedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
-- An empty hash makes the next start reload every framework file, filling the new columns.
INSERT INTO "new_Framework" ("code", "contentHash", "id", "loadedAt", "name", "provisional", "regulation", "source", "validFrom", "validTo") SELECT "code", '', "id", "loadedAt", "name", "provisional", "regulation", "source", "validFrom", "validTo" FROM "Framework";
DROP TABLE "Framework";
ALTER TABLE "new_Framework" RENAME TO "Framework";
CREATE UNIQUE INDEX "Framework_code_key" ON "Framework"("code");
CREATE TABLE "new_Indicator" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "frameworkId" INTEGER NOT NULL,
    "aspectId" INTEGER NOT NULL,
    "no" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "weight" INTEGER NOT NULL,
    "scale" TEXT NOT NULL,
    "evidenceExample" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "Indicator_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "Framework" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Indicator_aspectId_fkey" FOREIGN KEY ("aspectId") REFERENCES "Aspect" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Indicator" ("aspectId", "evidenceExample", "frameworkId", "id", "name", "no", "scale", "weight") SELECT "aspectId", "evidenceExample", "frameworkId", "id", "name", "no", "scale", "weight" FROM "Indicator";
DROP TABLE "Indicator";
ALTER TABLE "new_Indicator" RENAME TO "Indicator";
CREATE UNIQUE INDEX "Indicator_frameworkId_no_key" ON "Indicator"("frameworkId", "no");
CREATE TABLE "new_PredicateBand" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "frameworkId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "alias" TEXT,
    "minUnits" INTEGER NOT NULL,
    "minInclusive" BOOLEAN NOT NULL DEFAULT true,
    "maxUnits" INTEGER NOT NULL,
    "maxInclusive" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "PredicateBand_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "Framework" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_PredicateBand" ("frameworkId", "id", "maxInclusive", "maxUnits", "minUnits", "name") SELECT "frameworkId", "id", "maxInclusive", "maxUnits", "minUnits", "name" FROM "PredicateBand";
DROP TABLE "PredicateBand";
ALTER TABLE "new_PredicateBand" RENAME TO "PredicateBand";
CREATE UNIQUE INDEX "PredicateBand_frameworkId_name_key" ON "PredicateBand"("frameworkId", "name");
CREATE TABLE "new_Score" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "evaluationId" INTEGER NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "stage" TEXT NOT NULL,
    "value" INTEGER NOT NULL,
    "note" TEXT,
    "authorId" INTEGER,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Score_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Score_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Score_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
-- A whole level becomes its value in hundredths (3 → 300 = 3,00): nothing is lost.
INSERT INTO "new_Score" ("authorId", "evaluationId", "id", "indicatorId", "note", "stage", "updatedAt", "value") SELECT "authorId", "evaluationId", "id", "indicatorId", "note", "stage", "updatedAt", "level" * 100 FROM "Score";
DROP TABLE "Score";
ALTER TABLE "new_Score" RENAME TO "Score";
CREATE UNIQUE INDEX "Score_evaluationId_stage_indicatorId_key" ON "Score"("evaluationId", "stage", "indicatorId");
CREATE TABLE "new_ScoreChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "evaluationId" INTEGER NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "stage" TEXT NOT NULL,
    "oldValue" INTEGER,
    "newValue" INTEGER NOT NULL,
    "note" TEXT,
    "authorId" INTEGER,
    "source" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ScoreChange_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ScoreChange_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ScoreChange_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ScoreChange" ("authorId", "createdAt", "evaluationId", "id", "indicatorId", "note", "source", "stage", "oldValue", "newValue") SELECT "authorId", "createdAt", "evaluationId", "id", "indicatorId", "note", "source", "stage", "oldLevel" * 100, "newLevel" * 100 FROM "ScoreChange";
DROP TABLE "ScoreChange";
ALTER TABLE "new_ScoreChange" RENAME TO "ScoreChange";
CREATE INDEX "ScoreChange_evaluationId_indicatorId_stage_idx" ON "ScoreChange"("evaluationId", "indicatorId", "stage");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ExternalValue_evaluationId_indicatorId_key" ON "ExternalValue"("evaluationId", "indicatorId");

