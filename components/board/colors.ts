// The board palette (BOARD_COLORS, lib/validations/board.ts) as Tailwind classes, written out in
// full so the class scanner sees them. Boards, columns, labels and card covers share it; each
// entry reads in light and dark mode (chips keep at least 4.5:1 contrast on their background).
import type { BoardColor } from "@/lib/validations/board";

type Swatch = {
  label: string;
  /** A solid dot or bar (board accent, colour pickers, cover strip). */
  solid: string;
  /** A label chip: soft background, strong text. */
  chip: string;
  /** A thin left or top border in the colour. */
  border: string;
};

export const BOARD_PALETTE: Record<BoardColor, Swatch> = {
  slate: {
    label: "Slate",
    solid: "bg-slate-500",
    chip: "bg-slate-100 text-slate-800 ring-slate-600/20 dark:bg-slate-500/20 dark:text-slate-200 dark:ring-slate-400/30",
    border: "border-slate-500",
  },
  red: {
    label: "Red",
    solid: "bg-red-500",
    chip: "bg-red-100 text-red-800 ring-red-600/20 dark:bg-red-500/20 dark:text-red-200 dark:ring-red-400/30",
    border: "border-red-500",
  },
  orange: {
    label: "Orange",
    solid: "bg-orange-500",
    chip: "bg-orange-100 text-orange-800 ring-orange-600/20 dark:bg-orange-500/20 dark:text-orange-200 dark:ring-orange-400/30",
    border: "border-orange-500",
  },
  amber: {
    label: "Amber",
    solid: "bg-amber-400",
    chip: "bg-amber-100 text-amber-900 ring-amber-600/20 dark:bg-amber-500/20 dark:text-amber-200 dark:ring-amber-400/30",
    border: "border-amber-400",
  },
  green: {
    label: "Green",
    solid: "bg-green-500",
    chip: "bg-green-100 text-green-800 ring-green-600/20 dark:bg-green-500/20 dark:text-green-200 dark:ring-green-400/30",
    border: "border-green-500",
  },
  teal: {
    label: "Teal",
    solid: "bg-teal-500",
    chip: "bg-teal-100 text-teal-800 ring-teal-600/20 dark:bg-teal-500/20 dark:text-teal-200 dark:ring-teal-400/30",
    border: "border-teal-500",
  },
  blue: {
    label: "Blue",
    solid: "bg-blue-500",
    chip: "bg-blue-100 text-blue-800 ring-blue-600/20 dark:bg-blue-500/20 dark:text-blue-200 dark:ring-blue-400/30",
    border: "border-blue-500",
  },
  indigo: {
    label: "Indigo",
    solid: "bg-indigo-500",
    chip: "bg-indigo-100 text-indigo-800 ring-indigo-600/20 dark:bg-indigo-500/20 dark:text-indigo-200 dark:ring-indigo-400/30",
    border: "border-indigo-500",
  },
  violet: {
    label: "Violet",
    solid: "bg-violet-500",
    chip: "bg-violet-100 text-violet-800 ring-violet-600/20 dark:bg-violet-500/20 dark:text-violet-200 dark:ring-violet-400/30",
    border: "border-violet-500",
  },
  pink: {
    label: "Pink",
    solid: "bg-pink-500",
    chip: "bg-pink-100 text-pink-800 ring-pink-600/20 dark:bg-pink-500/20 dark:text-pink-200 dark:ring-pink-400/30",
    border: "border-pink-500",
  },
};

export function swatch(color: BoardColor | null | undefined): Swatch {
  return BOARD_PALETTE[color ?? "slate"] ?? BOARD_PALETTE.slate;
}
