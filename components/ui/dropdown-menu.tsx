"use client";
// Menu on Radix DropdownMenu: arrow keys move, typing jumps to an item, Escape closes and focus
// returns to the trigger. Usage:
//
//   <DropdownMenu>
//     <DropdownMenuTrigger asChild><Button variant="ghost" aria-label="Actions">…</Button></DropdownMenuTrigger>
//     <DropdownMenuContent align="end">
//       <DropdownMenuLabel>Columns</DropdownMenuLabel>
//       <DropdownMenuCheckboxItem checked={…} onCheckedChange={…}>Email</DropdownMenuCheckboxItem>
//       <DropdownMenuSeparator />
//       <DropdownMenuItem onSelect={…}>Edit</DropdownMenuItem>
//       <DropdownMenuItem tone="danger" onSelect={…}>Delete</DropdownMenuItem>
//     </DropdownMenuContent>
//   </DropdownMenu>
//
// For an item that navigates, use <DropdownMenuItem asChild><Link href="…">…</Link></DropdownMenuItem>.
import * as Menu from "@radix-ui/react-dropdown-menu";
import { Check } from "lucide-react";
import { forwardRef, type ComponentPropsWithoutRef } from "react";
import { cn } from "@/lib/cn";

export const DropdownMenu = Menu.Root;
export const DropdownMenuTrigger = Menu.Trigger;
export const DropdownMenuGroup = Menu.Group;

export const DropdownMenuContent = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<typeof Menu.Content>>(
  function DropdownMenuContent({ className, sideOffset = 6, align = "end", ...props }, ref) {
    return (
      <Menu.Portal>
        <Menu.Content
          ref={ref}
          sideOffset={sideOffset}
          align={align}
          className={cn(
            "z-50 min-w-44 overflow-hidden rounded-lg border border-border bg-surface p-1 text-sm text-foreground shadow-lg",
            className,
          )}
          {...props}
        />
      </Menu.Portal>
    );
  },
);

const itemClasses =
  "relative flex cursor-default select-none items-center gap-2 rounded-md px-2.5 py-1.5 outline-none transition-colors data-[disabled]:pointer-events-none data-[disabled]:opacity-50";

export const DropdownMenuItem = forwardRef<
  HTMLDivElement,
  ComponentPropsWithoutRef<typeof Menu.Item> & { tone?: "default" | "danger" }
>(function DropdownMenuItem({ className, tone = "default", ...props }, ref) {
  return (
    <Menu.Item
      ref={ref}
      className={cn(
        itemClasses,
        tone === "danger"
          ? "text-danger data-[highlighted]:bg-danger-soft"
          : "data-[highlighted]:bg-muted data-[highlighted]:text-foreground",
        className,
      )}
      {...props}
    />
  );
});

export const DropdownMenuCheckboxItem = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<typeof Menu.CheckboxItem>>(
  function DropdownMenuCheckboxItem({ className, children, ...props }, ref) {
    return (
      <Menu.CheckboxItem
        ref={ref}
        className={cn(itemClasses, "pl-8 data-[highlighted]:bg-muted", className)}
        {...props}
      >
        <span className="absolute left-2.5 flex size-4 items-center justify-center">
          <Menu.ItemIndicator>
            <Check className="size-4 text-brand" aria-hidden="true" />
          </Menu.ItemIndicator>
        </span>
        {children}
      </Menu.CheckboxItem>
    );
  },
);

export function DropdownMenuLabel({ className, ...props }: ComponentPropsWithoutRef<typeof Menu.Label>) {
  return (
    <Menu.Label
      className={cn("px-2.5 py-1.5 text-xs font-medium uppercase tracking-wide text-muted-foreground", className)}
      {...props}
    />
  );
}

export function DropdownMenuSeparator({ className, ...props }: ComponentPropsWithoutRef<typeof Menu.Separator>) {
  return <Menu.Separator className={cn("-mx-1 my-1 h-px bg-border", className)} {...props} />;
}
