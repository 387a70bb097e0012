/** Routes as GitHub's path templates (`/repos/{owner}/{repo}/pulls/{pull_number}`), matched on the raw path. */
import { error, notFound, type ApiReply, type ApiRequest } from './http.js';
import type { Urls } from './shapes.js';
import type { PullRecord, RepoState, World } from './state.js';

export interface StandInContext {
  world: World;
  urls: Urls;
}

/** A permission that lets an installation token use a route; any one of a route's list will do. */
export type Needs = Array<[scope: string, level: 'read' | 'write']>;

export interface Route {
  method: string;
  /** GitHub's template; `{name+}` takes the rest of the path (a file path). */
  template: string;
  needs?: Needs;
  handle: (request: ApiRequest, context: StandInContext) => ApiReply | Promise<ApiReply>;
}

/** The parameters of `path` under `template`, or undefined when it does not match. */
export function matchTemplate(template: string, path: string): Record<string, string> | undefined {
  const want = template.split('/');
  const got = path.split('/');
  const params: Record<string, string> = {};
  for (let index = 0; index < want.length; index++) {
    const segment = want[index]!;
    const greedy = /^\{(\w+)\+\}$/.exec(segment);
    if (greedy) {
      const rest = got.slice(index);
      if (rest.length === 0 || rest.join('') === '') return undefined;
      params[greedy[1]!] = safeDecode(rest.join('/'));
      return params;
    }
    const value = got[index];
    const param = /^\{(\w+)\}$/.exec(segment);
    if (!param) {
      if (segment !== value) return undefined;
      continue;
    }
    if (value === undefined || value === '') return undefined;
    params[param[1]!] = safeDecode(value);
  }
  return got.length === want.length ? params : undefined;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function findRoute(routes: readonly Route[], method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
  for (const route of routes) {
    if (route.method !== method) continue;
    const params = matchTemplate(route.template, path);
    if (params) return { route, params };
  }
  return undefined;
}

/** A route on one repository: 404 when the stand-in has no such repository, as GitHub answers. */
export function repoRoute(
  method: string,
  template: string,
  needs: Needs,
  handle: (request: ApiRequest, repo: RepoState, context: StandInContext) => ApiReply | Promise<ApiReply>,
): Route {
  return {
    method,
    template,
    needs,
    handle: (request, context) => {
      const repo = context.world.repo(request.params.owner ?? '', request.params.repo ?? '');
      return repo ? handle(request, repo, context) : notFound();
    },
  };
}

/** The pull request a route names, or GitHub's 404. */
export function pullOf(request: ApiRequest, repo: RepoState, param = 'pull_number'): PullRecord | ApiReply {
  return repo.pulls.get(Number(request.params[param])) ?? notFound();
}

const LEVEL = { read: 1, write: 2 } as const;

/** The 403 GitHub sends an installation whose token lacks every permission the route needs. */
export function permissionDenied(route: Route, request: ApiRequest): ApiReply | undefined {
  if (!route.needs || route.needs.length === 0 || !request.auth) return undefined;
  const granted = request.auth.permissions;
  const allowed = route.needs.some(([scope, level]) => {
    const has = granted[scope] as 'read' | 'write' | undefined;
    return has !== undefined && LEVEL[has] >= LEVEL[level];
  });
  return allowed ? undefined : error(403, 'Resource not accessible by integration');
}
