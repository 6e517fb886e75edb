"use client";
// Picks one colour of the board palette: a radio group of swatches (arrow keys move, the name of
// each colour is its label), optionally with "None" first (columns and card covers may have none).
import { Check } from "lucide-react";
import { useId } from "react";
import type { BoardColor } from "@/lib/validations/board";
import { BOARD_COLORS } from "@/lib/validations/board-constants";
import { BOARD_PALETTE } from "@/components/board/colors";
import { cn } from "@/lib/cn";

export function ColorPicker({
  label,
  value,
  onChange,
  allowNone = false,
  disabled = false,
  hideLabel = false,
}: {
  label: string;
  /** Keep the legend for screen readers only (a heading names the group). */
  hideLabel?: boolean;
  value: BoardColor | null;
  onChange: (color: BoardColor | null) => void;
  allowNone?: boolean;
  disabled?: boolean;
}) {
  const name = useId();
  const options: (BoardColor | null)[] = allowNone ? [null, ...BOARD_COLORS] : [...BOARD_COLORS];
  return (
    <fieldset disabled={disabled} className="min-w-0">
      <legend className={hideLabel ? "sr-only" : "mb-1.5 text-sm font-medium text-foreground"}>{label}</legend>
      <div className="flex flex-wrap gap-2">
        {options.map((color) => {
          const checked = value === color;
          const text = color ? BOARD_PALETTE[color].label : "None";
          return (
            <label key={color ?? "none"} className="relative cursor-pointer" title={text}>
              <input
                type="radio"
                name={name}
                value={color ?? ""}
                checked={checked}
                onChange={() => onChange(color)}
                className="peer sr-only"
                aria-label={text}
              />
              <span
                aria-hidden="true"
                className={cn(
                  "flex size-7 items-center justify-center rounded-full ring-offset-2 ring-offset-surface transition",
                  "peer-focus-visible:ring-2 peer-focus-visible:ring-brand",
                  color ? BOARD_PALETTE[color].solid : "border border-dashed border-muted-foreground/60 bg-surface",
                  checked && "ring-2 ring-foreground/70",
                )}
              >
                {checked ? (
                  <Check className={cn("size-4", color ? "text-white" : "text-foreground")} strokeWidth={3} />
                ) : null}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
