"use client";
// Modal dialog on Radix Dialog: focus is trapped inside, Escape and a click outside close it,
// focus returns to the trigger, the title and description are announced. Usage:
//
//   <Dialog open={open} onOpenChange={setOpen}>            // or uncontrolled, with a trigger:
//     <DialogTrigger asChild><Button>Open</Button></DialogTrigger>
//     <DialogContent title="Edit role" description="Changes apply on the next request.">
//       …body…
//       <DialogFooter>
//         <DialogClose asChild><Button variant="secondary">Cancel</Button></DialogClose>
//         <Button>Save</Button>
//       </DialogFooter>
//     </DialogContent>
//   </Dialog>
//
// Opening a modal dialog changes two inherited values on <body>: the scroll lock's
// --removed-body-scroll-bar-size custom property and Radix's pointer-events: none (outside
// clicks blocked). Each made the browser recompute the style of every element of the page (~60 ms
// apiece on a 4,000-card board, npm run bench:board). Registering the custom property as not
// inherited keeps it on <body>; while the overlay is up, the page's top-level elements keep
// pointer-events: auto of their own, so <body>'s none stops there (the overlay, covering the whole
// viewport, blocks the clicks instead).
import * as RadixDialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import { forwardRef, useLayoutEffect, type ComponentPropsWithoutRef, type HTMLAttributes, type ReactNode } from "react";
import { cn } from "@/lib/cn";

if (typeof window !== "undefined" && typeof CSS !== "undefined" && "registerProperty" in CSS) {
  try {
    CSS.registerProperty({
      name: "--removed-body-scroll-bar-size",
      syntax: "<length>",
      inherits: false,
      initialValue: "0px",
    });
  } catch {
    // Registered already (the module evaluated twice, e.g. in development).
  }
}

const PINNED = "data-dialog-pinned";
let overlays = 0;

/** pointer-events: auto on <body>'s children (the page) while an overlay is mounted; see above. */
function usePinnedPointerEvents() {
  useLayoutEffect(() => {
    if (overlays++ === 0) {
      for (const el of document.body.children) {
        if (el instanceof HTMLElement && !el.style.pointerEvents) {
          el.style.pointerEvents = "auto";
          el.setAttribute(PINNED, "");
        }
      }
    }
    return () => {
      overlays--;
      // After Radix has given <body> its pointer-events back (its effects clean up after this one).
      setTimeout(() => {
        if (overlays > 0) return;
        for (const el of document.querySelectorAll<HTMLElement>(`body > [${PINNED}]`)) {
          el.style.pointerEvents = "";
          el.removeAttribute(PINNED);
        }
      }, 0);
    };
  }, []);
}

function Overlay() {
  usePinnedPointerEvents();
  return <RadixDialog.Overlay className="fixed inset-0 z-50 bg-slate-950/50 backdrop-blur-[2px]" />;
}

export const Dialog = RadixDialog.Root;
export const DialogTrigger = RadixDialog.Trigger;
export const DialogClose = RadixDialog.Close;

const widths = { sm: "max-w-sm", md: "max-w-lg", lg: "max-w-2xl" } as const;

export type DialogContentProps = Omit<ComponentPropsWithoutRef<typeof RadixDialog.Content>, "title"> & {
  /** Required: the accessible name, shown as the heading. */
  title: ReactNode;
  /** Shown under the title and announced as the dialog's description. */
  description?: ReactNode;
  size?: keyof typeof widths;
  /** Hide the × button in the corner (Escape still closes). */
  hideClose?: boolean;
};

export const DialogContent = forwardRef<HTMLDivElement, DialogContentProps>(function DialogContent(
  { title, description, size = "md", hideClose = false, className, children, ...props },
  ref,
) {
  return (
    <RadixDialog.Portal>
      <Overlay />
      <RadixDialog.Content
        ref={ref}
        // Without a description Radix warns unless aria-describedby is explicitly undefined.
        {...(description ? {} : { "aria-describedby": undefined })}
        className={cn(
          "fixed left-1/2 top-1/2 z-50 flex max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 flex-col",
          "rounded-xl border border-border bg-surface text-foreground shadow-xl focus:outline-none",
          widths[size],
          className,
        )}
        {...props}
      >
        <div className="flex items-start justify-between gap-4 px-6 pt-5">
          <div className="min-w-0">
            <RadixDialog.Title className="text-base font-semibold text-foreground">{title}</RadixDialog.Title>
            {description ? (
              <RadixDialog.Description className="mt-1 text-sm text-muted-foreground">
                {description}
              </RadixDialog.Description>
            ) : null}
          </div>
          {hideClose ? null : (
            <RadixDialog.Close
              className="-mr-2 -mt-1 rounded-md p-1.5 text-muted-foreground transition hover:bg-muted hover:text-foreground"
              aria-label="Close"
            >
              <X className="size-4" aria-hidden="true" />
            </RadixDialog.Close>
          )}
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto px-6 pb-5 pt-4">{children}</div>
      </RadixDialog.Content>
    </RadixDialog.Portal>
  );
});

/** Buttons row at the bottom of a dialog: stacked on phones, right-aligned from sm up. */
export function DialogFooter({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return (
    <div
      className={cn(
        "-mx-6 -mb-5 mt-5 flex flex-col-reverse gap-2 rounded-b-xl border-t border-border bg-muted/30 px-6 py-3 sm:flex-row sm:justify-end",
        className,
      )}
      {...props}
    />
  );
}
