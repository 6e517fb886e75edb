// `npm run dev`: same preparation as `npm start`, then the Next.js dev server.
import { spawn } from "node:child_process";
import path from "node:path";
import { loadLocalSecrets } from "@/scripts/lib/local-secrets";
import { prepareDatabase } from "@/scripts/lib/prepare-database";

loadLocalSecrets();
process.env.NEXT_TELEMETRY_DISABLED = "1";
await prepareDatabase();
const server = spawn(path.join("node_modules", ".bin", "next"), ["dev"], { stdio: "inherit", env: process.env });
server.on("exit", (code) => process.exit(code ?? 0));
