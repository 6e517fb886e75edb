// The authorization matrix's entries for the analytics REST API (GET /api/v1/analytics/*).
// Merged into test/authz/access-policy.ts; the shapes and rules are documented there.
// Every report is an aggregate read through lib/data/analytics with analytics.read, JSON by default
// and CSV with format=csv (the CSV download is audited, so it is a case of its own).
import type { AreaPolicy, RouteDeclaration } from "../access-policy";
import { perm } from "../access";

const READ = perm("analytics.read");

const RANGE = { from: "2026-01-01", to: "2026-01-31", tz: "Europe/Paris" };

const report = (extra: Record<string, string> = {}): RouteDeclaration => ({
  access: READ,
  cases: [
    { label: "the default range", setup: async () => ({}) },
    { label: "a range in a time zone", setup: async () => ({ query: { ...RANGE, ...extra } }) },
    { label: "as CSV", setup: async () => ({ query: { ...RANGE, ...extra, format: "csv" } }) },
  ],
});

export const analyticsApiPolicy: AreaPolicy = {
  actions: {},
  routes: {
    "GET /api/v1/analytics/kpis": report(),
    "GET /api/v1/analytics/sales": report({ bucket: "week" }),
    "GET /api/v1/analytics/products": report({ sort: "units" }),
    "GET /api/v1/analytics/customers": report(),
    "GET /api/v1/analytics/staff": report(),
    "GET /api/v1/analytics/payments": report(),
    "GET /api/v1/analytics/customer-mix": report(),
    "GET /api/v1/analytics/heatmap": report(),
    "GET /api/v1/analytics/stock-alerts": {
      access: READ,
      cases: [
        { label: "as JSON", setup: async () => ({}) },
        { label: "as CSV", setup: async () => ({ query: { format: "csv" } }) },
      ],
    },
    "GET /api/v1/analytics/z-report": {
      access: READ,
      cases: [
        { label: "today", setup: async () => ({}) },
        { label: "one day in a time zone", setup: async () => ({ query: { date: "2026-03-03", tz: "America/New_York" } }) },
        { label: "as CSV", setup: async () => ({ query: { date: "2026-03-03", format: "csv" } }) },
      ],
    },
  },
  pages: {},
};
