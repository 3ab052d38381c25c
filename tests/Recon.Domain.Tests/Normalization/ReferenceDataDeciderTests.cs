using Recon.Domain.Normalization;

namespace Recon.Domain.Tests.Normalization;

public class when_users_add_reference_data
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void a_new_synonym_is_added_to_the_canonically_named_service()
    {
        var decision = ReferenceDataDecider.AddServiceSynonym(ServiceCatalog.Default, "window cleaning", "  Glazing   Upkeep ", "li", Now);

        decision.ShouldBeOfType<Decision<ServiceSynonymAdded>.Accepted>().Event.ShouldBe(new ServiceSynonymAdded("Window Cleaning", "Glazing Upkeep", "li", Now));
    }

    [Fact]
    public void a_synonym_already_meaning_the_same_service_is_a_conflict()
    {
        var decision = ReferenceDataDecider.AddServiceSynonym(ServiceCatalog.Default, "Window Cleaning", "window clean - ext", "li", Now);

        decision.ShouldBeOfType<Decision<ServiceSynonymAdded>.Rejected>().Rejection.Title.ShouldBe("Synonym already known");
    }

    [Fact]
    public void an_alias_that_already_names_another_site_is_a_conflict()
    {
        var sites = new SiteRegistry([new Site("S-1", "Riverside Office Park", []), new Site("S-2", "Harbour Depot", [])]);

        var decision = ReferenceDataDecider.AddSiteAlias("acme", sites, "S-1", "harbour depot", "li", Now);

        decision.ShouldBeOfType<Decision<SiteAliasAdded>.Rejected>().Rejection.ShouldBe(
            new Rejection(RejectionKind.Conflict, "Alias names another site", "'harbour depot' already names site S-2 (Harbour Depot)."));
    }

    [Fact]
    public void an_alias_of_a_known_site_is_added()
    {
        var sites = new SiteRegistry([new Site("S-1", "Riverside Office Park", [])]);

        var decision = ReferenceDataDecider.AddSiteAlias("acme", sites, "s-1", "RVS Campus", "li", Now);

        decision.ShouldBeOfType<Decision<SiteAliasAdded>.Accepted>().Event.ShouldBe(new SiteAliasAdded("acme", "S-1", "RVS Campus", "li", Now));
    }
}
