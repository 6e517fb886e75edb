// Edits a card (editor): any subset of its fields. Only what differs is written and audited
// (before and after); the change bumps the card's version and can be undone while nobody else has
// changed the card since. With `expectedVersion` (If-Match, the dialog's version) a card changed
// since is refused with 412.
import "server-only";
import { changeMetadata } from "@/lib/audit/change-metadata";
import type { AuditValue } from "@/lib/audit/audit";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import { PreconditionFailedError, ValidationError } from "@/lib/errors";
import { can } from "@/lib/rbac/can";
import type { RequestContext } from "@/lib/http/request-context";
import { parseOrThrow } from "@/lib/validations/parse";
import { updateCardSchema, type CardJson } from "@/lib/validations/board";
import { boardWrite } from "@/lib/data/boards/board-write";
import { cardSelect, toCardJson } from "@/lib/data/boards/board-json";
import type { CardFieldsSnapshot } from "@/lib/data/boards/board-events";
import { assertLinks, readCard, snapshotOf, writeCardSets } from "@/lib/data/boards/card-record";
import { visibleCard } from "@/lib/data/boards/get-board";

export async function updateCard(
  actor: Actor | null,
  boardId: unknown,
  cardId: unknown,
  input: unknown,
  ctx: RequestContext,
  expectedVersion?: number,
): Promise<{ card: CardJson; seq: number }> {
  const values = parseOrThrow(updateCardSchema, input);
  const after: Partial<CardFieldsSnapshot> = {
    title: values.title,
    description: values.description,
    dueAt: values.dueAt === undefined ? undefined : (values.dueAt?.toISOString() ?? null),
    priority: values.priority,
    coverColor: values.coverColor,
    labelIds: values.labelIds?.toSorted(),
    assigneeIds: values.assigneeIds?.toSorted(),
    customerId: values.customerId,
    transactionId: values.transactionId,
  };
  const { result, seq } = await boardWrite(actor, boardId, ctx, { needs: "editor" }, async (tx, access) => {
    const current = await readCard(tx, access.boardId, cardId);
    if (expectedVersion !== undefined && current.version !== expectedVersion) throw new PreconditionFailedError();
    const applied = await applyCardFields(tx, actor!, current, after);
    return {
      result: applied.card,
      kind: "card.updated",
      cardId: current.id,
      payload: { cards: [applied.card] },
      inverse: applied.changed.length ? { type: "update", cardId: current.id, before: applied.before } : null,
      cardVersion: applied.card.version,
      audit: {
        action: "card.updated",
        targetType: "card",
        targetId: current.id,
        metadata: { title: current.title, ...applied.metadata },
      },
    };
  });
  return { card: visibleCard(actor!, result), seq };
}

/**
 * Writes the fields of `after` that differ from the card (links checked), bumping its version
 * once. Shared by the edit and by undo, which replays a snapshot of the fields as they were.
 */
export async function applyCardFields(
  tx: Tx,
  actor: Actor,
  current: CardJson,
  after: Partial<CardFieldsSnapshot>,
): Promise<{
  card: CardJson;
  changed: (keyof CardFieldsSnapshot)[];
  before: Partial<CardFieldsSnapshot>;
  metadata: Record<string, AuditValue>;
}> {
  const snapshot = snapshotOf(current);
  const { changed, metadata } = changeMetadata<keyof CardFieldsSnapshot>(snapshot, after);
  if (changed.length === 0) return { card: current, changed, before: {}, metadata };
  const pick = <K extends keyof CardFieldsSnapshot>(k: K) => (changed.includes(k) ? after[k] : undefined);
  // A link the caller cannot see (visibleCard shows it as none) is not theirs to clear or replace.
  const hiddenLinks: Record<string, string[]> = {};
  if (changed.includes("customerId") && !can(actor, "customers.read")) {
    hiddenLinks.customerId = ["You cannot change this card's customer link."];
  }
  if (changed.includes("transactionId") && !can(actor, "transactions.read")) {
    hiddenLinks.transactionId = ["You cannot change this card's transaction link."];
  }
  if (Object.keys(hiddenLinks).length) throw new ValidationError(hiddenLinks);
  await assertLinks(tx, actor, current.boardId, {
    labelIds: pick("labelIds"),
    assigneeIds: pick("assigneeIds"),
    customerId: pick("customerId"),
    transactionId: pick("transactionId"),
  });
  const data: Record<string, unknown> = {};
  for (const key of ["title", "description", "priority", "coverColor", "customerId", "transactionId"] as const) {
    if (changed.includes(key)) data[key] = after[key];
  }
  if (changed.includes("dueAt")) {
    data.dueAt = after.dueAt ? new Date(after.dueAt) : null;
    data.remindedForDueAt = null;
  }
  await tx.card.update({
    where: { id: current.id },
    data: { ...data, version: { increment: 1 }, updatedById: actor.userId },
  });
  await writeCardSets(tx, current.id, { labelIds: pick("labelIds"), assigneeIds: pick("assigneeIds") });
  const card = toCardJson(await tx.card.findUniqueOrThrow({ where: { id: current.id }, select: cardSelect }));
  const before = Object.fromEntries(changed.map((k) => [k, snapshot[k]])) as Partial<CardFieldsSnapshot>;
  return { card, changed, before, metadata };
}
