using Recon.Domain.Periods;

namespace Recon.Domain.Tests.Periods;

public class when_reading_a_month
{
    [Theory]
    [InlineData("2026-10", 2026, 10)]
    [InlineData("2000-01", 2000, 1)]
    [InlineData("2099-12", 2099, 12)]
    public void a_well_formed_month_is_accepted(string text, int year, int month)
    {
        ReconciliationMonth.TryParse(text, out var parsed).ShouldBeTrue();
        parsed.Year.ShouldBe(year);
        parsed.Month.ShouldBe(month);
        parsed.ToString().ShouldBe(text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-1")]
    [InlineData("26-10")]
    [InlineData("2026/10")]
    [InlineData("2026-10-01")]
    [InlineData(" 2026-10")]
    [InlineData("1999-12")]
    [InlineData("2100-01")]
    [InlineData("+026-10")]
    public void anything_else_is_refused(string? text)
    {
        ReconciliationMonth.TryParse(text, out _).ShouldBeFalse();
        Should.Throw<FormatException>(() => ReconciliationMonth.Parse(text!));
    }

    [Fact]
    public void it_knows_its_first_and_last_day()
    {
        var february = ReconciliationMonth.Parse("2028-02");
        february.FirstDay.ShouldBe(new DateOnly(2028, 2, 1));
        february.LastDay.ShouldBe(new DateOnly(2028, 2, 29));
        february.Contains(new DateOnly(2028, 2, 29)).ShouldBeTrue();
        february.Contains(new DateOnly(2028, 3, 1)).ShouldBeFalse();
    }
}

public class when_reading_a_client_id
{
    [Theory]
    [InlineData("acme", "acme")]
    [InlineData(" ACME-Corp.eu ", "acme-corp.eu")]
    [InlineData("client_42", "client_42")]
    public void it_is_trimmed_and_lower_cased(string text, string canonical)
    {
        ClientId.Parse(text).Value.ShouldBe(canonical);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-acme")]
    [InlineData("acme corp")]
    [InlineData("acmé")]
    [InlineData("a/b")]
    public void malformed_ids_are_refused(string text)
    {
        ClientId.TryParse(text, out _).ShouldBeFalse();
    }

    [Fact]
    public void ids_longer_than_64_characters_are_refused()
    {
        ClientId.TryParse(new string('a', 64), out _).ShouldBeTrue();
        ClientId.TryParse(new string('a', 65), out _).ShouldBeFalse();
    }
}
