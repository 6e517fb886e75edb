import { inject } from "vitest";
import { applyTestEnv } from "./test-env";

applyTestEnv();
process.env.DATABASE_URL = inject("databaseUrl");
delete process.env.RESEND_API_KEY;
