import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { prunePendingSignIns } from "@/lib/data/sign-in-methods/prune-pending-sign-ins";
import { uniqueName } from "@/test/helpers";

const pending = (expiresAt: Date, usedAt: Date | null = null) =>
  db.pendingExternalSignIn.create({
    data: {
      tokenHash: uniqueName("hash"),
      purpose: "sign_up",
      provider: "oidc",
      providerAccountId: uniqueName("sub"),
      claims: "{}",
      expiresAt,
      usedAt,
    },
  });
const challenge = (expiresAt: Date) =>
  db.webAuthnChallenge.create({ data: { challengeHash: uniqueName("challenge"), purpose: "sign_in", expiresAt } });

describe("prunePendingSignIns", () => {
  it("forgets expired and used provider sign-ins and expired challenges, and keeps live ones", async () => {
    const past = new Date(Date.now() - 60_000);
    const future = new Date(Date.now() + 10 * 60_000);
    const [expired, used, live] = [await pending(past), await pending(future, new Date()), await pending(future)];
    const [old, fresh] = [await challenge(past), await challenge(future)];
    expect(await prunePendingSignIns()).toBeGreaterThanOrEqual(3);
    const left = await db.pendingExternalSignIn.findMany({
      where: { id: { in: [expired.id, used.id, live.id] } },
      select: { id: true },
    });
    expect(left).toEqual([{ id: live.id }]);
    const challenges = await db.webAuthnChallenge.findMany({
      where: { id: { in: [old.id, fresh.id] } },
      select: { id: true },
    });
    expect(challenges).toEqual([{ id: fresh.id }]);
  });
});
