// Audit coverage, checked statically: every exported data-access function (lib/data/**) that writes
// to the database must record an audit event, directly (`audit(…)`) or through a helper that does
// (the boards' `boardWrite`, a same-file helper, another lib/data function). The TypeScript compiler
// parses each file; a function's writes and audits include those of the functions it calls in the
// same file or imports from lib/data. Writes that are not an auditable change (counters, "last
// used" touches, idempotency records, expiry clean-ups) are listed in ALLOWED with a reason.
//
// A write helper that takes the caller's transaction (a `tx: Tx` parameter) may leave the audit to
// its callers, which are checked themselves; it must then not be imported from outside lib/data.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");

/** "file#function": why this write needs no audit event of its own. */
const ALLOWED: Record<string, string> = {
  "lib/data/two-factor/prune-expired-totp-enrolments.ts#pruneExpiredTotpEnrolments":
    "maintenance clean-up of set-ups never confirmed and now expired; starting one was audited and nothing is lost",
  "lib/data/sign-in-methods/prune-pending-sign-ins.ts#prunePendingSignIns":
    "maintenance clean-up of provider sign-ins never finished and of spent or expired WebAuthn challenges; each is refused once expired and nothing is lost",
};

/** Whole files of lib/data that are test support, imported only by tests. */
const TEST_SUPPORT = /(^|\/)[^/]*(test-kit|test-fixtures)\.ts$/;

/** Calls that record an audit event (outside lib/data, so not found by following imports). */
const AUDITING_CALLS = new Set(["audit", "anchorAuditHead"]);

const WRITE_OPS = new Set([
  "create",
  "createMany",
  "createManyAndReturn",
  "update",
  "updateMany",
  "upsert",
  "delete",
  "deleteMany",
]);

type Source = Record<string, string>;

type FnInfo = {
  file: string;
  name: string;
  exported: boolean;
  takesTx: boolean;
  writes: string[];
  audits: boolean;
  /** Functions it calls or passes on: same file ("file#name") or lib/data imports. */
  refs: string[];
};

function modelDelegates(schema: string): Set<string> {
  const names = [...schema.matchAll(/^model\s+(\w+)\s*\{/gm)].map((m) => m[1]!);
  return new Set(names.map((n) => n[0]!.toLowerCase() + n.slice(1)));
}

/** The SQL text of a raw call's first argument, when it is written in place. */
function sqlText(node: ts.Node | undefined): string | null {
  if (!node) return null;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((s) => s.literal.text).join("?");
  return null;
}

/** Whether raw SQL changes data: INSERT/UPDATE/DELETE, except a lock taken by a write that matches nothing. */
function rawWrites(method: string, sql: string | null): boolean {
  if (sql === null) return method.startsWith("$executeRaw");
  const text = sql.trim();
  if (/^SELECT\b/i.test(text)) return false;
  if (/\bWHERE\s+0\s*$/i.test(text)) return false;
  return /^(INSERT|UPDATE|DELETE|REPLACE|MERGE|WITH)\b/i.test(text);
}

function resolveImport(fromFile: string, spec: string, files: Source): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = spec.slice(2);
  else if (spec.startsWith(".")) base = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), spec));
  else return null;
  for (const candidate of [`${base}.ts`, `${base}/index.ts`, base]) if (candidate in files) return candidate;
  return null;
}

function analyzeFile(file: string, text: string, files: Source, models: Set<string>): FnInfo[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const imports = new Map<string, string>(); // local name -> "file#exportedName"
  const exportedNames = new Set<string>();
  const fns: { name: string; node: ts.Node; exported: boolean; params: readonly ts.ParameterDeclaration[] }[] = [];
  const isExported = (n: ts.Node) =>
    ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const target = resolveImport(file, st.moduleSpecifier.text, files);
      const bindings = st.importClause?.namedBindings;
      if (target && bindings && ts.isNamedImports(bindings)) {
        for (const el of bindings.elements) imports.set(el.name.text, `${target}#${(el.propertyName ?? el.name).text}`);
      }
    } else if (ts.isFunctionDeclaration(st) && st.name && st.body) {
      fns.push({ name: st.name.text, node: st.body, exported: isExported(st), params: st.parameters });
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (
          ts.isIdentifier(d.name) &&
          d.initializer &&
          (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))
        ) {
          fns.push({
            name: d.name.text,
            node: d.initializer.body,
            exported: isExported(st),
            params: d.initializer.parameters,
          });
        }
      }
    } else if (
      ts.isExportDeclaration(st) &&
      !st.moduleSpecifier &&
      st.exportClause &&
      ts.isNamedExports(st.exportClause)
    ) {
      for (const el of st.exportClause.elements) exportedNames.add((el.propertyName ?? el.name).text);
    }
  }
  const local = new Set(fns.map((f) => f.name));

  return fns.map(({ name, node, exported, params }) => {
    const info: FnInfo = {
      file,
      name,
      exported: exported || exportedNames.has(name),
      takesTx: params.some((p) => p.type?.getText(sf) === "Tx"),
      writes: [],
      audits: false,
      refs: [],
    };
    const visit = (n: ts.Node) => {
      if (ts.isCallExpression(n) || ts.isTaggedTemplateExpression(n)) {
        const callee = ts.isCallExpression(n) ? n.expression : n.tag;
        if (ts.isIdentifier(callee) && AUDITING_CALLS.has(callee.text) && !local.has(callee.text)) info.audits = true;
        if (ts.isPropertyAccessExpression(callee)) {
          const method = callee.name.text;
          const line = sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
          if (WRITE_OPS.has(method) && ts.isPropertyAccessExpression(callee.expression)) {
            const model = callee.expression.name.text;
            if (models.has(model)) info.writes.push(`${model}.${method} (line ${line})`);
          }
          if (/^\$(executeRaw|queryRaw)/.test(method)) {
            const sql = ts.isCallExpression(n) ? sqlText(n.arguments[0]) : sqlText(n.template);
            if (rawWrites(method, sql)) info.writes.push(`${method} (line ${line})`);
          }
        }
      }
      if (ts.isIdentifier(n) && n.text !== name) {
        if (local.has(n.text)) info.refs.push(`${file}#${n.text}`);
        else if (imports.has(n.text)) info.refs.push(imports.get(n.text)!);
      }
      ts.forEachChild(n, visit);
    };
    visit(node);
    return info;
  });
}

export type Violation = { key: string; writes: string[] };

export type Coverage = {
  /** Exported functions that write and record an audit event. */
  audited: string[];
  /** Exported write helpers that take the caller's transaction and leave the audit to it. */
  txHelpers: string[];
  violations: Violation[];
};

/** Every exported writing function that records no audit event, with what it writes. */
export function findUnauditedWrites(
  files: Source,
  schema: string,
  importedFromOutside: (key: string) => boolean,
): Violation[] {
  return analyzeCoverage(files, schema, importedFromOutside).violations;
}

export function analyzeCoverage(
  files: Source,
  schema: string,
  importedFromOutside: (key: string) => boolean,
): Coverage {
  const models = modelDelegates(schema);
  const all = new Map<string, FnInfo>();
  for (const [file, text] of Object.entries(files)) {
    for (const fn of analyzeFile(file, text, files, models)) all.set(`${file}#${fn.name}`, fn);
  }
  const memo = new Map<string, { writes: string[]; audits: boolean }>();
  const closure = (key: string, seen = new Set<string>()): { writes: string[]; audits: boolean } => {
    const known = memo.get(key);
    if (known) return known;
    const fn = all.get(key);
    if (!fn || seen.has(key)) return { writes: [], audits: false };
    seen.add(key);
    const writes = [...fn.writes];
    let audits = fn.audits;
    for (const ref of fn.refs) {
      const sub = closure(ref, seen);
      writes.push(...sub.writes.map((w) => (w.includes(" via ") ? w : `${w} via ${ref.split("#")[1]}`)));
      audits ||= sub.audits;
    }
    const result = { writes, audits };
    memo.set(key, result);
    return result;
  };
  const coverage: Coverage = { audited: [], txHelpers: [], violations: [] };
  for (const [key, fn] of all) {
    if (!fn.exported) continue;
    const { writes, audits } = closure(key);
    if (writes.length === 0) continue;
    if (audits) coverage.audited.push(key);
    // Works inside its caller's transaction; the callers (all in lib/data) are checked themselves.
    else if (fn.takesTx && !importedFromOutside(key)) coverage.txHelpers.push(key);
    else coverage.violations.push({ key, writes });
  }
  coverage.violations.sort((a, b) => a.key.localeCompare(b.key));
  return coverage;
}

/** Audit events of a deletion: the target row is gone afterwards, so its name must be passed. */
const DELETION_ACTION = /(\.|_)deleted$/;

/** "file:line action" of every deletion event written without a `targetName`. */
export function deletionsWithoutTargetName(files: Source): string[] {
  const out: string[] = [];
  for (const [file, text] of Object.entries(files)) {
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const visit = (n: ts.Node) => {
      if (ts.isObjectLiteralExpression(n)) {
        const names = new Map<string, ts.ObjectLiteralElementLike>();
        for (const p of n.properties) if (p.name && ts.isIdentifier(p.name)) names.set(p.name.text, p);
        const action = names.get("action");
        if (
          action &&
          ts.isPropertyAssignment(action) &&
          ts.isStringLiteral(action.initializer) &&
          DELETION_ACTION.test(action.initializer.text) &&
          !names.has("targetName")
        ) {
          const line = sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
          out.push(`${file}:${line} ${action.initializer.text}`);
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out.sort();
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

const rel = (p: string) => path.relative(ROOT, p).split(path.sep).join("/");

function dataFiles(): Source {
  const out: Source = {};
  for (const full of walk(path.join(ROOT, "lib/data"))) {
    const file = rel(full);
    if (!file.endsWith(".ts") || file.endsWith(".test.ts") || TEST_SUPPORT.test(file)) continue;
    out[file] = readFileSync(full, "utf8");
  }
  return out;
}

/** Application code outside lib/data (not tests) that imports `name` from `file`. */
function outsideImporters(): (key: string) => boolean {
  const sources = ["lib", "app", "components", "scripts"]
    .flatMap((d) => walk(path.join(ROOT, d)))
    .map(rel)
    .filter((f) => /\.(ts|tsx)$/.test(f) && !f.startsWith("lib/data/") && !/\.test\.tsx?$/.test(f))
    .map((f) => readFileSync(path.join(ROOT, f), "utf8"));
  return (key) => {
    const [file, name] = key.split("#") as [string, string];
    const spec = `@/${file.replace(/\.ts$/, "")}`;
    const re = new RegExp(
      `import\\s*(?:type\\s*)?\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from\\s*["']${spec.replace(/[/.]/g, "\\$&")}["']`,
    );
    return sources.some((s) => re.test(s));
  };
}

const SCHEMA = readFileSync(path.join(ROOT, "prisma/schema.prisma"), "utf8");

describe("audit coverage of lib/data", () => {
  const files = dataFiles();
  const coverage = analyzeCoverage(files, SCHEMA, outsideImporters());
  const violations = coverage.violations;

  it("finds the writes it is about (a parser that saw nothing would pass everything)", () => {
    expect(coverage.audited.length).toBeGreaterThan(60);
    expect(coverage.audited).toContain("lib/data/customers/delete-customer.ts#deleteCustomer");
    expect(coverage.audited).toContain("lib/data/boards/delete-card.ts#deleteCard");
  });

  it("every exported function that writes records an audit event (or is allowed, with a reason)", () => {
    const unexplained = violations.filter((v) => !(v.key in ALLOWED)).map((v) => `${v.key}: ${v.writes.join(", ")}`);
    expect(unexplained).toEqual([]);
  });

  it("every allow-list entry still names a writing function without an audit event", () => {
    const flagged = new Set(violations.map((v) => v.key));
    expect(Object.keys(ALLOWED).filter((k) => !flagged.has(k))).toEqual([]);
    for (const reason of Object.values(ALLOWED)) expect(reason.length).toBeGreaterThan(10);
  });

  it("every deletion's audit event passes the target's name, which a lookup can no longer find", () => {
    expect(deletionsWithoutTargetName(files)).toEqual([]);
  });

  it("test-support files of lib/data are imported only by tests", () => {
    const support = walk(path.join(ROOT, "lib/data"))
      .map(rel)
      .filter((f) => TEST_SUPPORT.test(f));
    const isOutside = outsideImporters();
    for (const file of support) {
      const names = [
        ...readFileSync(path.join(ROOT, file), "utf8").matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(\w+)/g),
      ];
      for (const m of names) expect(isOutside(`${file}#${m[1]}`), `${file}#${m[1]}`).toBe(false);
    }
  });
});

describe("the coverage check itself (fixtures)", () => {
  const schema = "model Customer {\n  id String @id\n}\nmodel AuditEvent {\n  id String @id\n}\n";
  const never = () => false;
  const check = (files: Source, outside: (k: string) => boolean = never) =>
    findUnauditedWrites(files, schema, outside).map((v) => v.key);

  it("fails on a new un-audited write, and passes once it audits", () => {
    const unaudited = `export async function renameCustomer(id: string) {
      await db.$transaction(async (tx) => { await tx.customer.update({ where: { id }, data: { name: "x" } }); });
    }`;
    expect(check({ "lib/data/c/rename.ts": unaudited })).toEqual(["lib/data/c/rename.ts#renameCustomer"]);
    const audited = unaudited.replace("});", "}); await audit({ action: 'customer.updated' }, tx);");
    expect(check({ "lib/data/c/rename.ts": audited })).toEqual([]);
  });

  it("follows same-file helpers and lib/data imports, for writes and for audits", () => {
    const helper = `async function write(tx: Tx) { await tx.customer.deleteMany({}); }
      export const wipe = async () => { await write(db); };`;
    expect(check({ "lib/data/c/wipe.ts": helper })).toEqual(["lib/data/c/wipe.ts#wipe"]);
    const files = {
      "lib/data/c/record.ts": `export async function recordChange(tx: Tx) { await audit({ action: "customer.updated" }, tx); }`,
      "lib/data/c/write.ts": `import { recordChange } from "@/lib/data/c/record";
        export async function change(tx: Tx) { await tx.customer.update({}); await recordChange(tx); }`,
    };
    expect(check(files)).toEqual([]);
  });

  it("lets a tx helper leave the audit to its callers only while nothing outside lib/data imports it", () => {
    const files = {
      "lib/data/c/touch.ts": `export async function touch(tx: Tx) { await tx.customer.updateMany({}); }`,
    };
    expect(check(files)).toEqual([]);
    expect(check(files, () => true)).toEqual(["lib/data/c/touch.ts#touch"]);
  });

  it("finds a deletion event without the target's name", () => {
    const files = {
      "lib/data/c/del.ts": `export async function del(tx: Tx) {
        await audit({ action: "customer.deleted", targetType: "customer", targetId: "1" }, tx);
        await audit({ action: "product.deleted", targetId: "2", targetName: "Mug (M-1)" }, tx);
        return { kind: "card.deleted", audit: { action: "card.deleted", targetId: "3" } };
      }`,
    };
    expect(deletionsWithoutTargetName(files)).toEqual([
      "lib/data/c/del.ts:2 customer.deleted",
      "lib/data/c/del.ts:4 card.deleted",
    ]);
  });

  it("ignores non-database calls of the same names and lock statements, catches raw writes", () => {
    const files = {
      "lib/data/c/misc.ts": `export function digest(seen: Map<string, number>) {
          seen.delete("a"); createHash("sha256").update("x"); cache.customer.get("y");
        }
        export async function lock(tx: Tx) {
          await db.$executeRawUnsafe("SELECT pg_advisory_xact_lock(1)");
          await db.$executeRawUnsafe(\`UPDATE "Session" SET "id" = "id" WHERE 0\`);
          await db.$queryRaw\`SELECT 1\`;
        }
        export async function purge() { await db.$executeRaw\`DELETE FROM "Customer"\`; }
        export async function bump() { await db.$queryRaw\`UPDATE "Customer" SET n = n + 1 RETURNING n\`; }`,
    };
    expect(check(files)).toEqual(["lib/data/c/misc.ts#bump", "lib/data/c/misc.ts#purge"]);
  });
});
