using Recon.Domain.Periods;

namespace Recon.Domain.Tests.Periods;

public class when_opening_a_period
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly OpenPeriodCommand Command = new(ClientId.Parse("acme"), ReconciliationMonth.Parse("2026-10"), "maria");

    [Fact]
    public void a_new_client_month_records_period_opened()
    {
        var decision = PeriodDecider.Open(existing: null, Command, Now);

        var opened = decision.ShouldBeOfType<Decision<PeriodOpened>.Accepted>().Event;
        opened.ShouldBe(new PeriodOpened(PeriodDecider.PeriodIdFor(Command.ClientId, Command.Month), "acme", "2026-10", Now, "maria"));
    }

    [Fact]
    public void an_already_open_client_month_is_refused_as_a_conflict()
    {
        var existing = Period.Create(new PeriodOpened(Guid.NewGuid(), "acme", "2026-10", Now.AddDays(-1), "li"));

        var decision = PeriodDecider.Open(existing, Command, Now);

        var rejection = decision.ShouldBeOfType<Decision<PeriodOpened>.Rejected>().Rejection;
        rejection.Kind.ShouldBe(RejectionKind.Conflict);
        rejection.Detail.ShouldBe("Client 'acme' already has an open period for 2026-10.");
    }

    [Fact]
    public void the_period_id_is_the_same_for_the_same_client_and_month_whatever_the_case()
    {
        var upper = PeriodDecider.PeriodIdFor(ClientId.Parse("ACME"), ReconciliationMonth.Parse("2026-10"));
        var lower = PeriodDecider.PeriodIdFor(ClientId.Parse("acme"), ReconciliationMonth.Parse("2026-10"));

        upper.ShouldBe(lower);
        upper.ToString()[14].ShouldBe('5');
    }

    [Fact]
    public void another_month_or_client_gets_another_period_id()
    {
        var october = PeriodDecider.PeriodIdFor(ClientId.Parse("acme"), ReconciliationMonth.Parse("2026-10"));

        PeriodDecider.PeriodIdFor(ClientId.Parse("acme"), ReconciliationMonth.Parse("2026-11")).ShouldNotBe(october);
        PeriodDecider.PeriodIdFor(ClientId.Parse("globex"), ReconciliationMonth.Parse("2026-10")).ShouldNotBe(october);
    }
}
