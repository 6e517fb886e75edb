"use client";
// Pages without the date-range picker learn the browser's time zone here: it is remembered in a
// cookie, and when the page was rendered for another zone it is rendered again — with `tz` in
// the URL (mode "url", pages whose URL is their state) or in place (mode "refresh").
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect } from "react";
import { browserTimeZone, rememberTimeZone } from "@/components/ui/time-zone";

export function TimeZoneSync({ tz, mode }: { tz: string; mode: "url" | "refresh" }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  useEffect(() => {
    const zone = browserTimeZone();
    if (!zone) return;
    rememberTimeZone(zone);
    if (zone === tz) return;
    if (mode === "refresh") return router.refresh();
    if (searchParams.get("tz")) return;
    const next = new URLSearchParams(searchParams.toString());
    next.set("tz", zone);
    router.replace(`${pathname}?${next}`, { scroll: false });
    // Once per arrival: a later render for the same zone needs nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return null;
}
