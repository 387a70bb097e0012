/** GitHub App authentication: a JWT buys an installation token, and the token authorises API calls. */
import { createPublicKey, randomBytes, verify, type KeyObject } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { error, json, objectBody, type ApiReply, type ApiRequest } from './http.js';
import type { Route } from './router.js';

export interface AuthOptions {
  /** `false` lets requests without a token through (as the app's own identity is then unknown). Default true. */
  required?: boolean;
  /** When set, a JWT must be issued by this app id. */
  appId?: number;
  /** When set (the app's private or public key, PEM), a JWT's RS256 signature is verified. */
  key?: string;
  /** What installation tokens may do; default: what specgate's app.yml asks for. */
  permissions?: Record<string, 'read' | 'write'>;
}

export const DEFAULT_PERMISSIONS: Record<string, 'read' | 'write'> = { checks: 'write', contents: 'write', issues: 'write', merge_queues: 'read', metadata: 'read', pull_requests: 'write' };

export interface Installation {
  appId: number;
  installationId: number;
  permissions: Record<string, string>;
}

const base64url = (text: string): Buffer => Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');

export class Auth {
  private readonly tokens = new Map<string, Installation & { expiresAt: number }>();
  private readonly key: KeyObject | undefined;

  constructor(private readonly options: AuthOptions = {}) {
    this.key = options.key ? createPublicKey(options.key) : undefined;
  }

  get required(): boolean {
    return this.options.required !== false;
  }

  /** A token as if the app had asked for one (for tests that call the API directly). */
  issue(installationId = 1, appId = this.options.appId ?? 1, permissions: Record<string, string> = this.options.permissions ?? DEFAULT_PERMISSIONS): string {
    const token = `ghs_${randomBytes(18).toString('hex')}`;
    this.tokens.set(token, { appId, installationId, permissions, expiresAt: Date.now() + 3600_000 });
    return token;
  }

  /** The app id of a valid app JWT, or GitHub's 401. */
  private appFromJwt(jwt: string): number | ApiReply {
    const [header, payload, signature] = jwt.split('.');
    let claims: { iss?: unknown; exp?: unknown; iat?: unknown };
    try {
      claims = JSON.parse(base64url(payload ?? '').toString('utf8')) as typeof claims;
      if (!header || !signature) throw new Error('not a JWT');
    } catch {
      return error(401, 'A JSON web token could not be decoded');
    }
    const now = Math.floor(Date.now() / 1000);
    if (typeof claims.exp !== 'number' || claims.exp < now) {
      return error(401, "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires");
    }
    if (typeof claims.iat === 'number' && claims.iat > now + 60) return error(401, "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued");
    const appId = Number(claims.iss);
    if (!Number.isInteger(appId) || (this.options.appId !== undefined && appId !== this.options.appId)) return error(401, 'Integration not found');
    if (this.key && !verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), this.key, base64url(signature!))) {
      return error(401, 'A JSON web token could not be decoded');
    }
    return appId;
  }

  /** `POST /app/installations/{installation_id}/access_tokens`, authenticated with the app's JWT. */
  readonly tokenRoute: Route = {
    method: 'POST',
    template: '/app/installations/{installation_id}/access_tokens',
    handle: (request: ApiRequest) => {
      const credentials = /^bearer\s+(\S+)$/i.exec(String(request.headers.authorization ?? ''));
      if (!credentials) return error(401, 'A JSON web token could not be decoded');
      const appId = this.appFromJwt(credentials[1]!);
      if (typeof appId !== 'number') return appId;
      const installationId = Number(request.params.installation_id);
      const asked = objectBody(request)?.permissions as Record<string, string> | undefined;
      const permissions = asked ?? this.options.permissions ?? DEFAULT_PERMISSIONS;
      const token = this.issue(installationId, appId, permissions);
      return json(201, {
        token,
        expires_at: new Date(this.tokens.get(token)!.expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        permissions,
        repository_selection: 'all',
      });
    },
  };

  /**
   * The installation behind a request's token; undefined for no token when tokens are optional;
   * GitHub's 401 for a bad or (when required) missing token.
   */
  identify(headers: IncomingHttpHeaders): Installation | undefined | ApiReply {
    const credentials = /^(?:token|bearer)\s+(\S+)$/i.exec(String(headers.authorization ?? ''));
    if (!credentials) return this.required ? error(401, 'Requires authentication') : undefined;
    const found = this.tokens.get(credentials[1]!);
    if (!found || found.expiresAt < Date.now()) return error(401, 'Bad credentials');
    return found;
  }
}
