// @auth/prisma-adapter over the app's Prisma client, in two shapes.
//
// - `accountStore(tx)`: the adapter's Account writes (linkAccount, unlinkAccount) and lookup
//   (getUserByAccount), run inside the caller's transaction so the audit row commits with them.
//   Only lib/data/sign-in-methods calls it, after the app's own rules decided a link is allowed.
// - `authJsAdapter()`: what Auth.js itself is handed. It finds nobody and writes nothing:
//   looking up by account, creating users, reading users by email (Auth.js's email-match linking) and every session or
//   token method refuse. The sign-in callback (lib/auth/external/auth-config.ts) always ends the
//   flow with its own redirect, so Auth.js never reaches them; should it ever, it fails closed.
import "server-only";
import type { Adapter } from "@auth/core/adapters";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Db, Tx } from "@/lib/db";

type AdapterClient = Parameters<typeof PrismaAdapter>[0];

function prismaAdapter(client: Db | Tx): Adapter {
  // The generated client (generated/sqlite, generated/postgres) has the adapter's model shape
  // (User, Account); its type comes from a different package than @prisma/client.
  return PrismaAdapter(client as unknown as AdapterClient);
}

export type NewAccountLink = {
  userId: string;
  provider: string;
  providerAccountId: string;
  type: "oidc" | "oauth";
  email: string | null;
};

/** The adapter's Account operations inside one transaction. No provider tokens are kept. */
export function accountStore(tx: Tx) {
  const adapter = prismaAdapter(tx);
  return {
    async link(link: NewAccountLink): Promise<void> {
      await adapter.linkAccount!({
        userId: link.userId,
        provider: link.provider,
        providerAccountId: link.providerAccountId,
        type: link.type,
        // Columns of this app's Account beyond the adapter's shape (prisma/schema.prisma).
        ...({ email: link.email, lastUsedAt: new Date() } as object),
      });
    },
    async unlink(provider: string, providerAccountId: string): Promise<void> {
      await adapter.unlinkAccount!({ provider, providerAccountId });
    },
  };
}

class RefusedByDesign extends Error {
  constructor(method: string) {
    super(`Auth.js adapter method ${method} is not available: the app's own rules create users and links`);
  }
}

/** The adapter Auth.js is configured with: every lookup finds nobody, every write refuses. */
export function authJsAdapter(): Adapter {
  const refuse = (method: string) => () => Promise.reject(new RefusedByDesign(method));
  return {
    // Never by provider identity either: Auth.js would hand the found user to the sign-in callback
    // in place of what the provider said (its email for one), and it looks the raw subject up, not
    // the app's key (providers.ts accountKey). The callback finds the link itself.
    getUserByAccount: () => Promise.resolve(null),
    // Never by email: an address matching an account proves nothing.
    getUserByEmail: () => Promise.resolve(null),
    createUser: refuse("createUser"),
    getUser: refuse("getUser"),
    updateUser: refuse("updateUser"),
    deleteUser: refuse("deleteUser"),
    linkAccount: refuse("linkAccount"),
    unlinkAccount: refuse("unlinkAccount"),
    createSession: refuse("createSession"),
    getSessionAndUser: refuse("getSessionAndUser"),
    updateSession: refuse("updateSession"),
    deleteSession: refuse("deleteSession"),
    createVerificationToken: refuse("createVerificationToken"),
    useVerificationToken: refuse("useVerificationToken"),
  };
}
