import { setTimeout as sleep } from 'node:timers/promises';
import type { Coordination } from './coordination.js';

export interface Drained {
  /** Whether every delivery in flight finished within the bound. */
  finished: boolean;
  /** Claims of unfinished deliveries given back, so GitHub's redelivery (or another replica's sweep) runs them again. */
  handedBack: number;
}

/**
 * The deliveries this process is working on, and the delivery claims they hold, so that a
 * shutdown can let them finish, or give their claims back when they cannot finish in time.
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();
  private readonly held = new Set<string>();

  constructor(private readonly coordination: Coordination) {}

  /** Counts a handler's work as in flight until it settles. */
  async track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    try {
      return await work;
    } finally {
      this.running.delete(work);
    }
  }

  /**
   * Runs work under a delivery claim: none when another run has the delivery or finished it. The
   * claim is given back when the work throws or `retry` says its result may succeed next time.
   */
  async claimed<T>(delivery: string, work: () => Promise<T>, retry: (result: T) => boolean = () => false): Promise<T | 'duplicate'> {
    if (!(await this.coordination.claim(delivery))) return 'duplicate';
    this.held.add(delivery);
    try {
      const result = await work();
      if (retry(result)) await this.coordination.release(delivery);
      return result;
    } catch (error) {
      await this.coordination.release(delivery);
      throw error;
    } finally {
      this.held.delete(delivery);
    }
  }

  /** Waits for the work in flight, at most `timeoutMs`; what is still running then gives its claims back. */
  async drain(timeoutMs: number): Promise<Drained> {
    const settled = Promise.allSettled([...this.running]).then(() => true);
    const finished = await Promise.race([settled, sleep(timeoutMs, false, { ref: false })]);
    if (finished) return { finished, handedBack: 0 };
    const claims = [...this.held];
    await Promise.all(claims.map((claim) => this.coordination.release(claim).catch(() => undefined)));
    return { finished, handedBack: claims.length };
  }
}
