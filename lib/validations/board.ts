// Schemas of Kanban boards (lib/data/boards): the same ones validate the board's dialogs, the
// server actions, the REST handlers (/api/v1/boards) and the OpenAPI document.
import { z } from "zod";
import { BOARD_COLORS, BOARD_LIMITS, CARD_PRIORITIES, WIP_MODES } from "@/lib/validations/board-constants";

// The limits and value lists live in board-constants.ts (no zod: the board page's first load uses them).
export { BOARD_COLORS, BOARD_LIMITS, CARD_PRIORITIES, WIP_MODES };

export type BoardColor = (typeof BOARD_COLORS)[number];

export const BOARD_ROLES = ["viewer", "editor", "owner"] as const;
export type BoardRole = (typeof BOARD_ROLES)[number];

export type CardPriority = (typeof CARD_PRIORITIES)[number];

export type WipMode = (typeof WIP_MODES)[number];

const noControlChars = (v: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v);

export const boardEntityIdSchema = z
  .string({ error: "Missing id." })
  .trim()
  .min(1, "Missing id.")
  .max(64, "Unknown id.");
export const boardVersionSchema = z.number({ error: "Missing version." }).int().min(1).max(1e9);

function line(label: string, max: number) {
  return z
    .string({ error: `Enter a ${label}.` })
    .trim()
    .transform((v) => v.replace(/\s+/g, " "))
    .pipe(
      z
        .string()
        .min(1, `Enter a ${label}.`)
        .max(max, `Use at most ${max} characters.`)
        .refine(noControlChars, "Use printable characters only."),
    );
}

/** Optional multi-line text: "", whitespace and null mean none (stored null). */
function optionalText(label: string, max: number) {
  return z
    .union([z.string({ error: `${label} must be text.` }), z.null()], { error: `${label} must be text.` })
    .transform((v) => (v === null ? null : v.trim() || null))
    .pipe(
      z
        .string()
        .max(max, `Use at most ${max} characters.`)
        .refine(noControlChars, "Use printable characters only.")
        .nullable(),
    );
}

const color = z.enum(BOARD_COLORS, { error: `Choose one of: ${BOARD_COLORS.join(", ")}.` });
const wipLimit = z
  .union([
    z
      .number({ error: "Use a whole number." })
      .int("Use a whole number.")
      .min(1, "Use 1 or more, or none.")
      .max(BOARD_LIMITS.wipLimit, `Use at most ${BOARD_LIMITS.wipLimit}.`),
    z.null(),
  ])
  .meta({ description: "Cards allowed; null for no limit." });

const dueAt = z
  .union(
    [
      z.iso.datetime({ offset: true, error: "Use an ISO 8601 date and time." }),
      z.iso.date({ error: "Use a date (YYYY-MM-DD)." }),
      z.null(),
    ],
    {
      error: "Use an ISO 8601 date and time, or null.",
    },
  )
  .transform((v) => (v === null ? null : new Date(v.length === 10 ? `${v}T12:00:00Z` : v)))
  .meta({
    description: "When the card is due (ISO 8601); a bare date means noon UTC. null clears it.",
    example: "2026-12-24T17:00:00Z",
  });

const ids = (label: string, max: number) =>
  z
    .array(boardEntityIdSchema, { error: `${label} are a list of ids.` })
    .max(max, `Use at most ${max}.`)
    .transform((list) => [...new Set(list)]);

// ── Boards ────────────────────────────────────────────────────────────────────────────────────

const boardFields = {
  name: line("board name", BOARD_LIMITS.name).meta({ example: "Shop floor" }),
  description: optionalText("Description", BOARD_LIMITS.description).optional(),
  color: color.optional(),
  swimlanesEnabled: z
    .boolean({ error: "Use true or false." })
    .optional()
    .meta({ description: "Show horizontal lanes." }),
};

export const createBoardSchema = z
  .strictObject(
    {
      ...boardFields,
      /** Column names to start with; default To do, Doing, Done. */
      columns: z
        .array(line("column name", BOARD_LIMITS.columnName), { error: "Columns are a list of names." })
        .max(BOARD_LIMITS.columns)
        .optional(),
    },
    { error: "Send the board's fields." },
  )
  .meta({ id: "BoardCreate", example: { name: "Shop floor", color: "blue", columns: ["To do", "Doing", "Done"] } });
export type CreateBoardInput = z.input<typeof createBoardSchema>;

export const updateBoardSchema = z
  .strictObject({ ...boardFields, name: boardFields.name.optional() }, { error: "Send the fields to change." })
  .meta({ id: "BoardUpdate", example: { description: "Weekly shop tasks", swimlanesEnabled: true } });
export type UpdateBoardInput = z.input<typeof updateBoardSchema>;

export const boardMemberSchema = z
  .strictObject(
    {
      userId: boardEntityIdSchema,
      role: z.enum(BOARD_ROLES, { error: "Choose viewer, editor or owner." }),
    },
    { error: "Send userId and role." },
  )
  .meta({ id: "BoardMemberInput" });

// ── Columns, lanes, labels ────────────────────────────────────────────────────────────────────

const columnFields = {
  name: line("column name", BOARD_LIMITS.columnName),
  color: color.nullable().optional(),
  wipLimit: wipLimit.optional(),
  wipMode: z
    .enum(WIP_MODES, { error: "Choose soft or hard." })
    .optional()
    .meta({ description: "soft: warn; hard: refuse the move." }),
};
export const createColumnSchema = z
  .strictObject({ ...columnFields, index: z.number().int().min(0).optional() }, { error: "Send the column's fields." })
  .meta({ id: "BoardColumnCreate", example: { name: "Review", wipLimit: 3, wipMode: "hard" } });
export const updateColumnSchema = z
  .strictObject({ ...columnFields, name: columnFields.name.optional() }, { error: "Send the fields to change." })
  .meta({ id: "BoardColumnUpdate" });

const laneFields = { name: line("lane name", BOARD_LIMITS.laneName), wipLimit: wipLimit.optional() };
export const createLaneSchema = z
  .strictObject(laneFields, { error: "Send the lane's fields." })
  .meta({ id: "BoardLaneCreate" });
export const updateLaneSchema = z
  .strictObject({ ...laneFields, name: laneFields.name.optional() }, { error: "Send the fields to change." })
  .meta({ id: "BoardLaneUpdate" });

export const labelSchema = z
  .strictObject({ name: line("label name", BOARD_LIMITS.labelName), color }, { error: "Send name and color." })
  .meta({ id: "BoardLabelInput", example: { name: "Urgent", color: "red" } });

/** Renaming or recolouring a label: either field, or both. */
export const updateLabelSchema = z
  .strictObject(
    { name: line("label name", BOARD_LIMITS.labelName).optional(), color: color.optional() },
    { error: "Send the fields to change." },
  )
  .meta({ id: "BoardLabelUpdate", example: { color: "orange" } });

/** Moving a column or lane: its new index among the others (0 = first). */
export const reorderSchema = z
  .strictObject({
    index: z.number({ error: "Give the new index." }).int("Give a whole index.").min(0, "Give an index of 0 or more."),
  })
  .meta({ id: "BoardReorder" });

// ── Cards ─────────────────────────────────────────────────────────────────────────────────────

const cardFields = {
  title: line("title", BOARD_LIMITS.cardTitle).meta({ example: "Restock the window display" }),
  description: optionalText("Description", BOARD_LIMITS.cardDescription)
    .optional()
    .meta({ description: "Markdown; rendered without raw HTML." }),
  dueAt: dueAt.optional(),
  priority: z.enum(CARD_PRIORITIES, { error: `Choose one of: ${CARD_PRIORITIES.join(", ")}.` }).optional(),
  coverColor: color.nullable().optional(),
  labelIds: ids("Labels", BOARD_LIMITS.labels).optional(),
  assigneeIds: ids("Assignees", BOARD_LIMITS.assignees).optional().meta({ description: "User ids of board members." }),
  customerId: boardEntityIdSchema
    .nullable()
    .optional()
    .meta({ description: "Link to a customer (customers.read to see it)." }),
  transactionId: boardEntityIdSchema
    .nullable()
    .optional()
    .meta({ description: "Link to a transaction (transactions.read to see it)." }),
};

export const createCardSchema = z
  .strictObject(
    {
      ...cardFields,
      columnId: boardEntityIdSchema,
      laneId: boardEntityIdSchema
        .nullable()
        .optional()
        .meta({ description: "Required on a board with swimlanes (default: its first lane)." }),
      /** Where in the column: default the bottom. */
      index: z
        .number()
        .int()
        .min(0)
        .optional()
        .meta({ description: "Position in the column (and lane); default the end." }),
    },
    { error: "Send the card's fields." },
  )
  .meta({ id: "CardCreate", example: { title: "Restock the window display", columnId: "cm…", priority: "high" } });
export type CreateCardInput = z.input<typeof createCardSchema>;

export const updateCardSchema = z
  .strictObject({ ...cardFields, title: cardFields.title.optional() }, { error: "Send the fields to change." })
  .meta({ id: "CardUpdate", example: { priority: "urgent", dueAt: "2026-12-24" } });
export type UpdateCardInput = z.input<typeof updateCardSchema>;

export const moveCardSchema = z
  .strictObject(
    {
      columnId: boardEntityIdSchema,
      laneId: boardEntityIdSchema.nullable().optional(),
      index: z
        .number({ error: "Give the position in the column." })
        .int("Give a whole index.")
        .min(0, "Give an index of 0 or more."),
      /** Another board the caller may edit: the card moves there (labels and non-member assignees are dropped). */
      boardId: boardEntityIdSchema.optional(),
    },
    { error: "Send columnId and index." },
  )
  .meta({ id: "CardMove", example: { columnId: "cm…", index: 0 } });
export type MoveCardInput = z.input<typeof moveCardSchema>;

export const checklistItemSchema = z
  .strictObject(
    { text: line("checklist item", BOARD_LIMITS.checklistText), done: z.boolean().optional() },
    { error: "Send the item's text." },
  )
  .meta({ id: "ChecklistItemInput" });
export const updateChecklistItemSchema = z
  .strictObject({ text: line("checklist item", BOARD_LIMITS.checklistText).optional(), done: z.boolean().optional() })
  .meta({ id: "ChecklistItemUpdate" });

export const commentSchema = z
  .strictObject(
    {
      body: z
        .string({ error: "Write a comment." })
        .trim()
        .min(1, "Write a comment.")
        .max(BOARD_LIMITS.comment, `Use at most ${BOARD_LIMITS.comment} characters.`)
        .refine(noControlChars, "Use printable characters only."),
    },
    { error: "Send the comment's body." },
  )
  .meta({ id: "CommentInput" });

/** Board filters (URL state of the board page and query of GET /api/v1/boards/{id}/cards). */
export const cardFilterSchema = z.object({
  q: z.string().trim().max(200).optional(),
  assignee: z.string().trim().max(64).optional().meta({ description: 'A user id, or "me".' }),
  label: z.string().trim().max(64).optional(),
  due: z.enum(["overdue", "week", "none"]).optional(),
  priority: z.enum(CARD_PRIORITIES).optional(),
  archived: z.enum(["true", "false"]).optional(),
});
export type CardFilter = z.output<typeof cardFilterSchema>;

// ── JSON shapes (what the DAL returns, the API answers and live viewers receive) ───────────────

export type BoardSummaryJson = {
  id: string;
  name: string;
  description: string | null;
  color: BoardColor;
  swimlanesEnabled: boolean;
  role: BoardRole | "manager";
  memberCount: number;
  cardCount: number;
  archivedAt: string | null;
  updatedAt: string;
};

export type ColumnJson = {
  id: string;
  name: string;
  position: string;
  color: BoardColor | null;
  wipLimit: number | null;
  wipMode: WipMode;
  version: number;
};

export type LaneJson = { id: string; name: string; position: string; wipLimit: number | null; version: number };
export type LabelJson = { id: string; name: string; color: BoardColor };
export type MemberJson = { userId: string; name: string; username: string; role: BoardRole };

/**
 * A card as the board shows it: what a tile renders and what moves need (the board read, live
 * events). No Markdown description, checklist items, comments or timestamps: the card dialog
 * reads the whole card (CardJson) when it opens.
 */
export type BoardCardJson = {
  id: string;
  columnId: string;
  laneId: string | null;
  position: string;
  title: string;
  /** The card has a Markdown description (read it with the card). */
  hasDescription: boolean;
  dueAt: string | null;
  priority: CardPriority;
  coverColor: BoardColor | null;
  labelIds: string[];
  assigneeIds: string[];
  checklist: { done: number; total: number };
  commentCount: number;
  customer: { id: string; name: string } | null;
  transaction: { id: string; number: number } | null;
  version: number;
};

/** A whole card: its GET, the card list, the answers of card writes. */
export type CardJson = BoardCardJson & {
  boardId: string;
  description: string | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type BoardJson = {
  id: string;
  name: string;
  description: string | null;
  color: BoardColor;
  swimlanesEnabled: boolean;
  archivedAt: string | null;
  seq: number;
  version: number;
  /** The caller's role here ("manager": not a member, sees it through board.manage). */
  role: BoardRole | "manager";
  columns: ColumnJson[];
  lanes: LaneJson[];
  labels: LabelJson[];
  members: MemberJson[];
  /** The open cards in board order, lean (BoardCardJson). */
  cards: BoardCardJson[];
};

/** A board's own fields, as a settings change or an archive returns them. */
export type BoardSettingsJson = Pick<
  BoardJson,
  "id" | "name" | "description" | "color" | "swimlanesEnabled" | "archivedAt" | "version"
>;

/** A card with what its dialog shows: the checklist, the comments and its history (from the audit log). */
export type ChecklistItemJson = { id: string; text: string; done: boolean; position: string };

export type CardCommentJson = {
  id: string;
  /** Markdown, rendered sanitised. */
  body: string;
  createdAt: string;
  /** null when the author's account is gone. */
  author: { id: string; name: string } | null;
  /** The caller may delete it (its author, or an owner of the board). */
  canDelete: boolean;
};

export type CardHistoryEntryJson = {
  id: string;
  action: string;
  /** What happened, in words (lib/audit/actions.ts). */
  label: string;
  /** null for changes made by the system (a rebalance, a reminder). */
  actorName: string | null;
  createdAt: string;
  metadata: Record<string, unknown>;
};

export type CardDetailJson = {
  card: CardJson;
  /** In order. */
  checklist: ChecklistItemJson[];
  /** Oldest first. */
  comments: CardCommentJson[];
  /** Newest first. */
  history: CardHistoryEntryJson[];
};

/** A card linked to a customer or a transaction, as their pages list it. */
export type LinkedCardJson = { card: CardJson; boardName: string };

// ── Change events (BoardEvent rows, lib/data/boards/board-events.ts): what live viewers receive ──

export type BoardEventKind =
  | "board.updated"
  | "board.members_changed"
  | "column.changed"
  | "lane.changed"
  | "label.changed"
  | "card.created"
  | "card.updated"
  | "card.moved"
  | "card.archived"
  | "card.restored"
  | "card.deleted"
  | "card.undone"
  | "card.details_changed"
  | "board.rebalanced";

/** One shape for every change: viewers upsert what is listed and drop what is removed. */
export type BoardChangePayload = {
  board?: Partial<Pick<BoardJson, "name" | "description" | "color" | "swimlanesEnabled" | "archivedAt" | "version">>;
  members?: MemberJson[];
  columns?: ColumnJson[];
  removedColumnIds?: string[];
  lanes?: LaneJson[];
  removedLaneIds?: string[];
  labels?: LabelJson[];
  removedLabelIds?: string[];
  /** Lean, as the board holds them; a server action's answer may carry whole cards (CardJson). */
  cards?: BoardCardJson[];
  removedCardIds?: string[];
  /** Too much changed to list (positions re-spaced): reload the board. */
  reload?: boolean;
};

export type BoardEventJson = {
  seq: number;
  kind: BoardEventKind;
  actorId: string | null;
  cardId: string | null;
  payload: BoardChangePayload;
  createdAt: string;
};
