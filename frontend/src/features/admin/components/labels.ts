/** What the durable messages are, in words, by their .NET type name (Wolverine names them in full). */
const messageTypeLabels = new Map<string, string>([['ExecuteRun', 'Reconciliation run']]);

/**
 * A message type as people read it: `Recon.Api.Runs.ExecuteRun` (or `ExecuteRun`) → `Reconciliation run`; one the
 * SPA does not know is spelled out from its name (`FetchClientJobs` → `Fetch client jobs`).
 */
export function messageTypeLabel(messageType: string): string {
  const withoutAssembly = messageType.split(',')[0] ?? messageType;
  const name = withoutAssembly.trim().split(/[.+]/).pop() ?? '';
  const known = messageTypeLabels.get(name);
  if (known !== undefined) {
    return known;
  }
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words === '' ? messageType : `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}
