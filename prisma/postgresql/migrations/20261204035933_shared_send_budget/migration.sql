-- CreateTable
CREATE TABLE "SendSlot" (
    "id" SERIAL NOT NULL,
    "chatId" BIGINT NOT NULL,
    "at" BIGINT NOT NULL,

    CONSTRAINT "SendSlot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SendBudgetLock" (
    "id" INTEGER NOT NULL,
    "lastAt" BIGINT NOT NULL,

    CONSTRAINT "SendBudgetLock_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SendSlot_at_idx" ON "SendSlot"("at");

-- CreateIndex
CREATE INDEX "SendSlot_chatId_at_idx" ON "SendSlot"("chatId", "at");

