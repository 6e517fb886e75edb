// OpenAPI operations of /api/v1/boards: Kanban boards, their members, columns, lanes and labels,
// their cards (list, create, get, edit, move, archive, restore, delete), checklists, comments,
// undo, and the live event stream. Request bodies are the zod schemas the routes parse with
// (lib/validations/board.ts); the response shapes below describe the DAL's JSON types, and the
// type assertions at the bottom fail `tsc` when the two drift apart.
//
// Every operation declares board.read (withApi); the DAL decides the rest per board: a board the
// caller is not a member of is 404 (board.manage sees all), a viewer's write is 403, and writes
// need board.write as well, which is why the write examples' x-permission lists both.
// Path examples name fixtures of test/openapi/fixtures-boards.ts ("{{board.id}}", "{{card.id}}").
import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from "zod-openapi";
import { errorResponses, recordEnvelope, type ErrorStatus } from "@/lib/api/openapi/shared";
import { etagHeaders, ifMatchSchema, ifNoneMatchSchema } from "@/lib/api/openapi/standard-headers";
import { BOARD_CARDS_CAP } from "@/lib/data/boards/list-board-cards";
import type { Permission } from "@/lib/rbac/permissions";
import {
  BOARD_COLORS,
  BOARD_ROLES,
  CARD_PRIORITIES,
  WIP_MODES,
  boardMemberSchema,
  cardFilterSchema,
  checklistItemSchema,
  commentSchema,
  createBoardSchema,
  createCardSchema,
  createColumnSchema,
  createLaneSchema,
  labelSchema,
  moveCardSchema,
  reorderSchema,
  updateBoardSchema,
  updateCardSchema,
  updateChecklistItemSchema,
  updateColumnSchema,
  updateLabelSchema,
  updateLaneSchema,
  type BoardEventJson,
  type BoardJson,
  type BoardSettingsJson,
  type BoardSummaryJson,
  type CardDetailJson,
  type BoardCardJson,
  type CardJson,
  type ColumnJson,
  type LabelJson,
  type LaneJson,
  type MemberJson,
} from "@/lib/validations/board";

/** The most boards GET /api/v1/boards answers (lib/data/boards/list-boards.ts takes this many). */
const BOARDS_LIST_CAP = 500;

// ── Shapes ────────────────────────────────────────────────────────────────────────────────────

const id = z.string().meta({ example: "cm4x1k2a0000008l4gq1h2b3c" });
const instant = z.iso.datetime().meta({ example: "2026-12-01T10:00:00.000Z" });
const color = z.enum(BOARD_COLORS).meta({ example: "blue" });
const position = z
  .string()
  .meta({ description: "Fractional order key: sort by byte value, then by id.", example: "a0V" });
const version = z.number().int().meta({ description: "Bumped by every change of this record.", example: 1 });
const role = z.enum(BOARD_ROLES).meta({ example: "editor" });
const callerRole = z
  .enum([...BOARD_ROLES, "manager"])
  .meta({ description: "The caller's role here; `manager`: not a member, sees it through board.manage." });

const columnSchema = z
  .strictObject({
    id,
    name: z.string().meta({ example: "Doing" }),
    position,
    color: color.nullable(),
    wipLimit: z.number().int().nullable().meta({ description: "Cards allowed across lanes; null: no limit." }),
    wipMode: z.enum(WIP_MODES).meta({ description: "`soft`: warn; `hard`: refuse the move (409 `wip_limit`)." }),
    version,
  })
  .meta({ id: "BoardColumn" });

const laneSchema = z
  .strictObject({
    id,
    name: z.string().meta({ example: "Online orders" }),
    position,
    wipLimit: z.number().int().nullable().meta({ description: "Cards allowed in this lane per column." }),
    version,
  })
  .meta({ id: "BoardLane" });

const labelJsonSchema = z
  .strictObject({ id, name: z.string().meta({ example: "Urgent" }), color })
  .meta({ id: "BoardLabel" });

const memberSchema = z
  .strictObject({
    userId: id,
    name: z.string().meta({ example: "Grace Hopper" }),
    username: z.string().meta({ example: "grace" }),
    role,
  })
  .meta({ id: "BoardMember" });

const boardCardFields = {
  id,
  columnId: id,
  laneId: id.nullable().meta({ description: "Null on a board without swimlanes." }),
  position,
  title: z.string().meta({ example: "Restock the window display" }),
  hasDescription: z.boolean().meta({ description: "The card has a description (GET the card to read it)." }),
  dueAt: instant.nullable(),
  priority: z.enum(CARD_PRIORITIES).meta({ example: "high" }),
  coverColor: color.nullable(),
  labelIds: z.array(z.string()).meta({ description: "Ids of the board's labels (listed once, on the board)." }),
  assigneeIds: z.array(z.string()).meta({ description: "User ids (board members, listed once, on the board)." }),
  checklist: z.strictObject({ done: z.number().int(), total: z.number().int() }),
  commentCount: z.number().int(),
  customer: z
    .strictObject({ id, name: z.string() })
    .nullable()
    .meta({ description: "The linked customer; null too when the caller lacks customers.read." }),
  transaction: z
    .strictObject({ id, number: z.number().int() })
    .nullable()
    .meta({ description: "The linked sale; null too when the caller lacks transactions.read." }),
  version,
};

/** A card as the board carries it: what a tile shows and what a move needs. */
export const boardCardSchema = z.strictObject(boardCardFields).meta({
  id: "BoardCard",
  description:
    "A card as the board lists it: no description, checklist items or comments (GET …/cards/{cardId} has them).",
});

export const cardSchema = z
  .strictObject({
    ...boardCardFields,
    boardId: id,
    description: z.string().nullable().meta({ description: "Markdown." }),
    archivedAt: instant.nullable(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: "Card" });

const boardSummarySchema = z
  .strictObject({
    id,
    name: z.string().meta({ example: "Shop floor" }),
    description: z.string().nullable(),
    color,
    swimlanesEnabled: z.boolean(),
    role: callerRole,
    memberCount: z.number().int(),
    cardCount: z.number().int().meta({ description: "Open (not archived) cards." }),
    archivedAt: instant.nullable(),
    updatedAt: instant,
  })
  .meta({ id: "BoardSummary" });

const boardFields = {
  id,
  name: z.string().meta({ example: "Shop floor" }),
  description: z.string().nullable(),
  color,
  swimlanesEnabled: z.boolean(),
  archivedAt: instant.nullable(),
  version: version.meta({
    description: "Bumped by every change of the board's own fields: send it as If-Match to change them.",
  }),
};

const boardSettingsSchema = z.strictObject(boardFields).meta({ id: "BoardSettings" });

const boardSchema = z
  .strictObject({
    ...boardFields,
    seq: z.number().int().meta({
      description:
        "The board's change number: +1 for every change (gap-free). The GET's ETag, and where the event stream resumes.",
      example: 42,
    }),
    role: callerRole,
    columns: z.array(columnSchema),
    lanes: z.array(laneSchema),
    labels: z.array(labelJsonSchema),
    members: z.array(memberSchema),
    cards: z.array(boardCardSchema).meta({
      description:
        "Open cards in board order, lean (BoardCard: no description, checklist items or comments; " +
        "GET …/cards/{cardId} reads one whole card, archived ones: GET …/cards?archived=true).",
    }),
  })
  .meta({ id: "Board" });

const checklistItemJsonSchema = z
  .strictObject({ id, text: z.string().meta({ example: "Order bulbs" }), done: z.boolean(), position })
  .meta({ id: "ChecklistItem" });

const commentJsonSchema = z
  .strictObject({
    id,
    body: z.string().meta({ description: "Markdown.", example: "Bulbs ordered, due Friday." }),
    createdAt: instant,
    author: z.strictObject({ id, name: z.string() }).nullable().meta({ description: "Null when the account is gone." }),
    canDelete: z.boolean().meta({ description: "The caller may delete it (its author, or a board owner)." }),
  })
  .meta({ id: "CardComment" });

const historyEntrySchema = z
  .strictObject({
    id,
    action: z.string().meta({ example: "card.moved" }),
    label: z.string().meta({ example: "Moved a card" }),
    actorName: z.string().nullable(),
    createdAt: instant,
    metadata: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "CardHistoryEntry" });

const cardDetailSchema = z
  .strictObject({
    card: cardSchema,
    checklist: z.array(checklistItemJsonSchema).meta({ description: "In order." }),
    comments: z.array(commentJsonSchema).meta({ description: "Oldest first." }),
    history: z.array(historyEntrySchema).meta({ description: "Newest first, from the audit log." }),
  })
  .meta({ id: "CardDetail" });

const warnings = z.array(z.string()).meta({
  description: "Soft WIP limits the change went past.",
  example: ["“Doing” is over its limit: 4 cards, limit 3."],
});

const checklistChangeSchema = z
  .strictObject({ item: checklistItemJsonSchema, checklist: z.array(checklistItemJsonSchema), card: cardSchema })
  .meta({ id: "ChecklistChange" });

const cardChangeSchema = z.strictObject({ card: cardSchema, warnings }).meta({ id: "CardChange" });

const undoResultSchema = z
  .strictObject({
    card: cardSchema,
    undone: z
      .string()
      .meta({ description: "What was undone: move, edit, new card, archive, restore.", example: "move" }),
    warnings,
  })
  .meta({ id: "CardUndo" });

const EVENT_KINDS = [
  "board.updated",
  "board.members_changed",
  "column.changed",
  "lane.changed",
  "label.changed",
  "card.created",
  "card.updated",
  "card.moved",
  "card.archived",
  "card.restored",
  "card.deleted",
  "card.undone",
  "card.details_changed",
  "board.rebalanced",
] as const satisfies readonly BoardEventJson["kind"][];

const boardEventSchema = z
  .strictObject({
    seq: z.number().int().meta({ example: 43 }),
    kind: z.enum(EVENT_KINDS),
    actorId: z.string().nullable(),
    cardId: z.string().nullable(),
    payload: z
      .strictObject({
        board: boardSettingsSchema.partial().omit({ id: true }).optional(),
        members: z.array(memberSchema).optional(),
        columns: z.array(columnSchema).optional(),
        removedColumnIds: z.array(z.string()).optional(),
        lanes: z.array(laneSchema).optional(),
        removedLaneIds: z.array(z.string()).optional(),
        labels: z.array(labelJsonSchema).optional(),
        removedLabelIds: z.array(z.string()).optional(),
        cards: z.array(boardCardSchema).optional().meta({ description: "Lean, as the board lists them (BoardCard)." }),
        removedCardIds: z.array(z.string()).optional(),
        reload: z.boolean().optional().meta({ description: "Too much changed to list: reload the board." }),
      })
      .meta({
        description:
          "Upsert what is listed (a card only if its version is at least the one you hold), drop what is removed.",
      }),
    createdAt: instant,
  })
  .meta({ id: "BoardEvent" });

// ── Parameters and helpers ────────────────────────────────────────────────────────────────────

const boardId = (example = "{{board.id}}") => z.string().meta({ description: "The board id.", example });
const cardId = (example = "{{card.id}}") => z.string().meta({ description: "The card id.", example });

const boardParam = z.object({ id: boardId() });
const labelParam = z.object({
  id: boardId(),
  labelId: z.string().meta({ description: "The label id.", example: "{{label.id}}" }),
});
const itemParam = z.object({
  id: boardId(),
  cardId: cardId(),
  itemId: z.string().meta({ description: "The checklist item id.", example: "{{checklistItem.id}}" }),
});
const cardParam = z.object({ id: boardId(), cardId: cardId() });
const ifMatchHeader = z.object({ "If-Match": ifMatchSchema.optional() });
const boardIfMatchHeader = z.object({
  "If-Match": ifMatchSchema.optional().meta({
    description:
      "The board's `version` as an ETag (`\"3\"`): the change is made only if the board's own fields are still at that version, else 412. " +
      "Not the GET's ETag, which is the change number `seq` (it moves with every card).",
  }),
});

/** For PATCH and DELETE operations whose write takes no version (document.ts would otherwise promise a 412). */
const ifMatchUnused = (why: string) =>
  z.object({
    "If-Match": z
      .string()
      .optional()
      .meta({ description: `Not checked by this operation: ${why}` }),
  });

const READ: Permission = "board.read";
const WRITE: Permission[] = ["board.read", "board.write"];

const body = (schema: z.ZodType, example: unknown) => ({
  required: true,
  content: { "application/json": { schema, example } },
});

const ok = (description: string, schema: z.ZodType, withEtag = false) => ({
  description,
  ...(withEtag ? { headers: etagHeaders } : {}),
  content: { "application/json": { schema: recordEnvelope(schema) } },
});

const noContent = { "204": { description: "Done; no body." } };

/** The problems a board write can answer (404 includes a board one is not a member of). */
const WRITE_ERRORS: ErrorStatus[] = [400, 401, 403, 404, 409, 413, 415, 422];

function op(
  operationId: string,
  summary: string,
  description: string,
  permission: Permission | Permission[],
  rest: Omit<ZodOpenApiOperationObject, "operationId" | "summary" | "description" | "tags">,
): ZodOpenApiOperationObject {
  return { operationId, tags: ["Boards"], summary, description, "x-permission": permission, ...rest };
}

// ── Operations ────────────────────────────────────────────────────────────────────────────────

export const boardsPaths: ZodOpenApiPathsObject = {
  "/api/v1/boards": {
    get: op(
      "listBoards",
      "List boards",
      `The boards the caller is a member of (every board with board.manage), by name, at most ${BOARDS_LIST_CAP}; ` +
        "open ones by default, archived ones with `archived=true`.",
      READ,
      {
        requestParams: {
          query: z.object({
            archived: z
              .enum(["true", "false"])
              .optional()
              .meta({ description: "`true`: archived boards only.", example: "false" }),
          }),
        },
        responses: {
          "200": {
            description: "The boards (no paging).",
            content: { "application/json": { schema: z.strictObject({ data: z.array(boardSummarySchema) }) } },
          },
          ...errorResponses(401, 403, 422),
        },
      },
    ),
    post: op(
      "createBoard",
      "Create a board",
      "Needs board.write. The caller becomes its owner; it starts with the columns named (default To do, Doing, Done) " +
        "and, with swimlanes, one lane. Answers the whole board as GET does.",
      WRITE,
      {
        requestBody: body(createBoardSchema, {
          name: "Shop floor",
          color: "blue",
          columns: ["To do", "Doing", "Done"],
        }),
        responses: {
          "201": {
            description: "The new board.",
            headers: z.object({
              ETag: etagHeaders.shape.ETag,
              Location: z.string().meta({ example: "/api/v1/boards/cm4x1k2a0000008l4gq1h2b3c" }),
            }),
            content: { "application/json": { schema: recordEnvelope(boardSchema) } },
          },
          ...errorResponses(400, 401, 403, 413, 415, 422),
        },
      },
    ),
  },
  "/api/v1/boards/{id}": {
    get: op(
      "getBoard",
      "Get a board",
      "The board with its columns, lanes, labels, members and open cards, each in order, in a fixed number of queries. " +
        "Cards are lean (BoardCard: what a board shows; labels and members are listed once on the board); " +
        "GET …/cards/{cardId} reads a whole card with its description, checklist and comments. " +
        "The ETag is the board's change number `seq`: any change (a card moved by anyone) makes it stale, and " +
        "If-None-Match with it answers 304.",
      READ,
      {
        requestParams: { path: boardParam, header: z.object({ "If-None-Match": ifNoneMatchSchema.optional() }) },
        responses: {
          "200": ok("The board.", boardSchema, true),
          "304": { description: "Nothing changed on the board since the ETag in If-None-Match." },
          ...errorResponses(401, 403, 404),
        },
      },
    ),
    patch: op(
      "updateBoard",
      "Change a board's settings",
      "Owners (and board.manage): name, description, colour, swimlanes. Send only what changes. " +
        "If-Match takes the board's `version` (412 when it moved on); the answer's ETag is the new one.",
      WRITE,
      {
        requestParams: { path: boardParam, header: boardIfMatchHeader },
        requestBody: body(updateBoardSchema, { name: "Shop floor (spring)", color: "teal" }),
        responses: {
          "200": ok("The board's settings as they are now (ETag: its version).", boardSettingsSchema, true),
          ...errorResponses(...WRITE_ERRORS, 412),
        },
      },
    ),
    delete: op(
      "deleteBoard",
      "Delete an archived board",
      "Owners (and board.manage). Only an archived board can be deleted (409 otherwise: archive it first); " +
        "its cards, columns, lanes, labels and history go with it. Audited.",
      WRITE,
      {
        requestParams: {
          path: z.object({ id: boardId("{{archivedBoard.id}}") }),
          header: ifMatchUnused("only an archived board is deleted, so the board cannot change under the request."),
        },
        responses: { ...noContent, ...errorResponses(401, 403, 404, 409) },
      },
    ),
  },
  "/api/v1/boards/{id}/archive": {
    post: op(
      "archiveBoard",
      "Archive a board",
      "Owners (and board.manage). An archived board is read-only and listed with `archived=true`; restore undoes it.",
      WRITE,
      {
        requestParams: { path: boardParam },
        responses: {
          "200": ok("The board's settings.", boardSettingsSchema, true),
          ...errorResponses(401, 403, 404, 409),
        },
      },
    ),
  },
  "/api/v1/boards/{id}/restore": {
    post: op("restoreBoard", "Restore an archived board", "Owners (and board.manage).", WRITE, {
      requestParams: { path: z.object({ id: boardId("{{archivedBoard.id}}") }) },
      responses: {
        "200": ok("The board's settings.", boardSettingsSchema, true),
        ...errorResponses(401, 403, 404, 409),
      },
    }),
  },
  "/api/v1/boards/{id}/members": {
    get: op("listBoardMembers", "List a board's members", "By name, with their board roles.", READ, {
      requestParams: { path: boardParam },
      responses: {
        "200": {
          description: "The members.",
          content: { "application/json": { schema: z.strictObject({ data: z.array(memberSchema) }) } },
        },
        ...errorResponses(401, 403, 404),
      },
    }),
    post: op(
      "setBoardMember",
      "Add a member or change their role",
      "Owners (and board.manage). `role` is viewer (reads), editor (changes cards, columns, lanes and labels) or " +
        "owner (also the board's settings and members). A board keeps at least one owner (409). 422 for a user who is not an active account.",
      WRITE,
      {
        requestParams: { path: boardParam },
        requestBody: body(boardMemberSchema, { userId: "{{user.id}}", role: "editor" }),
        responses: {
          "200": {
            description: "Every member now.",
            content: { "application/json": { schema: z.strictObject({ data: z.array(memberSchema) }) } },
          },
          ...errorResponses(...WRITE_ERRORS),
        },
      },
    ),
  },
  "/api/v1/boards/{id}/members/{userId}": {
    delete: op(
      "removeBoardMember",
      "Remove a member",
      "Owners (and board.manage). Their assignments on the board's cards go too. The last owner cannot leave (409).",
      WRITE,
      {
        requestParams: {
          path: z.object({
            id: boardId(),
            userId: z.string().meta({ description: "The member's user id.", example: "{{boardMember.userId}}" }),
          }),
          header: ifMatchUnused("memberships have no version."),
        },
        responses: {
          "200": {
            description: "The members left.",
            content: { "application/json": { schema: z.strictObject({ data: z.array(memberSchema) }) } },
          },
          ...errorResponses(401, 403, 404, 409),
        },
      },
    ),
  },
  ...listResource("columns", "columnId", "column", {
    schema: columnSchema,
    create: createColumnSchema,
    update: updateColumnSchema,
    createExample: { name: "Review", wipLimit: 3, wipMode: "hard" },
    updateExample: { wipLimit: 5, wipMode: "soft" },
    createNote:
      "Editors (and board.manage). At `index` among the columns (default last), at most 30 (409). `wipLimit` with " +
      "`wipMode` hard refuses moves into a full column (409 `wip_limit`); soft only warns.",
    deleteNote:
      "Editors (and board.manage). Only an empty column (409 while it holds cards, archived ones included), never the last one.",
    fixture: "{{board.columnId}}",
  }),
  ...listResource("lanes", "laneId", "lane", {
    schema: laneSchema,
    create: createLaneSchema,
    update: updateLaneSchema,
    createExample: { name: "Online orders", wipLimit: 2 },
    updateExample: { name: "Web orders" },
    createNote:
      "Editors (and board.manage). Swimlanes are horizontal lanes across the columns; lanes are changed only while " +
      "the board's `swimlanesEnabled` is on (409 otherwise). At the end, at most 20. `wipLimit` counts the lane's cards " +
      "per column, in the column's mode.",
    deleteNote:
      "Editors (and board.manage). Only an empty lane (409 while it holds cards, archived ones included), never the last one.",
    fixture: "{{lane.id}}",
    boardFixture: "{{lane.boardId}}",
  }),
  "/api/v1/boards/{id}/labels": {
    post: op("createLabel", "Add a label", "Editors (and board.manage). Names are unique per board (409).", WRITE, {
      requestParams: { path: boardParam },
      requestBody: body(labelSchema, { name: "Urgent", color: "red" }),
      responses: { "201": ok("The label.", labelJsonSchema), ...errorResponses(...WRITE_ERRORS) },
    }),
  },
  "/api/v1/boards/{id}/labels/{labelId}": {
    patch: op(
      "updateLabel",
      "Rename or recolour a label",
      "Editors (and board.manage). Names are unique per board (409).",
      WRITE,
      {
        requestParams: { path: labelParam, header: ifMatchUnused("labels have no version.") },
        requestBody: body(updateLabelSchema, { color: "orange" }),
        responses: { "200": ok("The label.", labelJsonSchema), ...errorResponses(...WRITE_ERRORS) },
      },
    ),
    delete: op(
      "deleteLabel",
      "Delete a label",
      "Editors (and board.manage). The cards carrying it lose it (their versions move on).",
      WRITE,
      {
        requestParams: { path: labelParam, header: ifMatchUnused("labels have no version.") },
        responses: { ...noContent, ...errorResponses(401, 403, 404, 409) },
      },
    ),
  },
  "/api/v1/boards/{id}/cards": {
    get: op(
      "listBoardCards",
      "List a board's cards",
      `The board's cards matching the filters, in board order (column, lane, position), whole: no paging, at most ${BOARD_CARDS_CAP}. ` +
        "Open cards by default; `archived=true` lists the archive.",
      READ,
      {
        requestParams: {
          path: boardParam,
          query: cardFilterSchema.extend({
            q: cardFilterSchema.shape.q.meta({ description: "Words matched against title and description." }),
            label: cardFilterSchema.shape.label.meta({ description: "A label id." }),
            due: cardFilterSchema.shape.due.meta({
              description: "`overdue`, due this `week`, or `none` (no due date).",
            }),
            archived: cardFilterSchema.shape.archived.meta({ description: "`true`: archived cards only." }),
          }),
        },
        responses: {
          "200": {
            description: "The cards.",
            content: { "application/json": { schema: z.strictObject({ data: z.array(cardSchema) }) } },
          },
          ...errorResponses(401, 403, 404, 422),
        },
      },
    ),
    post: op(
      "createCard",
      "Create a card",
      "Editors. In `columnId` (and `laneId` with swimlanes; default the first lane) at `index` (default the bottom). " +
        "Labels must be the board's, assignees its members (422 naming the field). A hard WIP limit is 409 `wip_limit`; " +
        "a soft one is a warning. Undoable.",
      WRITE,
      {
        requestParams: { path: boardParam },
        requestBody: body(createCardSchema, {
          title: "Restock the window display",
          columnId: "{{board.columnId}}",
          priority: "high",
          dueAt: "2026-12-24",
        }),
        responses: {
          "201": {
            description: "The new card, and warnings.",
            headers: z.object({
              ETag: etagHeaders.shape.ETag,
              Location: z
                .string()
                .meta({ example: "/api/v1/boards/cm4x1k2a0000008l4gq1h2b3c/cards/cm4x1k2a0000008l4gq1h2b3d" }),
            }),
            content: { "application/json": { schema: recordEnvelope(cardChangeSchema) } },
          },
          ...errorResponses(...WRITE_ERRORS),
        },
      },
    ),
  },
  "/api/v1/boards/{id}/cards/{cardId}": {
    get: op(
      "getCard",
      "Get a card",
      "The card with its checklist, comments and history. ETag: the card's version (If-None-Match → 304). " +
        "404 for a card of another board.",
      READ,
      {
        requestParams: { path: cardParam, header: z.object({ "If-None-Match": ifNoneMatchSchema.optional() }) },
        responses: {
          "200": ok("The card.", cardDetailSchema, true),
          "304": { description: "The card is still at the ETag in If-None-Match." },
          ...errorResponses(401, 403, 404),
        },
      },
    ),
    patch: op(
      "updateCard",
      "Edit a card",
      "Editors. Send only what changes; `null` clears an optional field; `labelIds` and `assigneeIds` replace the sets. " +
        "If-Match with the card's ETag: 412 when it changed since. Undoable.",
      WRITE,
      {
        requestParams: { path: cardParam, header: ifMatchHeader },
        requestBody: body(updateCardSchema, { priority: "urgent", dueAt: "2026-12-24" }),
        responses: { "200": ok("The card as it is now.", cardSchema, true), ...errorResponses(...WRITE_ERRORS, 412) },
      },
    ),
    delete: op(
      "deleteCard",
      "Delete an archived card",
      "Editors. Only an archived card (409 otherwise: archive it first); its checklist and comments go with it.",
      WRITE,
      {
        requestParams: {
          path: z.object({ id: boardId(), cardId: cardId("{{archivedCard.id}}") }),
          header: ifMatchUnused("only an archived card is deleted; archiving is the step that takes If-Match."),
        },
        responses: { ...noContent, ...errorResponses(401, 403, 404, 409) },
      },
    ),
  },
  "/api/v1/boards/{id}/cards/{cardId}/move": {
    post: op(
      "moveCard",
      "Move a card",
      "Editors. To `index` (0 = top) of `columnId` (and `laneId`), writing one card row; `boardId` moves it to another " +
        "board the caller edits (labels and non-member assignees are dropped). Entering a column or lane at a hard WIP " +
        "limit is 409 `wip_limit` and nothing moves; at a soft one the move is made with a warning. If-Match optional. Undoable.",
      WRITE,
      {
        requestParams: { path: cardParam, header: ifMatchHeader },
        requestBody: body(moveCardSchema, { columnId: "{{board.otherColumnId}}", index: 0 }),
        responses: {
          "200": ok("The card where it is now, and warnings.", cardChangeSchema, true),
          ...errorResponses(...WRITE_ERRORS, 412),
        },
      },
    ),
  },
  "/api/v1/boards/{id}/cards/{cardId}/archive": {
    post: op(
      "archiveCard",
      "Archive a card",
      "Editors. It leaves the board and keeps its place. If-Match optional. Undoable.",
      WRITE,
      {
        requestParams: { path: cardParam, header: ifMatchHeader },
        responses: {
          "200": ok("The archived card.", cardChangeSchema, true),
          ...errorResponses(401, 403, 404, 409, 412),
        },
      },
    ),
  },
  "/api/v1/boards/{id}/cards/{cardId}/restore": {
    post: op(
      "restoreCard",
      "Restore an archived card",
      "Editors. Back where it was, subject to the column's hard WIP limit (409 `wip_limit`). If-Match optional. Undoable.",
      WRITE,
      {
        requestParams: {
          path: z.object({ id: boardId(), cardId: cardId("{{archivedCard.id}}") }),
          header: ifMatchHeader,
        },
        responses: {
          "200": ok("The card, back on the board, and warnings.", cardChangeSchema, true),
          ...errorResponses(401, 403, 404, 409, 412),
        },
      },
    ),
  },
  "/api/v1/boards/{id}/cards/{cardId}/checklist": {
    post: op(
      "addChecklistItem",
      "Add a checklist item",
      "Editors. At the end of the card's checklist. The card's version moves on (its checklist counts change).",
      WRITE,
      {
        requestParams: { path: cardParam },
        requestBody: body(checklistItemSchema, { text: "Order bulbs" }),
        responses: {
          "201": ok("The item, the whole checklist and the card.", checklistChangeSchema, true),
          ...errorResponses(...WRITE_ERRORS),
        },
      },
    ),
  },
  "/api/v1/boards/{id}/cards/{cardId}/checklist/{itemId}": {
    patch: op(
      "updateChecklistItem",
      "Tick or reword a checklist item",
      "Editors. The card's version moves on.",
      WRITE,
      {
        requestParams: { path: itemParam, header: ifMatchUnused("checklist items have no version.") },
        requestBody: body(updateChecklistItemSchema, { done: true }),
        responses: {
          "200": ok("The item, the whole checklist and the card.", checklistChangeSchema, true),
          ...errorResponses(...WRITE_ERRORS),
        },
      },
    ),
    delete: op("removeChecklistItem", "Remove a checklist item", "Editors. The card's version moves on.", WRITE, {
      requestParams: { path: itemParam, header: ifMatchUnused("checklist items have no version.") },
      responses: { ...noContent, ...errorResponses(401, 403, 404, 409) },
    }),
  },
  "/api/v1/boards/{id}/cards/{cardId}/comments": {
    post: op(
      "addComment",
      "Comment on a card",
      "Editors (viewers only read). Markdown, rendered without raw HTML. The card's version stays as it was.",
      WRITE,
      {
        requestParams: { path: cardParam },
        requestBody: body(commentSchema, { body: "Bulbs ordered, due **Friday**." }),
        responses: { "201": ok("The comment.", commentJsonSchema), ...errorResponses(...WRITE_ERRORS) },
      },
    ),
  },
  "/api/v1/boards/{id}/cards/{cardId}/comments/{commentId}": {
    delete: op(
      "deleteComment",
      "Delete a comment",
      "Its author (while an editor), or an owner of the board (403 otherwise).",
      WRITE,
      {
        requestParams: {
          path: z.object({
            id: boardId(),
            cardId: cardId(),
            commentId: z.string().meta({ description: "The comment id.", example: "{{comment.id}}" }),
          }),
          header: ifMatchUnused("comments have no version."),
        },
        responses: { ...noContent, ...errorResponses(401, 403, 404, 409) },
      },
    ),
  },
  "/api/v1/boards/{id}/undo": {
    post: op(
      "undoCardChange",
      "Undo your last card change",
      "Editors. Reverts the caller's latest undoable change on this board (a move, an edit, an archive or restore, a new " +
        "card) from the server's operation log; calling again walks further back. 409 when there is nothing to undo, or " +
        "when someone else has changed that card since.",
      WRITE,
      {
        requestParams: { path: z.object({ id: boardId("{{undoable.boardId}}") }) },
        responses: {
          "200": ok("The card as the undo left it.", undoResultSchema, true),
          ...errorResponses(401, 403, 404, 409),
        },
      },
    ),
  },
  "/api/v1/boards/{id}/events": {
    get: op(
      "streamBoardEvents",
      "Follow a board's changes (Server-Sent Events)",
      "A `text/event-stream` of the board's changes after change number `after` (or the `Last-Event-ID` header, which " +
        "EventSource sends when it reconnects, instead): first the changes you missed, then live ones. Each change is " +
        "`event: change` with `id: <seq>` and `data:` a BoardEvent (#/components/schemas/BoardEvent, JSON on one line); " +
        "numbers are gap-free, so a client that sees one skipped reloads the board. A client too far behind gets " +
        '`event: reload` with `data: {"seq": n}`: GET the board again and resume from its `seq`. `event: gone` means ' +
        "access to the board was lost. A comment line (`: ping`) every 15 s keeps proxies from closing the connection; the " +
        "stream ends after 5 minutes (EventSource reconnects with Last-Event-ID). Same access as GET /api/v1/boards/{id}: " +
        "404 for a board you are not a member of, before any stream starts.",
      READ,
      {
        requestParams: {
          path: boardParam,
          query: z.object({
            after: z
              .string()
              .regex(/^\d{1,15}$/)
              .meta({
                description:
                  "The last change number you hold (the board's `seq`; 0 for everything). Required unless Last-Event-ID is sent.",
                example: "0",
              }),
          }),
          header: z.object({
            "Last-Event-ID": z
              .string()
              .optional()
              .meta({ description: "Instead of `after`, as EventSource resends it." }),
          }),
        },
        responses: {
          "200": {
            description:
              "The stream (it stays open). The `data` of each `change` event is a BoardEvent (#/components/schemas/BoardEvent).",
            content: {
              "text/event-stream": {
                schema: z.string().meta({
                  example:
                    'id: 43\nevent: change\ndata: {"seq":43,"kind":"card.moved","actorId":"cm…","cardId":"cm…","payload":{"cards":[…]},"createdAt":"2026-12-01T10:00:00.000Z"}\n\n: ping\n\n',
                }),
              },
            },
          },
          ...errorResponses(401, 403, 404, 422),
        },
      },
    ),
  },
};

/**
 * Schemas no operation's JSON names but the event stream carries: registered as components of the
 * document (document.ts `components.schemas`), so clients can generate the event type.
 */
export const boardsComponentSchemas = { BoardEvent: boardEventSchema };

/** POST on the collection, PATCH and DELETE on one, POST …/move: columns and lanes have the same shape. */
function listResource(
  plural: "columns" | "lanes",
  param: "columnId" | "laneId",
  singular: "column" | "lane",
  spec: {
    schema: z.ZodType;
    create: z.ZodType;
    update: z.ZodType;
    createExample: unknown;
    updateExample: unknown;
    createNote: string;
    deleteNote: string;
    fixture: string;
    /** The board whose collection the create example posts to. */
    boardFixture?: string;
  },
): ZodOpenApiPathsObject {
  const Name = singular === "column" ? "Column" : "Lane";
  const oneParam = z.object({
    id: boardId(),
    [param]: z.string().meta({ description: `The ${singular} id.`, example: spec.fixture }),
  });
  return {
    [`/api/v1/boards/{id}/${plural}`]: {
      post: op(`create${Name}`, `Add a ${singular}`, spec.createNote, WRITE, {
        requestParams: { path: z.object({ id: boardId(spec.boardFixture) }) },
        requestBody: body(spec.create, spec.createExample),
        responses: { "201": ok(`The ${singular}.`, spec.schema), ...errorResponses(...WRITE_ERRORS) },
      }),
    },
    [`/api/v1/boards/{id}/${plural}/{${param}}`]: {
      patch: op(`update${Name}`, `Change a ${singular}`, "Editors (and board.manage). Send only what changes.", WRITE, {
        requestParams: { path: oneParam, header: ifMatchUnused(`this write takes no ${singular} version.`) },
        requestBody: body(spec.update, spec.updateExample),
        responses: { "200": ok(`The ${singular}.`, spec.schema), ...errorResponses(...WRITE_ERRORS) },
      }),
      delete: op(`delete${Name}`, `Delete a ${singular}`, spec.deleteNote, WRITE, {
        requestParams: { path: oneParam, header: ifMatchUnused(`only an empty ${singular} is deleted.`) },
        responses: { ...noContent, ...errorResponses(401, 403, 404, 409) },
      }),
    },
    [`/api/v1/boards/{id}/${plural}/{${param}}/move`]: {
      post: op(
        `move${Name}`,
        `Move a ${singular}`,
        `Editors (and board.manage). To \`index\` among the ${plural} (0 = first); one row written.`,
        WRITE,
        {
          requestParams: { path: oneParam },
          requestBody: body(reorderSchema, { index: 0 }),
          responses: {
            "200": ok(`The ${singular} with its new position.`, spec.schema),
            ...errorResponses(...WRITE_ERRORS),
          },
        },
      ),
    },
  };
}

// ── The documented shapes are the DAL's JSON types (tsc fails when they drift apart) ───────────

type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

export type DocumentedShapesMatch = [
  Assert<Exact<z.output<typeof cardSchema>, CardJson>>,
  Assert<Exact<z.output<typeof boardCardSchema>, BoardCardJson>>,
  Assert<Exact<z.output<typeof columnSchema>, ColumnJson>>,
  Assert<Exact<z.output<typeof laneSchema>, LaneJson>>,
  Assert<Exact<z.output<typeof labelJsonSchema>, LabelJson>>,
  Assert<Exact<z.output<typeof memberSchema>, MemberJson>>,
  Assert<Exact<z.output<typeof boardSummarySchema>, BoardSummaryJson>>,
  Assert<Exact<z.output<typeof boardSettingsSchema>, BoardSettingsJson>>,
  Assert<Exact<z.output<typeof boardSchema>, BoardJson>>,
  Assert<Exact<z.output<typeof cardDetailSchema>, CardDetailJson>>,
  Assert<Exact<z.output<typeof boardEventSchema>["kind"], BoardEventJson["kind"]>>,
];
