// Starts the app for Playwright on a fresh SQLite database, through the same path as `npm start`
// (migrate, seed, build if needed, serve). Email goes out through Resend's API to a fake Resend on
// 127.0.0.1 that records it (e2e/mailbox.ts reads it back), as it would in production.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { E2E_ADMIN, E2E_DATABASE, E2E_PORT } from "@/e2e/env";
import { E2E_MAIL_PORT } from "@/e2e/mailbox";
import { startFakeResend } from "@/test/fake-resend";

const port = E2E_PORT;
const file = E2E_DATABASE.replace(/^file:/, "");
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });

const mail = await startFakeResend(E2E_MAIL_PORT);

const child = spawn("node_modules/.bin/tsx", ["--conditions", "react-server", "scripts/start.ts"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PORT: port,
    APP_URL: `http://localhost:${port}`,
    DATABASE_URL: E2E_DATABASE,
    ADMIN_EMAIL: E2E_ADMIN.email,
    ADMIN_USERNAME: E2E_ADMIN.username,
    ADMIN_PASSWORD: E2E_ADMIN.password,
    DEV_OUTBOX: "enabled",
    RESEND_API_KEY: "re_e2e_fake",
    RESEND_BASE_URL: mail.url,
    // The tests act as many clients by sending X-Forwarded-For, as a reverse proxy would.
    TRUST_PROXY_HOPS: "1",
    // SIEM stream specs deliver to a receiver on 127.0.0.1 over plain http.
    AUDIT_STREAM_ALLOW_INSECURE: "true",
    LOG_LEVEL: "warn",
    // Two cluster workers whatever the machine (e2e/cluster-workers.spec.ts counts on them).
    WEB_CONCURRENCY: "2",
  },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => void mail.close().finally(() => process.exit(code ?? 0)));
