"use client";
// In-page tabs on Radix Tabs: arrow keys move between tabs, Home/End jump, the panel is linked to
// its tab. For tabs that are links between pages (Settings, Admin) use NavTabs (nav-tabs.tsx).
//
//   <Tabs defaultValue="profile">
//     <TabsList aria-label="User">
//       <TabsTrigger value="profile">Profile</TabsTrigger>
//       <TabsTrigger value="sessions">Sessions</TabsTrigger>
//     </TabsList>
//     <TabsContent value="profile">…</TabsContent>
//     <TabsContent value="sessions">…</TabsContent>
//   </Tabs>
import * as RadixTabs from "@radix-ui/react-tabs";
import { forwardRef, type ComponentPropsWithoutRef } from "react";
import { cn } from "@/lib/cn";

export const Tabs = RadixTabs.Root;

export const TabsList = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<typeof RadixTabs.List>>(function TabsList(
  { className, ...props },
  ref,
) {
  return (
    <RadixTabs.List
      ref={ref}
      className={cn("flex gap-1 overflow-x-auto border-b border-border", className)}
      {...props}
    />
  );
});

export const TabsTrigger = forwardRef<HTMLButtonElement, ComponentPropsWithoutRef<typeof RadixTabs.Trigger>>(
  function TabsTrigger({ className, ...props }, ref) {
    return (
      <RadixTabs.Trigger
        ref={ref}
        className={cn(
          "-mb-px inline-flex items-center gap-2 whitespace-nowrap border-b-2 border-transparent px-4 py-2.5 text-sm font-medium text-muted-foreground transition",
          "hover:text-foreground data-[state=active]:border-brand data-[state=active]:text-brand",
          "disabled:pointer-events-none disabled:opacity-50",
          className,
        )}
        {...props}
      />
    );
  },
);

export const TabsContent = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<typeof RadixTabs.Content>>(
  function TabsContent({ className, ...props }, ref) {
    return <RadixTabs.Content ref={ref} className={cn("mt-6", className)} {...props} />;
  },
);
