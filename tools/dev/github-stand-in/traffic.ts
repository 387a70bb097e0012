/** What the stand-in was asked (the request log) and the failures it was told to give (fault injection). */
import { DOCS } from './http.js';
import { matchTemplate } from './router.js';

/**
 * Which requests a fault or a count is about: `'GET /repos/{owner}/{repo}/pulls/{pull_number}/files'`
 * (GitHub's template; `{x}`, `:x` and `*` match one path segment, `{x+}` the rest; the method may be
 * left out), or a RegExp tested against `'METHOD /path'` (path without `/api/v3` and query).
 */
export type RoutePattern = string | RegExp;

export function compilePattern(pattern: RoutePattern): (method: string, path: string) => boolean {
  if (pattern instanceof RegExp) return (method, path) => pattern.test(`${method} ${path}`);
  const match = /^([A-Z]+)\s+(\S+)$/.exec(pattern.trim());
  const method = match ? match[1] : undefined;
  let counter = 0;
  const template = (match ? match[2]! : pattern.trim()).replace(/(?<=\/)(\*|:\w+)(?=\/|$)/g, (segment) => (segment === '*' ? `{any${counter++}}` : `{${segment.slice(1)}}`));
  return (requestMethod, path) => (method === undefined || method === requestMethod) && matchTemplate(template, path) !== undefined;
}

export interface RequestRecord {
  /** 1, 2, 3… in arrival order. */
  seq: number;
  method: string;
  /** The path as routed: no `/api/v3` prefix, no query; `/repositories/{id}/…` rewritten to `/repos/{owner}/{repo}/…`. */
  path: string;
  query: string;
  /** The GitHub template that answered, or null for a route the stand-in does not know. */
  route: string | null;
  status: number;
  /** Milliseconds (epoch, sub-millisecond precision) when the request arrived and when its answer was sent. */
  start: number;
  end: number;
  /** True when fault injection answered instead of the route. */
  fault: boolean;
}

export const clock = (): number => performance.timeOrigin + performance.now();

export class RequestLog {
  readonly records: RequestRecord[] = [];

  add(record: Omit<RequestRecord, 'seq'>): RequestRecord {
    const full = { seq: this.records.length + 1, ...record };
    this.records.push(full);
    return full;
  }

  clear(): void {
    this.records.length = 0;
  }

  /** The requests matching a pattern (all without one). */
  filter(pattern?: RoutePattern): RequestRecord[] {
    if (pattern === undefined) return [...this.records];
    const matches = compilePattern(pattern);
    return this.records.filter((record) => matches(record.method, record.path));
  }
}

export interface FaultOptions {
  /** How many matching requests fail (default 1). */
  times?: number;
  /** Extra response headers, e.g. `{ 'retry-after': '1' }` or `{ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '…' }`. */
  headers?: Record<string, string>;
  /** The JSON body (default: GitHub's error body for the status). */
  body?: unknown;
  /** Milliseconds to wait before answering: a request that hangs. */
  delayMs?: number;
}

export interface Fault {
  readonly pattern: RoutePattern;
  readonly status: number;
  /** Requests still to fail. */
  remaining: number;
  readonly headers: Record<string, string>;
  readonly body: unknown;
  readonly delayMs: number;
}

const MESSAGES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Bad credentials',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Validation Failed',
  429: 'Too Many Requests',
  500: 'Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export class FaultInjector {
  private readonly faults: Array<Fault & { matches: (method: string, path: string) => boolean }> = [];

  add(pattern: RoutePattern, status: number, options: FaultOptions = {}): Fault {
    const fault = {
      pattern,
      status,
      remaining: options.times ?? 1,
      headers: options.headers ?? {},
      body: options.body ?? { message: MESSAGES[status] ?? `HTTP ${status}`, documentation_url: DOCS, status: String(status) },
      delayMs: options.delayMs ?? 0,
      matches: compilePattern(pattern),
    };
    this.faults.push(fault);
    return fault;
  }

  /** The first armed fault for this request, used up by one. */
  take(method: string, path: string): Fault | undefined {
    const fault = this.faults.find((candidate) => candidate.remaining > 0 && candidate.matches(method, path));
    if (fault) fault.remaining -= 1;
    return fault;
  }

  /** Faults not yet used up. */
  pending(): Fault[] {
    return this.faults.filter((fault) => fault.remaining > 0);
  }

  clear(): void {
    this.faults.length = 0;
  }
}

/** A request held unanswered until the test lets it go: an in-flight delivery without a clock. */
export interface Hold {
  /** Resolves when a matching request has arrived and is being held. */
  arrived: Promise<void>;
  /** Answers the held request (and any later match) as usual. */
  release(): void;
}

export class Holds {
  private readonly holds: Array<{ matches: (method: string, path: string) => boolean; arrive: () => void; gate: Promise<void>; open: () => void }> = [];

  add(pattern: RoutePattern): Hold {
    let arrive!: () => void;
    let open!: () => void;
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    const gate = new Promise<void>((resolve) => (open = resolve));
    this.holds.push({ matches: compilePattern(pattern), arrive, gate, open });
    return { arrived, release: open };
  }

  /** Waits while a hold matches this request. */
  async wait(method: string, path: string): Promise<void> {
    for (const hold of this.holds.filter((candidate) => candidate.matches(method, path))) {
      hold.arrive();
      await hold.gate;
    }
  }

  releaseAll(): void {
    for (const hold of this.holds) hold.open();
  }
}
