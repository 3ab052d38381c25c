using Recon.Domain.Normalization;
using Recon.Domain.Normalization.Vocabulary;

namespace Recon.Domain.Tests.Normalization.Vocabulary;

public class when_resolving_service_texts_through_a_clients_vocabulary
{
    private static readonly string[] Services = ["Glint Facade Rinse", "Morrow Duct Purge", "Velk Turf Shaping"];

    private static VocabularyMapping Learned(string text, string service, int support = 12) => new(text, service, MappingOrigin.Learned, support, 1, "recon-run");

    [Theory]
    [InlineData("glint facade rinse")]
    [InlineData("GLINT FACADE RINSE, October 2026")]
    [InlineData("  Glint  Facade-Rinse ")]
    public void the_clients_own_name_written_differently_is_the_service(string text)
    {
        var resolution = new ServiceVocabulary(Services, []).Resolve(text);

        resolution.ShouldBe(new TextResolution("Glint Facade Rinse", MappingOrigin.Name, 100, null));
    }

    [Fact]
    public void a_text_sharing_nothing_with_the_vocabulary_resolves_to_nothing()
    {
        var resolution = new ServiceVocabulary(Services, []).Resolve("Pellow Sweep");

        resolution.Resolved.ShouldBeFalse();
        resolution.Origin.ShouldBeNull();
    }

    [Fact]
    public void a_learned_mapping_reads_the_text_and_names_its_support()
    {
        var resolution = new ServiceVocabulary(Services, [Learned("Pellow Sweep", "Glint Facade Rinse", support: 48)]).Resolve("PELLOW SWEEP");

        resolution.Target.ShouldBe("Glint Facade Rinse");
        resolution.Origin.ShouldBe(MappingOrigin.Learned);
        resolution.Mapping!.Support.ShouldBe(48);
    }

    [Fact]
    public void a_users_confirmation_outranks_what_runs_learned()
    {
        var vocabulary = new ServiceVocabulary(
            Services,
            [Learned("Pellow Sweep", "Glint Facade Rinse"), new VocabularyMapping("pellow sweep", "Morrow Duct Purge", MappingOrigin.Confirmed, 0, 0, "li")]);

        vocabulary.Resolve("Pellow Sweep").ShouldSatisfyAllConditions(
            r => r.Target.ShouldBe("Morrow Duct Purge"),
            r => r.Origin.ShouldBe(MappingOrigin.Confirmed));
    }

    [Fact]
    public void a_mapping_to_a_service_the_client_does_not_have_is_ignored()
    {
        new ServiceVocabulary(Services, [Learned("Pellow Sweep", "Window Cleaning")]).Resolve("Pellow Sweep").Resolved.ShouldBeFalse();
    }

    [Theory]
    [InlineData("Glint Facade Rinze", "Glint Facade Rinse")]
    [InlineData("Facade Rinse Glint", "Glint Facade Rinse")]
    [InlineData("Morow Duct Purge", "Morrow Duct Purge")]
    public void a_typing_slip_or_another_word_order_reads_as_the_closest_service(string text, string service)
    {
        var resolution = new ServiceVocabulary(Services, []).Resolve(text);

        resolution.Target.ShouldBe(service);
        resolution.Origin.ShouldBe(MappingOrigin.Similar);
    }

    [Fact]
    public void a_text_equally_close_to_two_services_resolves_to_neither()
    {
        var vocabulary = new ServiceVocabulary(["Glint Facade Rinse", "Deep Facade Rinse"], []);

        vocabulary.Resolve("Facade Rinse").Resolved.ShouldBeFalse();
    }

    [Fact]
    public void the_seed_catalog_reads_its_synonyms_onto_the_clients_services_only_when_given()
    {
        var clientServices = new[] { "Window Cleaning", "Pest Control" };

        new ServiceVocabulary(clientServices, [], ServiceCatalog.Default).Resolve("Glass Cleaning").ShouldSatisfyAllConditions(
            r => r.Target.ShouldBe("Window Cleaning"),
            r => r.Origin.ShouldBe(MappingOrigin.Seed));
        new ServiceVocabulary(clientServices, []).Resolve("Extermination").Resolved.ShouldBeFalse();
        new ServiceVocabulary(clientServices, [], ServiceCatalog.Default).Resolve("Extermination").Target.ShouldBe("Pest Control");
    }
}

public class when_proposing_fuzzy_candidates
{
    [Fact]
    public void a_misspelled_name_finds_its_site_among_thousands_of_others()
    {
        var names = Enumerable.Range(0, 5000).Select(i => $"halvor {Syllables(i)} quay tract {i % 3 + 1}").ToList();
        var index = new TrigramIndex(names);
        var target = names[4321];

        var candidates = index.Candidates(target.Replace("quay", "qy", StringComparison.Ordinal).Replace(Syllables(4321), Syllables(4321)[..^1], StringComparison.Ordinal));

        candidates.Count.ShouldBeLessThanOrEqualTo(TrigramIndex.DefaultCandidates);
        candidates.ShouldContain(4321);
    }

    [Fact]
    public void a_name_sharing_no_trigram_has_no_candidates()
    {
        new TrigramIndex(["alpha", "beta"]).Candidates("zzz").ShouldBeEmpty();
    }

    private static string Syllables(int i)
    {
        string[] parts = ["ka", "lo", "mi", "ren", "tas", "vu", "bor", "ne", "qui", "sal"];
        return $"{parts[i % 10]}{parts[i / 10 % 10]}{parts[i / 100 % 10]}{parts[i / 1000 % 10]}x";
    }
}

public class when_resolving_sibling_sites
{
    private static readonly SiteRegistry Sites = new(
    [
        new Site("LOC-1", "Mondmo Tarn Tract 1", ["Mondmo Tarn Trct 1"]),
        new Site("LOC-2", "Mondmo Tarn Tract 2", ["Mondmo Tarn Trct 2"]),
        new Site("LOC-3", "Bulquam Mews Upper", []),
        new Site("LOC-4", "Bulquam Mews Nether", []),
    ]);

    [Theory]
    [InlineData("MONDMO TARN TRCT 1", "LOC-1")]
    [InlineData("mondmo trn tract 2", "LOC-2")]
    [InlineData("Bulquam Mws Nether", "LOC-4")]
    public void the_word_only_one_sibling_has_names_it(string text, string code)
    {
        Sites.Resolve(null, text).Site!.Code.ShouldBe(code);
    }

    [Theory]
    [InlineData("Mondmo Tarn Tract")]
    [InlineData("Mondmo Tarn Tract 1 2")]
    public void a_text_without_or_with_both_distinguishing_words_names_neither(string text)
    {
        Sites.Resolve(null, text).Site.ShouldBeNull();
    }
}
