/**
 * The stand-in's HTTP server: GitHub's REST API under `/` and `/api/v3` (GitHub Enterprise Server
 * style, so Probot reaches it with GHE_HOST and GHE_PROTOCOL=http), with a request log, optional
 * latency, and fault injection.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Auth, type AuthOptions } from './auth.js';
import { RepoHandle } from './handle.js';
import { error, isReply, notFound, type ApiReply, type ApiRequest } from './http.js';
import { findRoute, permissionDenied, type Route, type StandInContext } from './router.js';
import { checkRoutes } from './routes-checks.js';
import { contentRoutes } from './routes-contents.js';
import { issueRoutes } from './routes-issues.js';
import { pullRoutes } from './routes-pulls.js';
import { gitRoutes } from './routes-git.js';
import { AppHook } from './hooks.js';
import type { Urls } from './shapes.js';
import { RepoState, World, type Content } from './state.js';
import { clock, FaultInjector, Holds, RequestLog, type Hold, type Fault, type FaultOptions, type RequestRecord, type RoutePattern } from './traffic.js';

export interface StandInOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Milliseconds added to every response (for benchmarks). Can be changed later with `latencyMs`. */
  latencyMs?: number;
  auth?: AuthOptions;
  /** The slug of the app whose installation tokens call the API (its bot is `<slug>[bot]`); default `specgate`. */
  appSlug?: string;
}

export interface AddRepo {
  owner: string;
  name: string;
  /** GitHub's repository id (default: a fresh one). */
  id?: number;
  ownerId?: number;
  ownerType?: 'User' | 'Organization';
  /** Default `main`. */
  defaultBranch?: string;
  private?: boolean;
  /** The default branch's files. */
  files?: Record<string, Content>;
}

const PREFIX = '/api/v3';

export class GitHubStandIn {
  readonly world = new World();
  readonly log = new RequestLog();
  readonly faults = new FaultInjector();
  /** The app's webhook: deliveries sent to the app, listed and redelivered through the App API. */
  readonly hook = new AppHook();
  private readonly holds = new Holds();
  /** Errors thrown by the stand-in's own handlers (answered 500): a test should expect none. */
  readonly handlerErrors: unknown[] = [];
  latencyMs: number;
  private readonly auth: Auth;
  private readonly routes: Route[];
  private readonly server: Server;
  private origin = '';

  private constructor(options: StandInOptions) {
    this.latencyMs = options.latencyMs ?? 0;
    this.auth = new Auth(options.auth);
    if (options.appSlug) this.world.appSlug = options.appSlug;
    this.routes = [this.auth.tokenRoute, ...this.hook.routes, ...contentRoutes, ...pullRoutes, ...issueRoutes, ...checkRoutes, ...gitRoutes];
    this.server = createServer((request, response) => {
      this.serve(request, response).catch((thrown: unknown) => {
        // A client that went away mid-request: nothing to answer.
        this.handlerErrors.push(thrown);
        response.destroy();
      });
    });
    // Idle keep-alive connections stay open until close(). With Node's 5 s default the server
    // could close a socket just as a client, slowed down by a busy machine, sends its next
    // request on it: that request fails with ECONNRESET. The client closes idle sockets itself.
    this.server.keepAliveTimeout = 0;
  }

  /** Starts a stand-in on 127.0.0.1. */
  static async start(options: StandInOptions = {}): Promise<GitHubStandIn> {
    const standIn = new GitHubStandIn(options);
    await new Promise<void>((resolve, reject) => {
      standIn.server.once('error', reject);
      standIn.server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    standIn.origin = `http://127.0.0.1:${(standIn.server.address() as AddressInfo).port}`;
    return standIn;
  }

  /** `http://127.0.0.1:PORT`: the "web" side (`html_url`s). */
  get url(): string {
    return this.origin;
  }

  /** `http://127.0.0.1:PORT/api/v3`: Octokit's `baseUrl`. */
  get apiUrl(): string {
    return `${this.origin}${PREFIX}`;
  }

  /** `127.0.0.1:PORT`: Probot's `GHE_HOST` (with `GHE_PROTOCOL=http`). */
  get gheHost(): string {
    return new URL(this.origin).host;
  }

  private get urls(): Urls {
    return { api: this.apiUrl, web: this.origin };
  }

  addRepo(options: AddRepo): RepoHandle {
    const owner = this.world.user(options.owner, options.ownerType ?? 'User', options.ownerId);
    const repo = new RepoState(this.world, options.id ?? this.world.id(), owner, options.name, options.defaultBranch ?? 'main', options.private ?? false, options.files ?? {});
    this.world.repos.set(repo.fullName.toLowerCase(), repo);
    return new RepoHandle(repo, () => this.urls);
  }

  repo(owner: string, name: string): RepoHandle {
    const repo = this.world.repo(owner, name);
    if (!repo) throw new Error(`The stand-in has no repository ${owner}/${name}`);
    return new RepoHandle(repo, () => this.urls);
  }

  /** Installation token for direct API calls in tests. */
  token(installationId = 1): string {
    return this.auth.issue(installationId);
  }

  /** The next `times` requests matching `pattern` fail with `status` (and the given headers or body). */
  failNext(pattern: RoutePattern, status: number, options: FaultOptions = {}): Fault {
    return this.faults.add(pattern, status, options);
  }

  /** Matching requests wait unanswered until `release()`: work in flight, held by a slow GitHub. */
  hold(pattern: RoutePattern): Hold {
    return this.holds.add(pattern);
  }

  /** Every request so far, in arrival order. */
  get requests(): readonly RequestRecord[] {
    return this.log.records;
  }

  /** Requests no route answered (404): calls the app makes that the stand-in does not implement. */
  get unknownRequests(): RequestRecord[] {
    return this.log.records.filter((record) => record.route === null);
  }

  async close(): Promise<void> {
    this.holds.releaseAll();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  private async serve(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const start = clock();
    const method = incoming.method ?? 'GET';
    const url = new URL(incoming.url ?? '/', this.origin);
    const prefix = url.pathname === PREFIX || url.pathname.startsWith(`${PREFIX}/`) ? PREFIX : '';
    let path = url.pathname.slice(prefix.length) || '/';
    // GitHub's Link headers name repositories by id.
    const byId = /^\/repositories\/(\d+)(\/.*)?$/.exec(path);
    const repoById = byId ? this.world.repoById(Number(byId[1])) : undefined;
    if (byId && repoById) path = `/repos/${repoById.fullName}${byId[2] ?? ''}`;

    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    let routeTemplate: string | null = null;
    let fault = false;
    let reply: ApiReply;
    try {
      // At least latencyMs on the log's clock (a timer may fire a fraction of a millisecond early).
      for (let left = this.latencyMs; left > 0; left = start + this.latencyMs - clock()) await sleep(Math.ceil(left));
      await this.holds.wait(method, path);
      const found = findRoute(this.routes, method, path);
      routeTemplate = found?.route.template ?? null;
      const injected = this.faults.take(method, path);
      if (injected) {
        fault = true;
        if (injected.delayMs > 0) await sleep(injected.delayMs);
        reply = { status: injected.status, headers: injected.headers, body: injected.body };
      } else if (!found) {
        reply = notFound();
      } else {
        reply = await this.answer(found.route, { method, path, params: found.params, query: url.searchParams, headers: incoming.headers, body: undefined, apiBase: `${this.origin}${prefix}`, auth: undefined }, chunks);
      }
    } catch (thrown) {
      this.handlerErrors.push(thrown);
      reply = error(500, 'Server Error');
    }
    try {
      this.send(response, reply);
    } catch (thrown) {
      this.handlerErrors.push(thrown);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ message: 'Server Error' }));
      reply = { status: 500 };
    }
    this.log.add({ method, path, query: url.search, route: routeTemplate, status: reply.status, start, end: clock(), fault });
  }

  private async answer(route: Route, request: ApiRequest, chunks: Buffer[]): Promise<ApiReply> {
    const text = Buffer.concat(chunks).toString('utf8');
    if (text.trim() !== '') {
      try {
        request.body = JSON.parse(text);
      } catch {
        return error(400, 'Problems parsing JSON');
      }
    }
    if (route.asApp) {
      const app = this.auth.identifyApp(request.headers);
      if (typeof app !== 'number') return app;
    } else if (route !== this.auth.tokenRoute) {
      const identity = this.auth.identify(request.headers);
      if (isReply(identity)) return identity;
      request.auth = identity;
      const denied = permissionDenied(route, request);
      if (denied) return denied;
    }
    const context: StandInContext = { world: this.world, urls: this.urls };
    return route.handle(request, context);
  }

  private send(response: ServerResponse, reply: ApiReply): void {
    const reset = Math.floor(Date.now() / 1000) + 3600;
    const headers: Record<string, string> = {
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': randomUUID().toUpperCase(),
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-reset': String(reset),
      'x-ratelimit-used': '1',
      'x-ratelimit-resource': 'core',
    };
    let payload: Uint8Array;
    if (reply.raw) {
      headers['content-type'] = reply.raw.contentType;
      headers['x-github-media-type'] = 'github.v3; param=raw';
      payload = reply.raw.bytes;
    } else {
      headers['content-type'] = 'application/json; charset=utf-8';
      payload = Buffer.from(reply.body === undefined ? '' : JSON.stringify(reply.body), 'utf8');
    }
    Object.assign(headers, reply.headers ?? {});
    headers['content-length'] = String(payload.length);
    response.writeHead(reply.status, headers);
    response.end(payload);
  }
}
