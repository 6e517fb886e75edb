// Database reachability for /api/health: public, reads no data.
import "server-only";
import { db } from "@/lib/db";

export async function checkDatabase(): Promise<"ok" | "unreachable"> {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return "ok";
  } catch {
    return "unreachable";
  }
}
