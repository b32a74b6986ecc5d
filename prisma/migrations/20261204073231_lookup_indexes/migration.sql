-- CreateIndex
CREATE INDEX "Evidence_itemId_idx" ON "Evidence"("itemId");

-- CreateIndex
CREATE INDEX "Member_personId_idx" ON "Member"("personId");

-- CreateIndex
CREATE INDEX "MemberOpd_opdId_idx" ON "MemberOpd"("opdId");

