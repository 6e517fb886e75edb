import { applyTestEnv } from "./test-env";

applyTestEnv();
process.env.DATABASE_URL = "file:./data/unit-never-used.db";
delete process.env.REDIS_URL;
delete process.env.RESEND_API_KEY;
