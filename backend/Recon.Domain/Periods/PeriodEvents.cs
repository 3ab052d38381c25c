namespace Recon.Domain.Periods;

/// <summary>A reconciliation period was opened for one client and one month.</summary>
public sealed record PeriodOpened(Guid PeriodId, string ClientId, string Month, DateTimeOffset OpenedAt, string OpenedBy);
