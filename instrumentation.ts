// Runs once when a server process starts. The audit sealer chains events every second; in a
// fleet every instance runs it and an advisory lock lets one at a time do the work. The job
// workers (lib/server/jobs) take background work from the PostgreSQL-backed queue, unless
// JOB_WORKERS=off leaves that to `npm run worker` processes.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startAuditSealer } = await import("@/lib/server/audit/audit-sealer-loop");
  startAuditSealer();
  const { startJobWorkers } = await import("@/lib/server/jobs/worker");
  startJobWorkers();
}
