// The viewer's own passkeys for Settings → Sign-in methods. Never anyone else's; never the public
// key or credential id (nothing a page needs).
import "server-only";
import { db } from "@/lib/db";
import { requireViewer } from "@/lib/auth/require-viewer";
import type { Viewer } from "@/lib/auth/viewer";

export type OwnPasskey = {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  /** "multiDevice": synced by a password manager or platform account; "singleDevice": bound to one device. */
  deviceType: "singleDevice" | "multiDevice";
  backedUp: boolean;
};

export async function listOwnPasskeys(viewer: Viewer | null): Promise<OwnPasskey[]> {
  requireViewer(viewer);
  const rows = await db.passkey.findMany({
    where: { userId: viewer.userId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, deviceType: true, backedUp: true },
  });
  return rows.map((r) => ({ ...r, deviceType: r.deviceType === "multiDevice" ? "multiDevice" : "singleDevice" }));
}
