namespace Recon.Domain.Periods;

public enum PeriodStatus
{
    Open,
}

/// <summary>The write-side state of a period: only what its deciders need.</summary>
public sealed record Period(Guid Id, string ClientId, string Month, PeriodStatus Status)
{
    public static Period Create(PeriodOpened opened) => new(opened.PeriodId, opened.ClientId, opened.Month, PeriodStatus.Open);
}
