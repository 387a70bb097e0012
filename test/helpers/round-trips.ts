import type { Octokit } from '@octokit/core';
import { compilePattern, type RoutePattern } from '../../tools/dev/github-stand-in/index.js';

/** A request as the app asked for it, and how many answers it had when it did. */
export interface AskedRequest {
  /** `GET`, `POST`, … */
  method: string;
  /** The path, without `/api/v3` and the query. */
  path: string;
  /** How many answers the app had received when it asked for this request. */
  answersBefore: number;
  /** Its answer's place among all answers (0, 1, …), once the app has it. */
  answerIndex?: number;
}

export interface RoundTrips {
  readonly asked: readonly AskedRequest[];
  /** An Octokit plugin for the app's Octokit class (`startSpecgate({ plugins: [watcher.plugin] })`). */
  plugin(octokit: Octokit): void;
  /**
   * The longest chain of requests (matching `pattern`) each asked for only after the app had the
   * answer to the one before: its sequential round trips.
   */
  count(pattern?: RoutePattern): number;
  /** True when the app asked for neither after it had the other's answer: one round trip. */
  together(a: AskedRequest, b: AskedRequest): boolean;
  /** Forgets what it saw, for the next scenario. */
  clear(): void;
}

/**
 * Round trips counted logically, from the app's side: its Octokit's outermost request hook sees
 * when the app asks for a request (before throttling or a concurrency limit queues it) and when the
 * app has its answer (after retries). A batch the app asks for at once is one round trip however
 * slowly a loaded machine sends it; nothing here reads a clock.
 */
export function watchRoundTrips(): RoundTrips {
  const asked: AskedRequest[] = [];
  let answers = 0;
  const after = (later: AskedRequest, earlier: AskedRequest): boolean => earlier.answerIndex !== undefined && earlier.answerIndex < later.answersBefore;
  return {
    asked,
    plugin(octokit) {
      octokit.hook.wrap('request', async (request, options) => {
        const { method, url } = octokit.request.endpoint(options);
        const record: AskedRequest = { method, path: new URL(url).pathname.replace(/^\/api\/v3(?=\/)/, ''), answersBefore: answers };
        asked.push(record);
        try {
          return await request(options);
        } finally {
          record.answerIndex = answers++;
        }
      });
    },
    count(pattern) {
      const matches = pattern === undefined ? () => true : compilePattern(pattern);
      const chain = new Map<AskedRequest, number>();
      for (const request of asked.filter((one) => matches(one.method, one.path))) {
        const before = [...chain].filter(([earlier]) => after(request, earlier)).map(([, length]) => length);
        chain.set(request, 1 + Math.max(0, ...before));
      }
      return Math.max(0, ...chain.values());
    },
    together: (a, b) => !after(a, b) && !after(b, a),
    clear() {
      asked.length = 0;
    },
  };
}
