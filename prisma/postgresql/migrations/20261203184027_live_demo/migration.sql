-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "demoBuiltAt" TIMESTAMP(3);

