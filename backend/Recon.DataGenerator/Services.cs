using System.Globalization;
using Recon.Domain.Normalization;

namespace Recon.DataGenerator;

/// <summary>How a service is priced and sold: its unit, the quantities a job has, the contract rates, its season.</summary>
internal sealed record ServicePricing(string Name, string Unit, int MinQty, int MaxQty, bool Halves, int MinRate, int MaxRate, IReadOnlyList<int>? Months)
{
    private static readonly int[] Winter = [11, 12, 1, 2, 3];
    private static readonly int[] GrowingSeason = [3, 4, 5, 6, 7, 8, 9, 10, 11];

    private static readonly Dictionary<string, ServicePricing> Known = new ServicePricing[]
    {
        new("Window Cleaning", "visit", 1, 3, false, 180, 650, null),
        new("Carpet Cleaning", "1,000 sq ft", 1, 8, false, 95, 180, null),
        new("Janitorial", "hour", 4, 16, true, 28, 48, null),
        new("Deep Cleaning", "hour", 6, 24, true, 38, 60, null),
        new("Floor Care", "visit", 1, 3, false, 220, 480, null),
        new("Pressure Washing", "hour", 2, 8, true, 85, 140, null),
        new("Pest Control", "visit", 1, 2, false, 95, 220, null),
        new("HVAC Maintenance", "unit", 1, 8, false, 120, 260, null),
        new("Landscaping", "hour", 3, 12, true, 45, 75, GrowingSeason),
        new("Waste Removal", "pickup", 1, 5, false, 65, 180, null),
        new("Snow Removal", "hour", 2, 10, true, 95, 160, Winter),
        new("Security Patrol", "hour", 8, 24, false, 32, 55, null),
    }.ToDictionary(pricing => pricing.Name, StringComparer.Ordinal);

    /// <summary>The priced services of the catalog sold in <paramref name="month"/>; a service added to the catalog gets a default price.</summary>
    public static IReadOnlyList<ServicePricing> For(ServiceCatalog catalog, DateOnly month) =>
        catalog.Services
            .Select(service => Known.GetValueOrDefault(service.Name) ?? new ServicePricing(service.Name, "hour", 1, 8, true, 50, 120, null))
            .Where(pricing => pricing.Months is null || pricing.Months.Contains(month.Month))
            .ToList();

    /// <summary>A quantity for one job: whole units, or halves for hourly work (2.5 hours).</summary>
    public decimal DrawQuantity(SeededRandom rng)
    {
        if (!Halves)
        {
            return rng.Between(MinQty, MaxQty);
        }

        var halves = rng.Between(MinQty * 2, MaxQty * 2);
        return Money.Halves(halves);
    }

    /// <summary>A contract rate in quarter-dollar steps, two decimals.</summary>
    public decimal DrawRate(SeededRandom rng) => Money.Cents(rng.Between(MinRate * 4, MaxRate * 4) * 25L);
}

/// <summary>The ways the ERP writes each service's description, every one resolving to it through the catalog.</summary>
internal static class ServiceDescriptions
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> For(ServiceCatalog catalog, IEnumerable<ServicePricing> services, DateOnly month)
    {
        var monthName = month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
        var shortMonth = month.ToString("MMM yyyy", CultureInfo.InvariantCulture);
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var name in services.Select(service => service.Name).Concat(catalog.Services.Select(service => service.Name)).Distinct())
        {
            var synonyms = catalog.Services.First(service => service.Name == name).Synonyms;
            var candidates = new List<string> { name, name.ToUpperInvariant(), name.ToLowerInvariant(), $"{name}, {monthName}", $"{name} - {shortMonth}" };
            foreach (var synonym in synonyms)
            {
                candidates.Add(synonym);
                candidates.Add(synonym.ToUpperInvariant());
                candidates.Add($"{synonym}, {shortMonth}");
            }

            // The canonical name first; then every other form the catalog reads back as this very service.
            result[name] = candidates
                .Distinct(StringComparer.Ordinal)
                .Where(candidate => candidate == name || catalog.Resolve(candidate).Service?.Name == name)
                .ToList();
        }

        return result;
    }
}

/// <summary>Decimal helpers that keep the scale explicit: money always has two decimals.</summary>
internal static class Money
{
    public static decimal Cents(long cents) => cents * 0.01m;

    /// <summary>A quantity counted in halves: 6 → 3, 5 → 2.5.</summary>
    public static decimal Halves(int halves) => halves % 2 == 0 ? halves / 2 : halves * 0.5m;

    /// <summary>Rounds to cents, half away from zero, always with two decimals.</summary>
    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero) + 0.00m;
}
