import { describe, expect, it } from 'vitest';
import { messageTypeLabel } from '@/features/admin/components/labels';

describe('messageTypeLabel', () => {
  it('names a reconciliation run, by its short or full .NET name', () => {
    expect(messageTypeLabel('ExecuteRun')).toBe('Reconciliation run');
    expect(messageTypeLabel('Recon.Api.Runs.ExecuteRun')).toBe('Reconciliation run');
    expect(messageTypeLabel('Recon.Api.Runs.ExecuteRun, Recon.Api')).toBe('Reconciliation run');
  });

  it('spells out a message type it does not know', () => {
    expect(messageTypeLabel('Recon.Api.Ingestion.FetchClientJobs')).toBe('Fetch client jobs');
    expect(messageTypeLabel('Outer+RebuildProjection2')).toBe('Rebuild projection2');
    expect(messageTypeLabel('')).toBe('');
  });
});
