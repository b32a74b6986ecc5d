-- CreateTable
CREATE TABLE "SendSlot" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "chatId" BIGINT NOT NULL,
    "at" BIGINT NOT NULL
);

-- CreateTable
CREATE TABLE "SendBudgetLock" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "lastAt" BIGINT NOT NULL
);

-- CreateIndex
CREATE INDEX "SendSlot_at_idx" ON "SendSlot"("at");

-- CreateIndex
CREATE INDEX "SendSlot_chatId_at_idx" ON "SendSlot"("chatId", "at");

