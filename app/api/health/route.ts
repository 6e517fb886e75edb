import { db } from "@/lib/db";
import { json, withApi } from "@/lib/api/with-api";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and uptime checks. */
export const GET = withApi(async () => {
  let database: "ok" | "unreachable" = "ok";
  try {
    await db.$queryRawUnsafe("SELECT 1");
  } catch {
    database = "unreachable";
  }
  return json(
    { status: database === "ok" ? "ok" : "degraded", database, time: new Date().toISOString() },
    { status: database === "ok" ? 200 : 503 },
  );
});
