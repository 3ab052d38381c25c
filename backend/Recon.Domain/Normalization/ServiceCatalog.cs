using FuzzySharp;

namespace Recon.Domain.Normalization;

/// <summary>A canonical service type and the other ways it is written.</summary>
public sealed record ServiceType(string Name, IReadOnlyList<string> Synonyms);

public sealed record ServiceResolution(ServiceType? Service, bool Exact, int Score);

/// <summary>
/// Maps service descriptions as the ERP and clients write them ("Window Clean - Ext", "HVAC maint.") to a canonical
/// service type. The synonym table is data: users extend it, and <see cref="WithSynonym"/> gives the extended catalog.
/// </summary>
public sealed class ServiceCatalog
{
    public const int FuzzyThreshold = 85;

    private const int AmbiguityMargin = 4;

    // Words that carry no identity in a service description, and service-specific abbreviations.
    private static readonly Dictionary<string, string> ServiceWords = new(StringComparer.Ordinal)
    {
        ["clean"] = "cleaning",
        ["cln"] = "cleaning",
        ["cleans"] = "cleaning",
        ["ext"] = "exterior",
        ["int"] = "interior",
        ["maint"] = "maintenance",
        ["mnt"] = "maintenance",
        ["svc"] = "service",
        ["svcs"] = "service",
        ["serv"] = "service",
        ["services"] = "service",
        ["insp"] = "inspection",
        ["repl"] = "replacement",
        ["wndw"] = "window",
        ["windows"] = "window",
        ["carpets"] = "carpet",
        ["removal"] = "removal",
        ["rmvl"] = "removal",
        ["mgmt"] = "management",
        ["hvac"] = "hvac",
        ["landscape"] = "landscaping",
        ["lawn"] = "landscaping",
        ["pest"] = "pest",
        ["ctrl"] = "control",
    };

    private readonly Dictionary<string, ServiceType> _byKey = new(StringComparer.Ordinal);
    private readonly List<(string Key, ServiceType Service)> _keys = [];

    public ServiceCatalog(IEnumerable<ServiceType> services)
    {
        Services = services.ToList();
        foreach (var service in Services)
        {
            Register(service.Name, service);
            foreach (var synonym in service.Synonyms)
            {
                Register(synonym, service);
            }
        }
    }

    public IReadOnlyList<ServiceType> Services { get; }

    /// <summary>The services a facilities company bills, with the synonyms seen in real exports.</summary>
    public static ServiceCatalog Default { get; } = new(
    [
        new ServiceType("Window Cleaning", ["Window Clean - Ext", "Window Clean - Int", "Exterior Window Cleaning", "Glass Cleaning", "Window Washing"]),
        new ServiceType("Carpet Cleaning", ["Carpet Shampoo", "Carpet Steam Clean", "Rug Cleaning"]),
        new ServiceType("Janitorial", ["Janitorial Service", "Office Cleaning", "Daily Cleaning", "Custodial"]),
        new ServiceType("Deep Cleaning", ["Deep Clean", "Intensive Cleaning", "Spring Clean"]),
        new ServiceType("Floor Care", ["Floor Polishing", "Floor Buffing", "Strip and Wax", "Floor Scrub"]),
        new ServiceType("Pressure Washing", ["Power Washing", "Jet Washing", "Pressure Wash"]),
        new ServiceType("Pest Control", ["Pest Ctrl", "Extermination", "Rodent Control", "Fumigation"]),
        new ServiceType("HVAC Maintenance", ["HVAC Maint", "HVAC Service", "Air Conditioning Service", "Filter Replacement"]),
        new ServiceType("Landscaping", ["Grounds Maintenance", "Lawn Care", "Gardening", "Lawn Mowing"]),
        new ServiceType("Waste Removal", ["Trash Removal", "Rubbish Removal", "Waste Collection", "Garbage Pickup"]),
        new ServiceType("Snow Removal", ["Snow Plowing", "Snow Clearing", "Gritting", "De-icing"]),
        new ServiceType("Security Patrol", ["Security Guard", "Guard Service", "Mobile Patrol"]),
    ]);

    public ServiceResolution Resolve(string? raw)
    {
        var key = Key(raw);
        if (key.Length == 0)
        {
            return new ServiceResolution(null, false, 0);
        }

        if (_byKey.TryGetValue(key, out var exact))
        {
            return new ServiceResolution(exact, true, 100);
        }

        var scored = _keys
            .Select(candidate => (candidate.Service, Score: Fuzz.TokenSetRatio(key, candidate.Key)))
            .GroupBy(candidate => candidate.Service.Name)
            .Select(group => group.MaxBy(candidate => candidate.Score))
            .OrderByDescending(candidate => candidate.Score)
            .Take(2)
            .ToList();
        if (scored.Count == 0 || scored[0].Score < FuzzyThreshold
            || (scored.Count > 1 && scored[0].Score - scored[1].Score < AmbiguityMargin))
        {
            return new ServiceResolution(null, false, scored.Count == 0 ? 0 : scored[0].Score);
        }

        return new ServiceResolution(scored[0].Service, false, scored[0].Score);
    }

    public ServiceCatalog WithSynonym(string serviceName, string synonym)
    {
        if (Services.All(service => service.Name != serviceName))
        {
            throw new ArgumentException($"No service type is named '{serviceName}'.", nameof(serviceName));
        }

        return new ServiceCatalog(Services.Select(service =>
            service.Name == serviceName ? service with { Synonyms = [.. service.Synonyms, TextKey.Tidy(synonym)] } : service));
    }

    private static string Key(string? raw) => TextKey.Of(raw, ServiceWords);

    private void Register(string text, ServiceType service)
    {
        var key = Key(text);
        if (key.Length == 0)
        {
            return;
        }

        if (_byKey.TryGetValue(key, out var existing) && existing.Name != service.Name)
        {
            throw new ArgumentException($"'{text}' names both '{existing.Name}' and '{service.Name}'.");
        }

        _byKey[key] = service;
        _keys.Add((key, service));
    }
}
