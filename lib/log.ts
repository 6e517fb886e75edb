// Structured JSON logs (pino). Secrets are redacted by key wherever they appear in a log object.
import "server-only";
import pino from "pino";
import { env } from "@/lib/env";

export const log = pino({
  level: env.NODE_ENV === "test" ? "silent" : env.LOG_LEVEL,
  base: { app: env.APP_NAME },
  redact: {
    paths: [
      "password",
      "*.password",
      "passwordHash",
      "*.passwordHash",
      "token",
      "*.token",
      "tokenHash",
      "*.tokenHash",
      "secret",
      "*.secret",
      "code",
      "*.code",
      "headers.cookie",
      "headers.authorization",
    ],
    censor: "[redacted]",
  },
});
