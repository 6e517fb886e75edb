// The board's limits and value lists as plain constants, without zod: what the board page's
// first-load components need (field lengths, priorities, colours), so the page's JavaScript does not
// carry the schema library (~18 kB gzipped, and building the schemas costs the page's start-up).
// The schemas (board.ts) import them from here.
export const BOARD_LIMITS = {
  name: 120,
  description: 2000,
  columnName: 60,
  laneName: 60,
  labelName: 40,
  cardTitle: 300,
  cardDescription: 20_000,
  checklistText: 300,
  checklistItems: 100,
  comment: 5000,
  columns: 30,
  lanes: 20,
  labels: 50,
  assignees: 20,
  wipLimit: 999,
  /** Cards on one board, open and archived (the board page loads every open card). */
  cards: 10_000,
} as const;

/** Palette names shared by boards, columns, labels and card covers (components/board/colors.ts maps them). */
export const BOARD_COLORS = [
  "slate",
  "red",
  "orange",
  "amber",
  "green",
  "teal",
  "blue",
  "indigo",
  "violet",
  "pink",
] as const;

export const CARD_PRIORITIES = ["none", "low", "medium", "high", "urgent"] as const;

export const WIP_MODES = ["soft", "hard"] as const;
