// The schedules, and the only node-cron import. They run in the one process holding the jobs
// lease (src/jobs/leader.ts). On taking it: the rows a dead process was sending are made pending
// again, every workspace is replanned (holiday files may have changed while the bot was down) and
// what fell due meanwhile goes out at once. Then a tick each minute delivers, and a daily replan
// rolls the weekly digests forward.
import cron from 'node-cron';
import type { ScheduledTask } from 'node-cron';
import { recoverAfterRestart } from '../db/reminder-deliveries.ts';
import { replanAll } from '../db/reminder-plan.ts';
import type { DeliveryDeps } from './deliver-reminders.ts';
import type { Leadership } from './leader.ts';
import { startLeadership } from './leader.ts';
import { deliverDueReminders } from './deliver-reminders.ts';

export interface JobDeps extends DeliveryDeps {
  clock: { now(): Date };
  /** this process's name in the lease (default: host:pid:random) */
  holder?: string;
  /** false: no renewal timer, tests call leadership.check() */
  leaseTimer?: boolean;
}

export interface RunningJobs {
  leadership: Leadership;
  /** runs a delivery tick now (after the current one, if one is running) */
  tick(): Promise<void>;
  /** stops the schedules and waits for a running job to finish */
  stop(): Promise<void>;
}

interface JobSpec {
  name: string;
  cron: string;
  run(deps: JobDeps, leadership: Leadership): Promise<unknown>;
}

const JOBS: readonly JobSpec[] = [
  { name: 'kirim-pengingat', cron: '* * * * *', run: (deps, lead) => deliverDueReminders({ ...deps, stillLeader: () => lead.isLeader() }, () => deps.clock.now()) },
  { name: 'rencana-ulang', cron: '7 0 * * *', run: (deps) => replanAll(deps.db, deps.clock.now()) },
];

export async function startJobs(deps: JobDeps): Promise<RunningJobs> {
  // Only the holder of the jobs lease sends and replans (src/jobs/leader.ts). On taking it: the
  // rows a dead holder was sending are made pending again, every workspace is replanned, and
  // what fell due meanwhile goes out.
  const leadership = startLeadership({
    db: deps.db, logger: deps.logger, clock: deps.clock, holder: deps.holder, timer: deps.leaseTimer,
    onGain: async () => {
      const recovered = await recoverAfterRestart(deps.db);
      if (recovered.inFlight > 0 || recovered.released > 0) deps.logger.info(recovered, 'reminders recovered after a restart');
      await replanAll(deps.db, deps.clock.now());
      deliverSoon();
    },
  });

  // One job at a time: a tick that runs long (a large fan-out) is not overlapped by the next.
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const enqueue = (job: JobSpec) => {
    running = running.then(async () => {
      // Renewed on demand too: a job never runs on a lease that may have run out.
      if (stopped || !(leadership.isLeader() || await leadership.check())) return;
      const started = Date.now();
      try {
        const result = await job.run(deps, leadership);
        // A quiet minute is not logged; a tick that did something is.
        const counts = Object.values(result as Record<string, number>);
        if (counts.some((n) => n > 0)) deps.logger.info({ job: job.name, ms: Date.now() - started, ...(result as object) }, 'job done');
      } catch (error) {
        deps.logger.error({ job: job.name, err: error }, 'job failed');
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
  await leadership.check();

  return {
    leadership,
    tick: () => enqueue(JOBS[0]!).then(() => undefined),
    async stop() {
      stopped = true;
      for (const task of tasks) await task.destroy();
      await running;
      await leadership.stop();
    },
  };
}
