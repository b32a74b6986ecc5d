// The schedules, and the only node-cron import. On start: the rows a dead process was sending are
// made pending again, every workspace is replanned (holiday files may have changed while the bot
// was down) and what fell due meanwhile goes out at once. Then a tick each minute delivers, and a
// daily replan rolls the weekly digests forward.
import cron from 'node-cron';
import type { ScheduledTask } from 'node-cron';
import { recoverAfterRestart } from '../db/reminder-deliveries.ts';
import { replanAll } from '../db/reminder-plan.ts';
import type { DeliveryDeps } from './deliver-reminders.ts';
import { deliverDueReminders } from './deliver-reminders.ts';

export interface JobDeps extends DeliveryDeps {
  clock: { now(): Date };
}

export interface RunningJobs {
  /** runs a delivery tick now (after the current one, if one is running) */
  tick(): Promise<void>;
  /** stops the schedules and waits for a running job to finish */
  stop(): Promise<void>;
}

interface JobSpec {
  name: string;
  cron: string;
  run(deps: JobDeps): Promise<unknown>;
}

const JOBS: readonly JobSpec[] = [
  { name: 'kirim-pengingat', cron: '* * * * *', run: (deps) => deliverDueReminders(deps, () => deps.clock.now()) },
  { name: 'rencana-ulang', cron: '7 0 * * *', run: (deps) => replanAll(deps.db, deps.clock.now()) },
];

export async function startJobs(deps: JobDeps): Promise<RunningJobs> {
  const recovered = await recoverAfterRestart(deps.db);
  if (recovered.inFlight > 0 || recovered.released > 0) deps.logger.info(recovered, 'reminders recovered after a restart');
  await replanAll(deps.db, deps.clock.now());

  // One job at a time: a tick that runs long (a large fan-out) is not overlapped by the next.
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const enqueue = (job: JobSpec) => {
    running = running.then(async () => {
      if (stopped) return;
      const started = Date.now();
      try {
        const result = await job.run(deps);
        // A quiet minute is not logged; a tick that did something is.
        const counts = Object.values(result as Record<string, number>);
        if (counts.some((n) => n > 0)) deps.logger.info({ job: job.name, ms: Date.now() - started, ...(result as object) }, 'job done');
      } catch (error) {
        deps.logger.error({ job: job.name, error: (error as Error).message }, 'job failed');
      }
    });
    return running;
  };
  // The minute's delivery is skipped while one is queued or running: that one keeps claiming
  // what falls due, so skipping loses nothing.
  let deliveryQueued = false;
  const deliverSoon = () => {
    if (deliveryQueued) return;
    deliveryQueued = true;
    void enqueue(JOBS[0]!).finally(() => { deliveryQueued = false; });
  };
  const tasks: ScheduledTask[] = JOBS.map((job, i) => cron.schedule(job.cron, () => (i === 0 ? deliverSoon() : void enqueue(job)), { name: job.name }));
  deliverSoon();

  return {
    tick: () => enqueue(JOBS[0]!).then(() => undefined),
    async stop() {
      stopped = true;
      for (const task of tasks) await task.destroy();
      await running;
    },
  };
}
