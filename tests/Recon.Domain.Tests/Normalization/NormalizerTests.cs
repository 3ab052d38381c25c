using Recon.Domain.Normalization;

namespace Recon.Domain.Tests.Normalization;

public class when_reading_dates
{
    [Theory]
    [InlineData("2026-10-05")]
    [InlineData("10/05/2026")]
    [InlineData("10/5/2026")]
    [InlineData("05-Oct-2026")]
    [InlineData("05-OCT-2026")]
    [InlineData("5-oct-2026")]
    [InlineData("  2026-10-05 ")]
    public void every_export_form_reads_as_the_same_day(string raw)
    {
        DateNormalizer.TryParse(raw, out var date).ShouldBeTrue();
        date.ShouldBe(new DateOnly(2026, 10, 5));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-13-01")]
    [InlineData("31/10/2026")]
    [InlineData("2026.10.05")]
    [InlineData("05-Octo-2026")]
    [InlineData("yesterday")]
    [InlineData("2026-02-30")]
    public void ambiguous_or_impossible_dates_are_refused(string raw)
    {
        DateNormalizer.TryParse(raw, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData(DateOrder.MonthFirst, 2026, 3, 4)]
    [InlineData(DateOrder.DayFirst, 2026, 4, 3)]
    public void a_numeric_date_reads_in_the_order_the_source_is_set_to(DateOrder order, int year, int month, int day)
    {
        DateNormalizer.Parse("03/04/2026", order).ShouldBe(new DateOnly(year, month, day));
        DateNormalizer.Parse("2026-10-05", order).ShouldBe(new DateOnly(2026, 10, 5));
        DateNormalizer.Parse("05-Oct-2026", order).ShouldBe(new DateOnly(2026, 10, 5));
    }

    [Fact]
    public void a_day_first_source_refuses_a_date_only_month_first_could_mean_and_says_which_forms_it_takes()
    {
        DateNormalizer.TryParse("10/31/2026", DateOrder.DayFirst, out _).ShouldBeFalse();
        DateNormalizer.Parse("31/10/2026", DateOrder.DayFirst).ShouldBe(new DateOnly(2026, 10, 31));
        Should.Throw<FormatException>(() => DateNormalizer.Parse("10/31/2026", DateOrder.DayFirst)).Message.ShouldContain("dd/MM/yyyy");
    }
}

public class when_reading_amounts
{
    [Theory]
    [InlineData("1250.00", 1250.00)]
    [InlineData("$1,250.00", 1250.00)]
    [InlineData("1,250", 1250)]
    [InlineData("-250.00", -250.00)]
    [InlineData("(250.00)", -250.00)]
    [InlineData("($1,000.50)", -1000.50)]
    [InlineData("-$75.10", -75.10)]
    [InlineData("$-75.10", -75.10)]
    [InlineData("€ 99.5", 99.5)]
    [InlineData("0.005", 0.005)]
    [InlineData(" 12 ", 12)]
    public void export_forms_read_as_decimals(string raw, double expected)
    {
        MoneyParser.TryParseAmount(raw, out var amount).ShouldBeTrue();
        amount.ShouldBe((decimal)expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12,50")]
    [InlineData("1 250,00")]
    [InlineData("1,25,000")]
    [InlineData("--5")]
    [InlineData("(-5)")]
    [InlineData("5.")]
    [InlineData("five")]
    [InlineData("1.2.3")]
    [InlineData("1e3")]
    public void anything_that_could_be_misread_is_refused(string raw)
    {
        MoneyParser.TryParseAmount(raw, out _).ShouldBeFalse();
    }

    [Fact]
    public void amounts_keep_their_exact_decimal_value()
    {
        MoneyParser.TryParseAmount("0.10", out var a).ShouldBeTrue();
        MoneyParser.TryParseAmount("0.20", out var b).ShouldBeTrue();
        (a + b).ShouldBe(0.30m);
    }

    [Theory]
    [InlineData("usd", "USD")]
    [InlineData(" EUR ", "EUR")]
    public void known_currency_codes_are_upper_cased(string raw, string code)
    {
        Currencies.TryNormalize(raw, out var normalized).ShouldBeTrue();
        normalized.ShouldBe(code);
    }

    [Theory]
    [InlineData("US$")]
    [InlineData("XYZ")]
    [InlineData("")]
    public void unknown_currency_codes_are_refused(string raw)
    {
        Currencies.TryNormalize(raw, out _).ShouldBeFalse();
    }
}

public class when_reading_job_references
{
    [Theory]
    [InlineData("JOB-100234")]
    [InlineData("J100234")]
    [InlineData(" j-100234 ")]
    [InlineData("job #100234")]
    [InlineData("JB_100234")]
    [InlineData("100234")]
    [InlineData("JOB-0100234")]
    public void every_written_form_becomes_one_canonical_reference(string raw)
    {
        JobReference.CanonicalOrNull(raw).ShouldBe("JOB-100234");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("JOB-")]
    [InlineData("JOB-000")]
    [InlineData("#-/")]
    [InlineData("AB")]
    [InlineData("WORK-ORDER")]
    public void blank_or_digitless_references_have_no_canonical_form(string? raw)
    {
        JobReference.CanonicalOrNull(raw).ShouldBeNull();
    }

    [Theory]
    [InlineData("WO-2610-00421")]
    [InlineData("wo 2610 00421")]
    [InlineData(" #WO/2610/00421 ")]
    [InlineData("WO261000421")]
    public void another_numbering_is_read_by_its_letters_and_digits(string raw)
    {
        JobReference.CanonicalOrNull(raw).ShouldBe("WO261000421");
    }

    [Theory]
    [InlineData("INV-100234", "INV100234")]
    [InlineData("JOB-12A", "JOB12A")]
    public void a_reference_outside_the_job_family_keeps_its_own_key(string raw, string key)
    {
        JobReference.CanonicalOrNull(raw).ShouldBe(key);
    }
}

public class when_resolving_sites
{
    private static readonly SiteRegistry Registry = new(
    [
        new Site("S-001", "Riverside Office Park", ["Riverside OP"]),
        new Site("S-002", "North Distribution Center", []),
        new Site("S-003", "St. Mary's Hospital", []),
    ]);

    [Fact]
    public void a_known_code_wins_whatever_the_name()
    {
        var resolution = Registry.Resolve(" s-002 ", "something else");

        resolution.Site!.Code.ShouldBe("S-002");
        resolution.Method.ShouldBe(SiteResolutionMethod.Code);
    }

    [Theory]
    [InlineData("riverside office park", SiteResolutionMethod.Name)]
    [InlineData("RIVERSIDE OFFICE PARK", SiteResolutionMethod.Name)]
    [InlineData("Riverside  Office   Park.", SiteResolutionMethod.Name)]
    [InlineData("Riverside OP", SiteResolutionMethod.Alias)]
    public void case_spacing_and_known_aliases_resolve_exactly(string name, SiteResolutionMethod method)
    {
        var resolution = Registry.Resolve(null, name);

        resolution.Site!.Code.ShouldBe("S-001");
        resolution.Method.ShouldBe(method);
        resolution.Score.ShouldBe(100);
    }

    [Theory]
    [InlineData("N Distribution Ctr", "S-002")]
    [InlineData("North Distrbution Center", "S-002")]
    [InlineData("Saint Marys Hospital", "S-003")]
    [InlineData("St Mary's Hosp", "S-003")]
    [InlineData("Riverside Ofice Park", "S-001")]
    public void abbreviations_and_misspellings_resolve_to_the_canonical_site(string name, string code)
    {
        Registry.Resolve(null, name).Site!.Code.ShouldBe(code);
    }

    [Theory]
    [InlineData("Harbour Warehouse")]
    [InlineData("")]
    public void unknown_sites_stay_unresolved(string name)
    {
        Registry.Resolve(null, name).Method.ShouldBe(SiteResolutionMethod.Unresolved);
    }

    [Fact]
    public void a_name_shared_by_two_sites_resolves_to_neither()
    {
        var registry = new SiteRegistry([new Site("A-1", "Main Office", []), new Site("B-2", "Main Office", [])]);

        registry.Resolve(null, "main office").Method.ShouldBe(SiteResolutionMethod.Unresolved);
        registry.Resolve("B-2", "main office").Site!.Code.ShouldBe("B-2");
    }

    [Fact]
    public void a_learned_alias_resolves_exactly_afterwards()
    {
        Registry.Resolve(null, "RVS Park").Site.ShouldBeNull();

        var learned = Registry.WithAlias("S-001", "RVS Park");

        learned.Resolve(null, "rvs park").ShouldBe(new SiteResolution(learned.Sites[0], SiteResolutionMethod.Alias, 100));
        Registry.Resolve(null, "RVS Park").Site.ShouldBeNull();
    }
}

public class when_resolving_service_types
{
    [Theory]
    [InlineData("Window Cleaning", "Window Cleaning")]
    [InlineData("Window Clean - Ext", "Window Cleaning")]
    [InlineData("WINDOW CLEAN EXT.", "Window Cleaning")]
    [InlineData("window cleaning (exterior)", "Window Cleaning")]
    [InlineData("HVAC maint.", "HVAC Maintenance")]
    [InlineData("Pest Ctrl", "Pest Control")]
    [InlineData("Power Washing", "Pressure Washing")]
    [InlineData("Lawn Care", "Landscaping")]
    [InlineData("Janitorial Svc", "Janitorial")]
    public void synonyms_and_abbreviations_resolve_to_the_canonical_service(string raw, string canonical)
    {
        ServiceCatalog.Default.Resolve(raw).Service!.Name.ShouldBe(canonical);
    }

    [Theory]
    [InlineData("Cleaning")]
    [InlineData("Consulting")]
    [InlineData("")]
    public void vague_or_unknown_descriptions_stay_unresolved(string raw)
    {
        ServiceCatalog.Default.Resolve(raw).Service.ShouldBeNull();
    }

    [Fact]
    public void users_can_extend_the_synonym_table()
    {
        ServiceCatalog.Default.Resolve("Glazing Upkeep").Service.ShouldBeNull();

        var extended = ServiceCatalog.Default.WithSynonym("Window Cleaning", "Glazing Upkeep");

        extended.Resolve("glazing upkeep").Service!.Name.ShouldBe("Window Cleaning");
    }
}
