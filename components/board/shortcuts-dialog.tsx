"use client";
// "Keyboard shortcuts" (the ? key): everything the board does without a pointer, in one table.
import { Dialog, DialogContent } from "@/components/ui/dialog";

const GROUPS: { title: string; keys: [string[], string][] }[] = [
  {
    title: "On a focused card",
    keys: [
      [["Enter"], "Open the card"],
      [["E"], "Edit the card (its title first)"],
      [["M"], "Move to… (board, column, lane, position)"],
      [["["], "Move to the previous column"],
      [["]"], "Move to the next column"],
      [["Alt", "↑"], "Move up in its column"],
      [["Alt", "↓"], "Move down in its column"],
      [["Alt", "Shift", "↑"], "Move to the top of its column"],
      [["Alt", "Shift", "↓"], "Move to the bottom of its column"],
      [["A"], "Archive the card"],
      [["↑", "↓", "←", "→"], "Go to the card above, below, or in the next column"],
    ],
  },
  {
    title: "Dragging with the keyboard",
    keys: [
      [["Space"], "Pick the focused card up, or drop it"],
      [["↑", "↓"], "Move it within the column"],
      [["←", "→"], "Move it to the next column"],
      [["Esc"], "Cancel the drag"],
    ],
  },
  {
    title: "Anywhere on the board",
    keys: [
      [["Ctrl", "Z"], "Undo your last move or edit (⌘ Z on a Mac)"],
      [["?"], "Show these shortcuts"],
    ],
  },
];

export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title="Keyboard shortcuts"
        description="The board works without a mouse. Shortcuts apply when no text field has focus."
        size="md"
      >
        <div className="space-y-5">
          {GROUPS.map((group) => (
            <section key={group.title}>
              <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted-foreground">
                {group.title}
              </h3>
              <table className="w-full text-sm">
                <tbody className="divide-y divide-border">
                  {group.keys.map(([keys, what]) => (
                    <tr key={what}>
                      <td className="w-40 py-1.5 pr-3 align-top">
                        <span className="flex flex-wrap gap-1">
                          {keys.map((k) => (
                            <kbd
                              key={k}
                              className="min-w-6 rounded border border-border bg-muted px-1.5 py-0.5 text-center font-sans text-xs font-medium text-foreground shadow-[inset_0_-1px_0] shadow-border"
                            >
                              {k}
                            </kbd>
                          ))}
                        </span>
                      </td>
                      <td className="py-1.5 text-foreground">{what}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </div>
      </DialogContent>
    </Dialog>
  );
}
