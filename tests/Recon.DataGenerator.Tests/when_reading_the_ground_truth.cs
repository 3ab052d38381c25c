using System.Reflection;
using System.Text.Json;

namespace Recon.DataGenerator.Tests;

public class when_reading_the_ground_truth
{
    public static TheoryData<NoiseLevel> Noises => new() { NoiseLevel.Low, NoiseLevel.Medium, NoiseLevel.High };

    [Theory]
    [MemberData(nameof(Noises))]
    public void every_job_and_every_line_is_in_exactly_one_group(NoiseLevel noise)
    {
        var month = Months.Get(noise);
        var groups = month.GroundTruth.Groups;

        groups.SelectMany(group => group.ClientJobIds).Order().ShouldBe(month.Jobs.Select(job => job.JobId).Order());
        groups.SelectMany(group => group.LedgerLineIds).Order().ShouldBe(month.LedgerLines.Select(line => line.LineId).Order());
        month.LedgerLines.Select(line => line.LineId).Distinct().Count().ShouldBe(month.LedgerLines.Count);
    }

    [Theory]
    [MemberData(nameof(Noises))]
    public void the_totals_add_up(NoiseLevel noise)
    {
        var month = Months.Get(noise);
        var truth = month.GroundTruth;

        truth.Totals.ClientTotal.ShouldBe(month.Jobs.Where(job => job.IsCompleted).Sum(job => job.Amount));
        truth.Totals.LedgerTotal.ShouldBe(month.LedgerLines.Sum(line => line.LineTotal));
        truth.Totals.Variance.ShouldBe(truth.Totals.LedgerTotal - truth.Totals.ClientTotal);
        truth.Groups.Sum(group => group.ClientAmount).ShouldBe(truth.Totals.ClientTotal);
        truth.Groups.Sum(group => group.LedgerAmount).ShouldBe(truth.Totals.LedgerTotal);
        truth.Groups.Sum(group => group.Variance).ShouldBe(truth.Totals.Variance);
        truth.Categories.Values.Sum(count => count.Variance).ShouldBe(truth.Totals.Variance);
        truth.Categories.Values.Sum(count => count.Jobs).ShouldBe(month.Jobs.Count);
        truth.Categories.Values.Sum(count => count.Lines).ShouldBe(month.LedgerLines.Count);
        truth.JobCount.ShouldBe(month.Jobs.Count);
        truth.LedgerLineCount.ShouldBe(month.LedgerLines.Count);
        truth.Totals.VariancePercent.ShouldBe(Math.Round(truth.Totals.Variance / truth.Totals.ClientTotal * 100m, 2, MidpointRounding.AwayFromZero));
    }

    [Fact]
    public void the_json_carries_pairings_totals_and_definitions_with_money_as_exact_numbers()
    {
        var month = Months.Get(NoiseLevel.Medium);
        using var document = JsonDocument.Parse(month.GroundTruthJson());
        var root = document.RootElement;

        root.GetProperty("totals").GetProperty("clientTotal").GetDecimal().ShouldBe(month.GroundTruth.Totals.ClientTotal);
        root.GetProperty("totals").GetProperty("ledgerTotal").GetDecimal().ShouldBe(month.GroundTruth.Totals.LedgerTotal);
        root.GetProperty("totals").GetProperty("variance").GetDecimal().ShouldBe(month.GroundTruth.Totals.Variance);
        root.GetProperty("definitions").EnumerateObject().Select(p => p.Name).ShouldBe(AnomalyCategory.All);
        root.GetProperty("categories").EnumerateObject().Select(p => p.Name).ShouldBe(AnomalyCategory.All);
        var group = root.GetProperty("groups")[0];
        group.EnumerateObject().Select(p => p.Name).ShouldBe(["category", "clientJobIds", "ledgerLineIds", "clientAmount", "ledgerAmount", "variance", "note"]);
        var lineId = root.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("ledgerLineIds").EnumerateArray()).First().GetString()!;
        lineId.ShouldMatch(@"^INV-\d{6}-\d{4}/\d+$");
    }

    [Fact]
    public void no_money_is_ever_a_floating_point_number()
    {
        var floating = new[] { typeof(double), typeof(float), typeof(Half) };
        var seen = new HashSet<Type>();
        var pending = new Queue<Type>([typeof(GeneratedMonth)]);
        var offenders = new List<string>();
        while (pending.TryDequeue(out var type))
        {
            if (!seen.Add(type) || type.Assembly != typeof(GeneratedMonth).Assembly)
            {
                continue;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                foreach (var reached in Unwrap(property.PropertyType))
                {
                    if (floating.Contains(reached))
                    {
                        offenders.Add($"{type.Name}.{property.Name}");
                    }

                    pending.Enqueue(reached);
                }
            }
        }

        seen.ShouldContain(typeof(ClientJob));
        seen.ShouldContain(typeof(LedgerLine));
        seen.ShouldContain(typeof(TruthGroup));
        seen.ShouldContain(typeof(GroundTruthTotals));
        offenders.ShouldBeEmpty();
    }

    private static IEnumerable<Type> Unwrap(Type type)
    {
        yield return Nullable.GetUnderlyingType(type) ?? type;
        foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
        {
            foreach (var inner in Unwrap(argument))
            {
                yield return inner;
            }
        }
    }
}
