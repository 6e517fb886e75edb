// Runs the real `audit:verify` script against a fresh SQLite database of its own (not the run's
// shared one): an empty log, a log from before the head existed, anchoring, and a truncation.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db-client";
import { migrate } from "@/lib/db-migrate";
import { handWrittenAuditRow } from "@/test/audit-rows";

const dir = mkdtempSync(path.join(os.tmpdir(), "opsdeck-audit-verify-"));
const url = `file:${path.join(dir, "audit.db")}`;
const client = createPrismaClient(url);

afterAll(async () => {
  await client.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(...args: string[]): Promise<{ code: number; stdout: string }> {
  const tsx = path.resolve("node_modules/.bin/tsx");
  try {
    const { stdout } = await promisify(execFile)(
      tsx,
      ["--conditions", "react-server", "scripts/audit-verify.ts", ...args],
      {
        env: { ...process.env, DATABASE_URL: url, NODE_ENV: "test" },
      },
    );
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code?: number; stdout?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? "" };
  }
}

describe("npm run audit:verify", () => {
  it("reports an empty log intact, a pre-head log unanchored until --anchor, and a deleted newest event as truncated", async () => {
    await migrate(url);
    expect(await cli()).toEqual({ code: 0, stdout: "intact: 0 events, head seq 0\n" });

    // An event written before heads existed: in the chain, but no head.
    await client.auditEvent.create({ data: handWrittenAuditRow(1) });
    const unanchored = await cli();
    expect(unanchored.code).toBe(1);
    expect(unanchored.stdout).toMatch(/^unanchored: 1 events and no head/);

    const anchored = await cli("--anchor");
    expect(anchored.code).toBe(0);
    expect(anchored.stdout).toContain("anchored (was unanchored); now intact: 2 events, head seq 2\n");
    expect(await cli()).toEqual({ code: 0, stdout: "intact: 2 events, head seq 2\n" });

    await client.auditEvent.delete({ where: { seq: 2 } });
    expect(await cli()).toEqual({ code: 1, stdout: "truncated: head says seq 2, chain ends at seq 1\n" });
  }, 60_000);
});
