/** What a route handler gets and gives back, and GitHub's error bodies and pagination. */
import type { IncomingHttpHeaders } from 'node:http';

export const DOCS = 'https://docs.github.com/rest';

/** A request, already routed: the path without its `/api/v3` prefix, parameters decoded. */
export interface ApiRequest {
  method: string;
  /** The path as routed, e.g. `/repos/Codertocat/Hello-World/pulls/2/files`. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** Where Link headers and `url` fields point: `http://127.0.0.1:PORT` plus the prefix the caller used. */
  apiBase: string;
  /** Who is asking: an installation token's app, when the request carries one. */
  auth: { appId: number; installationId: number; permissions: Record<string, string> } | undefined;
}

export interface ApiReply {
  status: number;
  headers?: Record<string, string>;
  /** JSON unless `raw` is set. */
  body?: unknown;
  raw?: { contentType: string; bytes: Uint8Array };
}

export function json(status: number, body: unknown, headers?: Record<string, string>): ApiReply {
  return headers ? { status, body, headers } : { status, body };
}

/** GitHub's error body: `message`, `documentation_url` and, as it now sends, `status` as a string. */
export function error(status: number, message: string, extra: Record<string, unknown> = {}): ApiReply {
  return { status, body: { message, ...extra, documentation_url: DOCS, status: String(status) } };
}

export const notFound = (): ApiReply => error(404, 'Not Found');

/** 422 in the `validation-error` shape (`errors` as objects). */
export function validationFailed(resource: string, field: string, code: string, message?: string): ApiReply {
  return error(422, 'Validation Failed', { errors: [{ resource, code, field, ...(message === undefined ? {} : { message }) }] });
}

/** 422 in the `validation-error-simple` shape (`errors` as strings), as the review endpoints answer. */
export function unprocessable(...errors: string[]): ApiReply {
  return error(422, 'Unprocessable Entity', { errors });
}

/** An object body, or undefined when the body is not one. */
export function objectBody(request: ApiRequest): Record<string, unknown> | undefined {
  const { body } = request;
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
}

/** A required string field, or the 422 GitHub sends when it is missing. */
export function requireString(body: Record<string, unknown>, field: string, resource: string): string | ApiReply {
  const value = body[field];
  if (typeof value === 'string') return value;
  return value === undefined ? validationFailed(resource, field, 'missing_field') : validationFailed(resource, field, 'invalid');
}

export const isReply = (value: unknown): value is ApiReply => typeof value === 'object' && value !== null && typeof (value as { status?: unknown }).status === 'number';

/** Lists are at most this long per page, whatever `per_page` asks. */
export const MAX_PER_PAGE = 100;

/**
 * One page of a list, with GitHub's Link header (prev, next, last, first) when there is more than
 * one page. `linkPath` is the list's path from the API base (GitHub uses `/repositories/{id}/…`).
 */
export function paginate<T>(request: ApiRequest, items: readonly T[], linkPath: string, defaultPerPage = 30): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Number(request.query.get('per_page')) || defaultPerPage));
  const page = Math.max(1, Number(request.query.get('page')) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  if (last === 1) return { page: slice, headers: {} };
  const url = (target: number): string => {
    const query = new URLSearchParams(request.query);
    query.set('per_page', String(perPage));
    query.set('page', String(target));
    return `<${request.apiBase}${linkPath}?${query.toString()}>`;
  };
  const links: string[] = [];
  if (page > 1) links.push(`${url(Math.min(page - 1, last))}; rel="prev"`);
  if (page < last) links.push(`${url(page + 1)}; rel="next"`, `${url(last)}; rel="last"`);
  if (page > 1) links.push(`${url(1)}; rel="first"`);
  return { page: slice, headers: { link: links.join(', ') } };
}
