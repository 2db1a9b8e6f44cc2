import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** A person at the identity provider. */
export interface IdpAccount {
  email: string;
  emailVerified: boolean;
  name: string;
}

/** Who signs in at the provider's login step: an account's subject, or a refusal. */
export type IdpLogin = { subject: string } | { deny: string };

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** People by subject; tests add their own. */
  accounts: Map<string, IdpAccount>;
  /**
   * Plays the browser at the provider: follows the redirects from Chorus's authorization URL through
   * the login and consent steps and returns the URL the provider sends the browser back to.
   */
  authorize(authorizationUrl: string, login: IdpLogin): Promise<URL>;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (oidc-provider) on 127.0.0.1, with one confidential client registered for
 * `redirectUri`. Its login and consent steps finish at once as the test says (no HTML to fill in), so
 * the authorization-code flow runs over HTTP exactly as a browser would drive it.
 */
export async function startTestIdp(redirectUri: string): Promise<TestIdp> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'chorus';
  const clientSecret = randomBytes(24).toString('base64url');
  const accounts = new Map<string, IdpAccount>();
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: 'test-key', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: false } },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
    },
    async findAccount(_ctx: unknown, sub: string) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        async claims() {
          return { sub, email: account.email, email_verified: account.emailVerified, name: account.name };
        },
      };
    },
  });

  let next: IdpLogin = { deny: 'no login arranged' };
  const handle = provider.callback();
  server.on('request', (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return handle(req, res);
    interact(req, res).catch((err: Error) => {
      res.statusCode = 500;
      res.end(`interaction failed: ${err.message}`);
    });
  });

  async function interact(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if ('deny' in next) {
      return provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: next.deny },
        { mergeWithLastSubmission: false },
      );
    }
    if (details.prompt.name === 'login') {
      return provider.interactionFinished(
        req,
        res,
        { login: { accountId: next.subject } },
        { mergeWithLastSubmission: false },
      );
    }
    const grant = new provider.Grant({
      accountId: details.session!.accountId!,
      clientId: String(details.params.client_id),
    });
    grant.addOIDCScope(String(details.params.scope));
    return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } });
  }

  async function authorize(authorizationUrl: string, login: IdpLogin): Promise<URL> {
    next = login;
    // A fresh browser each time: no provider session carries over from the previous person.
    const jar = new Map<string, string>();
    let url = new URL(authorizationUrl);
    for (let hop = 0; hop < 20; hop++) {
      const res = await fetch(url, {
        redirect: 'manual',
        headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const eq = pair!.indexOf('=');
        const name = pair!.slice(0, eq).trim();
        const value = pair!.slice(eq + 1).trim();
        if (value && !/expires=Thu, 01 Jan 1970/i.test(c)) jar.set(name, value);
        else jar.delete(name);
      }
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) {
        throw new Error(`provider answered ${res.status} at ${url.pathname}: ${await res.text()}`);
      }
      await res.body?.cancel();
      url = new URL(location, url);
      if (url.href.startsWith(redirectUri)) return url;
    }
    throw new Error('too many redirects at the provider');
  }

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    authorize,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
