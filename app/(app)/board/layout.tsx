import type { ReactNode } from "react";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";

// The check sits above loading.tsx: a forbidden() thrown under a loading boundary would arrive after
// the shell was already sent with HTTP 200. The list's loading.tsx lives in the (list) group, so it
// does not wrap /board/[id] (whose notFound() must answer 404).
export default async function BoardLayout({ children }: { children: ReactNode }) {
  await requirePagePermission("board.read");
  return children;
}
