import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from './logging/logger';

/** Runs a start-up step that needs Redis (or a vendor) again every second until it succeeds, reporting the first failure and the success. */
export async function untilDone<T>(what: string, step: () => Promise<T>, logger: Logger): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await step();
      if (attempt > 1) logger.info(`${what}: done`);
      return result;
    } catch (error) {
      if (attempt === 1) logger.error(`${what}: ${(error as Error).message}; trying again every second until it succeeds`);
      await sleep(1_000);
    }
  }
}
