// A real OpenID Connect provider (the `oidc-provider` package) on 127.0.0.1 for tests: one
// confidential client, accounts whose claims a test sets (sub, email, email_verified, names, amr,
// acr), and a plain login page of its own ("Sign in as" a subject, no password) that finishes with
// consent already given. Integration tests drive it with fetch (`authorizeAs`); the e2e web server
// starts it through test/oidc-provider-server.ts and specs set accounts over HTTP (POST /__test/accounts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
// @ts-expect-error -- oidc-provider ships no type declarations; the few calls used are typed below.
import ProviderCtor from "oidc-provider";
import { TEST_OIDC_CLIENT } from "@/test/oidc-client";

export { TEST_OIDC_CLIENT };

export type TestAccount = {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  given_name?: string;
  family_name?: string;
  preferred_username?: string;
  /** Authentication methods reported in the ID token (RFC 8176), e.g. ["pwd", "otp"]. */
  amr?: string[];
  acr?: string;
};

export type TestOidcProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  setAccount(account: TestAccount): void;
  close(): Promise<void>;
};

type Interaction = { uid: string; params: Record<string, string>; prompt: { name: string } };
type OidcProvider = {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
  interactionFinished(req: IncomingMessage, res: ServerResponse, result: object, options?: object): Promise<void>;
  Grant: new (init: { accountId: string; clientId: string }) => {
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  };
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

/**
 * Starts the provider. `port` 0 (default) picks a free one; `redirectUris` are the client's
 * registered callbacks (Auth.js's: <APP_URL>/api/auth/callback/oidc).
 */
export async function startOidcProvider(options: { port?: number; redirectUris: string[] }): Promise<TestOidcProvider> {
  const accounts = new Map<string, TestAccount>();
  const started: { provider?: OidcProvider } = {};
  const server: Server = createServer((req, res) => void handle(req, res));

  async function handle(req: IncomingMessage, res: ServerResponse) {
    try {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      if (url.pathname === "/__test/accounts" && req.method === "POST") {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const account = JSON.parse(Buffer.concat(chunks).toString("utf8")) as TestAccount;
        accounts.set(account.sub, account);
        res.writeHead(204).end();
        return;
      }
      const interaction = /^\/interaction\/([\w-]+)$/.exec(url.pathname);
      const provider = started.provider;
      if (interaction && provider) {
        const details = await provider.interactionDetails(req, res);
        if (req.method === "GET") {
          res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
          res.end(`<!doctype html><html><head><title>Test identity provider</title></head><body>
<h1>Test identity provider</h1><p>Signing in to ${escapeHtml(details.params.client_id ?? "")}</p>
<form method="post" action="/interaction/${escapeHtml(details.uid)}">
<label>Sign in as <input name="login" autocomplete="off" required></label>
<button type="submit">Sign in</button></form></body></html>`);
          return;
        }
        const form = await readForm(req);
        const accountId = form.get("login") ?? "";
        const account = accounts.get(accountId);
        if (!account) {
          res.writeHead(400, { "content-type": "text/plain" }).end(`unknown test account ${accountId}`);
          return;
        }
        const grant = new provider.Grant({ accountId, clientId: details.params.client_id ?? "" });
        grant.addOIDCScope(details.params.scope ?? "openid");
        const grantId = await grant.save();
        await provider.interactionFinished(
          req,
          res,
          {
            login: {
              accountId,
              ...(account.amr ? { amr: account.amr } : {}),
              ...(account.acr ? { acr: account.acr } : {}),
            },
            consent: { grantId },
          },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      started.provider?.callback()(req, res);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(error));
    }
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  started.provider = new ProviderCtor(issuer, {
    clients: [
      {
        client_id: TEST_OIDC_CLIENT.clientId,
        client_secret: TEST_OIDC_CLIENT.clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    async findAccount(_ctx: unknown, id: string) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        async claims() {
          return account;
        },
      };
    },
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      // amr and acr released with the profile scope: the test accounts' claims() give them.
      profile: ["name", "given_name", "family_name", "preferred_username", "amr", "acr"],
    },
    // Auth.js reads the profile from the ID token: put the scopes' claims there too.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, i: { uid: string }) => `/interaction/${i.uid}` },
    cookies: { keys: ["opsdeck-test-oidc-cookie-key-0123456789"] },
    pkce: { required: () => true },
  }) as OidcProvider;

  return {
    issuer,
    ...TEST_OIDC_CLIENT,
    setAccount: (account) => void accounts.set(account.sub, account),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A tiny cookie jar for driving the provider and the app with fetch. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === "" || /max-age=0/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }
  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/**
 * Follows an authorization URL through the provider's login page as `sub`, like a browser would,
 * and returns the redirect back to the client (the callback URL with code and state).
 */
export async function authorizeAs(authorizationUrl: string, sub: string, jar = new CookieJar()): Promise<string> {
  let url = authorizationUrl;
  let method = "GET";
  let body: string | undefined;
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(url, {
      method,
      redirect: "manual",
      headers: { cookie: jar.header(), ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
      body,
    });
    jar.store(response);
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, url).toString();
      if (!next.startsWith(new URL(authorizationUrl).origin)) return next;
      url = next;
      method = "GET";
      body = undefined;
      continue;
    }
    if (response.status === 200 && /\/interaction\//.test(url) && method === "GET") {
      await response.text();
      method = "POST";
      body = new URLSearchParams({ login: sub }).toString();
      continue;
    }
    throw new Error(`unexpected answer ${response.status} from ${url}: ${(await response.text()).slice(0, 300)}`);
  }
  throw new Error("too many redirects at the test provider");
}
