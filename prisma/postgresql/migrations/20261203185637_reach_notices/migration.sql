-- CreateTable
CREATE TABLE "ReachNotice" (
    "workspaceId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "day" TEXT NOT NULL,

    CONSTRAINT "ReachNotice_pkey" PRIMARY KEY ("workspaceId","personId","day")
);

