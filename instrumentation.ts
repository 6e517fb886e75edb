// Background upkeep on the Node.js server: retry queued emails, prune expired sessions.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startMaintenance } = await import("@/lib/maintenance");
  startMaintenance();
}
