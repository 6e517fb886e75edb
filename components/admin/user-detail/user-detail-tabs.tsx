"use client";
// The sections of a user's admin page as in-page tabs. The open tab is kept in ?tab= (replaced,
// not pushed), so a reload or a shared link opens the same section and the back button leaves.
import type { ReactNode } from "react";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";

export type UserDetailTab = { value: string; label: string; count?: number; content: ReactNode };

export function UserDetailTabs({ tabs, initial }: { tabs: UserDetailTab[]; initial: string }) {
  const first = tabs.some((t) => t.value === initial) ? initial : (tabs[0]?.value ?? "");
  return (
    <Tabs
      defaultValue={first}
      onValueChange={(value) => {
        const url = new URL(window.location.href);
        url.searchParams.set("tab", value);
        window.history.replaceState(window.history.state, "", url);
      }}
    >
      <TabsList aria-label="User sections">
        {tabs.map((t) => (
          <TabsTrigger key={t.value} value={t.value} className="px-3 sm:px-4">
            {t.label}
            {t.count !== undefined ? (
              <span className="rounded-full bg-muted px-1.5 py-0.5 text-xs font-medium tabular-nums text-muted-foreground">
                {t.count}
              </span>
            ) : null}
          </TabsTrigger>
        ))}
      </TabsList>
      {tabs.map((t) => (
        <TabsContent key={t.value} value={t.value} className="space-y-6 focus-visible:outline-none">
          {t.content}
        </TabsContent>
      ))}
    </Tabs>
  );
}
