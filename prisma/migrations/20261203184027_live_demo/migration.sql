-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN "demoBuiltAt" DATETIME;

