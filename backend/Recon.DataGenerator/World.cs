using System.Globalization;
using Recon.Domain.Normalization;

namespace Recon.DataGenerator;

/// <summary>
/// Whose vocabulary a month is written in. <see cref="Classic"/> draws services from <see cref="ServiceCatalog.Default"/>
/// and site names from the words Recon's normalizers know; <see cref="Foreign"/> draws every service, synonym, site
/// name and abbreviation from the generator's own word lists and syllable builder, so nothing in it is a word Recon
/// was built with (the product has to learn it).
/// </summary>
public enum GeneratorWorld
{
    Classic,
    Foreign,
}

/// <summary>A service of the month's world: its name, the synonyms the ledger writes for it, and the services it is mis-billed as.</summary>
public sealed record GeneratedService(string Name, IReadOnlyList<string> Synonyms, IReadOnlyList<string> RelatedServices);

/// <summary>
/// The vocabulary and numbering of one world: the services (priced, with synonyms and related services), the sites
/// and the ledger's renderings of them, the job-id and invoice formats, and how the ledger writes references and
/// descriptions. The month, ledger and anomaly machinery is shared; only this differs between worlds.
/// </summary>
internal interface IWorldVocabulary
{
    GeneratorWorld Kind { get; }

    /// <summary>Every service of the world, whether sold this month or not.</summary>
    IReadOnlyList<GeneratedService> Catalog { get; }

    /// <summary>The priced services sold in the month.</summary>
    IReadOnlyList<ServicePricing> Services { get; }

    /// <summary>Per service name: the canonical name first, then the other descriptions the ledger writes for it.</summary>
    IReadOnlyDictionary<string, IReadOnlyList<string>> Descriptions { get; }

    NoiseProfile Noise(NoiseLevel level);

    IReadOnlyList<SitePlan> CreateSites(SeededRandom rng);

    /// <summary>The job id of the month's job number <paramref name="index"/> (0-based, in service-date order).</summary>
    string JobId(int index);

    /// <summary>The invoice number of the month's invoice <paramref name="index"/> (0-based).</summary>
    string InvoiceNumber(int index);

    /// <summary>The service a <c>service_mismatch</c> line bills instead of <paramref name="service"/>.</summary>
    string OtherService(SeededRandom rng, SitePlan site, string service);

    /// <summary>The site a <c>site_mismatch</c> line bills instead of <paramref name="site"/> (an index of <paramref name="sites"/>).</summary>
    int OtherSite(SeededRandom rng, IReadOnlyList<SitePlan> sites, IReadOnlyList<int> activeSites, int site);

    /// <summary>A non-canonical way the ERP writes the job reference <paramref name="canonical"/>.</summary>
    string OtherJobRefForm(SeededRandom rng, string canonical);

    /// <summary>The description the ledger writes for <paramref name="line"/>.</summary>
    string Describe(SeededRandom rng, LedgerLine line, NoiseProfile noise, IReadOnlyList<string> descriptions);
}

internal static class WorldVocabulary
{
    /// <summary>The world of <paramref name="options"/>; a foreign world draws its vocabulary from its own stream of the options' seed.</summary>
    public static IWorldVocabulary For(GeneratorOptions options, DateOnly firstDay) => options.World switch
    {
        GeneratorWorld.Foreign => new ForeignWorld(
            new SeededRandom(SeededRandom.Mix(SeededRandom.Mix(unchecked((ulong)(long)options.Seed), StableHash.Of(options.ClientId)), StableHash.Of("foreign-world"))),
            options,
            firstDay),
        _ => new ClassicWorld(firstDay),
    };
}

/// <summary>The world of <see cref="ServiceCatalog.Default"/> and the site words <see cref="TextKey"/> reads back: the generator's original behaviour.</summary>
internal sealed class ClassicWorld : IWorldVocabulary
{
    public const int FirstJobNumber = 100001;

    private readonly ServiceCatalog _catalog = ServiceCatalog.Default;
    private readonly DateOnly _firstDay;
    private readonly List<string> _allServices;

    public ClassicWorld(DateOnly firstDay)
    {
        _firstDay = firstDay;
        Services = ServicePricing.For(_catalog, firstDay);
        Descriptions = ServiceDescriptions.For(_catalog, Services, firstDay);
        Catalog = _catalog.Services.Select(service => new GeneratedService(service.Name, service.Synonyms, [])).ToList();
        _allServices = _catalog.Services.Select(service => service.Name).ToList();
    }

    public GeneratorWorld Kind => GeneratorWorld.Classic;

    public IReadOnlyList<GeneratedService> Catalog { get; }

    public IReadOnlyList<ServicePricing> Services { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Descriptions { get; }

    public NoiseProfile Noise(NoiseLevel level) => NoiseProfile.For(level);

    public IReadOnlyList<SitePlan> CreateSites(SeededRandom rng) => SiteFactory.Create(rng, Services);

    public string JobId(int index) => string.Create(CultureInfo.InvariantCulture, $"JOB-{FirstJobNumber + index}");

    public string InvoiceNumber(int index) => string.Create(CultureInfo.InvariantCulture, $"INV-{_firstDay:yyyyMM}-{index + 1:D4}");

    public string OtherService(SeededRandom rng, SitePlan site, string service)
    {
        var siteServices = site.Services.Select(s => s.Pricing.Name).Where(name => name != service).ToList();
        return siteServices.Count > 0 && rng.Chance(0.7)
            ? rng.Pick(siteServices)
            : rng.Pick(_allServices.Where(name => name != service).ToList());
    }

    public int OtherSite(SeededRandom rng, IReadOnlyList<SitePlan> sites, IReadOnlyList<int> activeSites, int site) =>
        rng.Pick(activeSites.Where(s => s != site).ToList());

    public string OtherJobRefForm(SeededRandom rng, string canonical)
    {
        var digits = canonical["JOB-".Length..];
        return rng.Next(0, 8) switch
        {
            0 => $"J{digits}",
            1 => $" j-{digits} ",
            2 => $"job #{digits}",
            3 => digits,
            4 => $"JOB{digits}",
            5 => $"Job-{digits}",
            6 => $"JB-{digits}",
            _ => $"job {digits}",
        };
    }

    public string Describe(SeededRandom rng, LedgerLine line, NoiseProfile noise, IReadOnlyList<string> descriptions) =>
        descriptions.Count > 1 && rng.Chance(noise.DescriptionVariant) ? descriptions[rng.Next(1, descriptions.Count)] : line.ServiceType;
}
