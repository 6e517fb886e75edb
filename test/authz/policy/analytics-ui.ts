// The authorization matrix's entries for the analytics pages (/analytics and its end-of-day
// report). Merged into test/authz/access-policy.ts; the shapes and rules are documented there.
// Both read only aggregates through lib/data/analytics (analytics.read); the report's REST routes
// are declared by the analytics API's own policy file.
import type { AreaPolicy } from "../access-policy";
import { perm } from "../access";

const READ = perm("analytics.read");

export const analyticsUiPolicy: AreaPolicy = {
  actions: {},
  routes: {},
  pages: {
    "/analytics": {
      access: READ,
      cases: [
        { label: "the default range", setup: async () => ({}) },
        {
          label: "a custom range in a time zone, without comparison",
          setup: async () => ({
            query: { from: "2026-01-01", to: "2026-01-31", tz: "Europe/Paris", compare: "false" },
          }),
        },
        // An invalid value falls back to its default: still the page, never a 500.
        {
          label: "a hand-edited query",
          setup: async () => ({ query: { preset: "yesterday", from: "2026-13-40", tz: "Mars/Base" } }),
        },
      ],
    },
    "/analytics/z-report": {
      access: READ,
      cases: [
        { label: "today", setup: async () => ({}) },
        {
          label: "one day in a time zone",
          setup: async () => ({ query: { date: "2026-03-03", tz: "America/New_York" } }),
        },
      ],
    },
  },
};
