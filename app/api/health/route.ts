import { json, withApi } from "@/lib/api/with-api";
import { checkDatabase } from "@/lib/data/health/check-database";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and uptime checks. */
export const GET = withApi(async () => {
  const database = await checkDatabase();
  return json(
    { status: database === "ok" ? "ok" : "degraded", database, time: new Date().toISOString() },
    { status: database === "ok" ? 200 : 503 },
  );
});
