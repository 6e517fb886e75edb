import { runInNewContext } from "node:vm";
import { setFlagsFromString } from "node:v8";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { exportAuditEvents } from "@/lib/data/audit/export-audit-events";
import { seedAuditEvents, type SeededRange } from "@/lib/data/audit/audit-test-kit";
import { parseAuditListQuery } from "@/lib/validations/audit-list-query";
import { viewerWithPermissions } from "@/test/role-viewers";
import { testContext, uniqueName } from "@/test/helpers";

// A real collector, so the heap can be measured after garbage is gone (what the export retains).
setFlagsFromString("--expose_gc");
const gc = runInNewContext("gc") as () => void;

const ROWS = 100_000;
const m = uniqueName("ex");
let reader: Viewer;
let seeded: SeededRange;

beforeAll(async () => {
  reader = await viewerWithPermissions(["audit.read"]);
  seeded = await seedAuditEvents(ROWS, (i) => ({
    action: i % 10 === 0 ? "auth.sign_in_failed" : "customer.updated",
    actorId: reader.userId,
    actorName: i === 0 ? '=HYPERLINK("http://evil")' : 'Reader, "the" person',
    targetType: "customer",
    targetId: `${m}-${i}`,
    outcome: i % 10 === 0 ? "failure" : "success",
    ipAddress: "10.1.2.3",
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64), "quoted"',
    // About 300 bytes of metadata each: buffering every row would take well over 60 MB.
    metadata: { marker: m, i, note: "x".repeat(200), changed: ["name"], nameBefore: "Old", nameAfter: "New" },
  }));
}, 300_000);

afterAll(async () => {
  await seeded.restore();
}, 120_000);

async function consume(stream: ReadableStream<Uint8Array>, onChunk: (text: string) => void) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    onChunk(decoder.decode(value, { stream: true }));
  }
}

describe("exportAuditEvents", () => {
  it("streams 100,000 rows as CSV with bounded memory", async () => {
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = 0;
    let lines = 0;
    let chunks = 0;
    let bytes = 0;
    let firstChunk = "";
    const result = await exportAuditEvents(
      reader,
      // Quoted as in the metadata's JSON, so the export's own audit event (its filter) is not a match.
      parseAuditListQuery({ q: `"marker":"${m}"` }),
      "csv",
      testContext(),
    );
    expect(result.filename).toMatch(/^activity-log-\d{4}-\d{2}-\d{2}\.csv$/);
    await consume(result.body, (text) => {
      if (chunks === 1) firstChunk = text;
      chunks++;
      bytes += text.length;
      lines += text.split("\r\n").length - 1;
      if (chunks % 10 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
      }
    });
    expect(lines).toBe(1 + ROWS);
    // One header chunk and one chunk per batch of 1,000.
    expect(chunks).toBe(1 + ROWS / 1000);
    expect(bytes).toBeGreaterThan(ROWS * 300);
    // Buffering the export would retain its whole text (well over 30 MB) and the rows behind it;
    // streaming retains one batch.
    expect(peak).toBeLessThan(15 * 1024 * 1024);
    const rows = parse(firstChunk) as string[][];
    expect(rows).toHaveLength(1000);
    expect(rows[0]![14]).toBe(`${m}-99999`);
    expect(rows[999]![14]).toBe(`${m}-99000`);
  }, 300_000);

  it("streams JSON Lines newest first, one event per line", async () => {
    let lines = 0;
    let first: Record<string, unknown> | null = null;
    let last = "";
    let rest = "";
    const result = await exportAuditEvents(
      reader,
      parseAuditListQuery({ q: m, outcome: "failure" }),
      "jsonl",
      testContext(),
    );
    expect(result.contentType).toBe("application/x-ndjson; charset=utf-8");
    await consume(result.body, (text) => {
      const parts = (rest + text).split("\n");
      rest = parts.pop()!;
      for (const line of parts) {
        lines++;
        if (!first) first = JSON.parse(line) as Record<string, unknown>;
        last = line;
      }
    });
    expect(rest).toBe("");
    expect(lines).toBe(ROWS / 10);
    expect(first).toMatchObject({ action: "auth.sign_in_failed", outcome: "failure", target: { id: `${m}-99990` } });
    expect(JSON.parse(last)).toMatchObject({ target: { id: `${m}-0` } });
  }, 300_000);

  it("escapes CSV cells: commas, quotes and formula-shaped values", async () => {
    const result = await exportAuditEvents(
      reader,
      parseAuditListQuery({ q: m, target_id: `${m}-0` }),
      "csv",
      testContext(),
    );
    let text = "";
    await consume(result.body, (t) => (text += t));
    const rows = parse(text) as string[][];
    expect(rows[0]).toEqual([
      "id",
      "seq",
      "created_at",
      "action",
      "label",
      "crud",
      "outcome",
      "reason",
      "actor_type",
      "actor_id",
      "actor_name",
      "impersonator_id",
      "api_key_id",
      "target_type",
      "target_id",
      "target_name",
      "request_id",
      "ip",
      "user_agent",
      "metadata",
    ]);
    expect(rows).toHaveLength(2);
    const row = Object.fromEntries(rows[0]!.map((h, i) => [h, rows[1]![i]]));
    expect(row.actor_name).toBe('\'=HYPERLINK("http://evil")');
    expect(row.user_agent).toBe('Mozilla/5.0 (X11; Linux x86_64), "quoted"');
    expect(row.action).toBe("auth.sign_in_failed");
    expect(row.crud).toBe("action");
    expect(JSON.parse(row.metadata!)).toMatchObject({ marker: m, i: 0, nameAfter: "New" });
  });

  it("audits each export with its filter and format, and requires audit.read", async () => {
    const ctx = testContext();
    await exportAuditEvents(reader, parseAuditListQuery({ q: m, action: "auth.*", range: "7d" }), "jsonl", ctx);
    const event = await db.auditEvent.findFirst({
      where: { action: "audit.exported", requestId: ctx.requestId },
      select: { actorId: true, metadata: true },
    });
    expect(event?.actorId).toBe(reader.userId);
    expect(JSON.parse(event!.metadata)).toEqual({ format: "jsonl", filter: `q=${m}&action=auth.*&range=7d` });
    const own = await viewerWithPermissions(["audit.read_own"]);
    await expect(exportAuditEvents(own, parseAuditListQuery({}), "csv", testContext())).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it("oldest first, leaves out events written while the export runs", async () => {
    const target = `${m}-late`;
    const { audit } = await import("@/lib/audit/audit");
    await audit({
      action: "customer.updated",
      actorId: reader.userId,
      targetType: "customer",
      targetId: target,
      metadata: { marker: m },
    });
    const result = await exportAuditEvents(
      reader,
      parseAuditListQuery({ target_id: target, sort: "seq" }),
      "jsonl",
      testContext(),
      { batch: 1 },
    );
    // Written after the export started, before its first batch was read.
    await audit({
      action: "customer.updated",
      actorId: reader.userId,
      targetType: "customer",
      targetId: target,
      metadata: { marker: m },
    });
    let text = "";
    await consume(result.body, (t) => (text += t));
    expect(text.trim().split("\n")).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { targetId: target } })).toBe(2);
  });
});
