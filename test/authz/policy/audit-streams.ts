// The authorization matrix's entries for one area: audit streams (lib/data/audit-streams,
// lib/actions/audit-streams, /logs/streams). Merged into test/authz/access-policy.ts.
//
// Every action needs audit.manage; adding and resuming a stream also audit.read (as do a URL or filter
// change, not exercised here: the update case only renames). The streams the cases act on are written straight to the
// database (a fresh one per cell) pointing at a documentation address (203.0.113.10): an allowed
// test or "deliver now" is refused by the address check before any network traffic, and still
// answers ok with the refusal as its result. The database module is imported inside the factories
// only: the page suite (e2e) loads this file too and never calls them.
import type { Access } from "../access";
import type { AreaPolicy } from "../access-policy";
import { perm } from "../access";
import { missingId } from "../fixtures";

const UNREACHABLE = "https://203.0.113.10/opsdeck";

async function freshStream() {
  const { db } = await import("../../../lib/db");
  const { encryptSecret } = await import("../../../lib/auth/crypto");
  const tag = Math.random().toString(36).slice(2, 10);
  const newest = await db.auditEvent.aggregate({ _max: { seq: true } });
  return db.auditStream.create({
    data: {
      name: `Matrix stream ${tag}`,
      url: UNREACHABLE,
      secretCipher: encryptSecret(`whsec_matrix${tag}`),
      secretHint: tag.slice(-4),
      cursorSeq: newest._max.seq ?? 0,
    },
    select: { id: true, version: true },
  });
}

/** Streams are capped (20): the create case clears the matrix's own before each cell. */
async function roomForOne() {
  const { db } = await import("../../../lib/db");
  await db.auditStream.deleteMany({ where: { name: { startsWith: "Matrix" } } });
}

const MANAGE = perm("audit.manage");
/** A stream reads the whole log: adding one or resuming one needs audit.read too (security review F14). */
const MANAGE_AND_READ: Access = {
  kind: "permission",
  anyOf: ["audit.manage"],
  andAllOf: ["audit.read"],
  impersonation: true,
};

const onFresh = (extra: (s: { id: string; version: number }) => unknown[] = () => []) => ({
  label: "a fresh stream",
  setup: async () => {
    const s = await freshStream();
    return { args: [s.id, ...extra(s)] };
  },
});

export const auditStreamsPolicy: AreaPolicy = {
  actions: {
    "lib/actions/audit-streams/create-audit-stream.ts#createAuditStreamAction": {
      access: MANAGE_AND_READ,
      cases: [
        {
          label: "a new stream",
          setup: async () => {
            await roomForOne();
            return {
              args: [
                { name: `Matrix new ${Math.random().toString(36).slice(2, 8)}`, url: "https://siem.example.com/in" },
              ],
            };
          },
        },
      ],
    },
    "lib/actions/audit-streams/update-audit-stream.ts#updateAuditStreamAction": {
      access: MANAGE,
      cases: [onFresh((s) => [s.version, { name: "Matrix renamed" }])],
    },
    "lib/actions/audit-streams/pause-audit-stream.ts#pauseAuditStreamAction": {
      access: MANAGE,
      cases: [
        onFresh((s) => [s.version]),
        { label: "an id that matches nothing", setup: async () => ({ args: [missingId()] }) },
      ],
    },
    "lib/actions/audit-streams/resume-audit-stream.ts#resumeAuditStreamAction": {
      access: MANAGE_AND_READ,
      cases: [onFresh()],
    },
    "lib/actions/audit-streams/rotate-audit-stream-secret.ts#rotateAuditStreamSecretAction": {
      access: MANAGE,
      cases: [onFresh((s) => [s.version])],
    },
    "lib/actions/audit-streams/delete-audit-stream.ts#deleteAuditStreamAction": {
      access: MANAGE,
      cases: [onFresh((s) => [s.version])],
    },
    "lib/actions/audit-streams/send-audit-stream-test.ts#sendAuditStreamTestAction": {
      access: MANAGE,
      cases: [onFresh()],
    },
    "lib/actions/audit-streams/deliver-audit-stream-now.ts#deliverAuditStreamNowAction": {
      access: MANAGE,
      cases: [onFresh()],
    },
  },
  routes: {},
  pages: {
    "/logs/streams": { access: MANAGE },
    "/logs/streams/[id]": {
      access: MANAGE,
      cases: [
        { label: "an id that matches nothing", notFound: true, setup: async () => ({ params: { id: missingId() } }) },
      ],
    },
  },
};
