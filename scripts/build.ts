// `npm run build`: the same environment as `npm start` (local secrets when none are set), then
// `next build`. Modules read validated configuration while pages are collected, so a bare
// `next build` without AUTH_SECRET would stop.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { loadLocalSecrets } from "@/scripts/lib/local-secrets";

loadLocalSecrets();
process.env.NEXT_TELEMETRY_DISABLED = "1";
const result = spawnSync(path.join("node_modules", ".bin", "next"), ["build"], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production" },
});
process.exit(result.status ?? 1);
