using System.Globalization;

namespace Recon.DataGenerator;

/// <summary>One true pairing while the ledger is being made.</summary>
internal sealed class GroupDraft(string category, List<int> jobs, string? note)
{
    public string Category { get; set; } = category;

    public List<int> Jobs { get; } = jobs;

    public List<LineDraft> Lines { get; } = [];

    /// <summary>The jobs' ids, made once and shared by the group's lines and its ground truth.</summary>
    public IReadOnlyList<string> JobIds { get; set; } = [];

    public string? Note { get; set; } = note;
}

/// <summary>A ledger line before it has its invoice: <see cref="Bucket"/> is the billing week, or -1 for the site's month-end adjustments invoice.</summary>
internal sealed class LineDraft
{
    public required GroupDraft Group { get; init; }

    public required string? JobRef { get; init; }

    public required int Site { get; init; }

    public required string Service { get; init; }

    public required DateOnly Date { get; init; }

    public required decimal Quantity { get; init; }

    public required decimal Price { get; init; }

    public required decimal Total { get; init; }

    public required int Bucket { get; init; }

    public required int Order { get; init; }

    public LedgerLine? Line { get; set; }
}

internal sealed record BuiltLedger(IReadOnlyList<GroupDraft> Groups, IReadOnlyList<LedgerLine> Lines);

/// <summary>Bills the month's jobs as our ERP did, anomalies included, and numbers the invoices.</summary>
internal sealed class LedgerBuilder
{
    private const int AdjustmentsBucket = -1;

    private readonly SeededRandom _rng;
    private readonly GeneratorOptions _options;
    private readonly DateOnly _firstDay;
    private readonly DateOnly _lastDay;
    private readonly IReadOnlyList<SitePlan> _sites;
    private readonly List<JobDraft> _jobs;
    private readonly List<int> _activeSites;
    private readonly IWorldVocabulary _world;
    private readonly List<GroupDraft> _groups = [];
    private readonly List<LineDraft> _lines = [];

    private LedgerBuilder(SeededRandom rng, GeneratorOptions options, DateOnly firstDay, IReadOnlyList<SitePlan> sites, List<JobDraft> jobs, IWorldVocabulary world)
    {
        _rng = rng;
        _options = options;
        _firstDay = firstDay;
        _lastDay = firstDay.AddMonths(1).AddDays(-1);
        _sites = sites;
        _jobs = jobs;
        _activeSites = jobs.Select(job => job.Site).Distinct().Order().ToList();
        _world = world;
    }

    public static BuiltLedger Build(
        SeededRandom rng, GeneratorOptions options, DateOnly firstDay, IReadOnlyList<SitePlan> sites, List<JobDraft> jobs, CategoryPlan plan, IWorldVocabulary world)
    {
        var builder = new LedgerBuilder(rng, options, firstDay, sites, jobs, world);
        for (var i = 0; i < jobs.Count; i++)
        {
            var category = plan.Categories[i];
            if (category == AnomalyCategory.ConsolidatedBilling)
            {
                if (plan.Consolidated.TryGetValue(i, out var members))
                {
                    builder.BillConsolidated(members);
                }

                continue;
            }

            builder.Bill(i, category);
        }

        for (var m = 0; m < plan.MissingInClient && builder._activeSites.Count > 0; m++)
        {
            builder.BillUnknownJob(m);
        }

        return new BuiltLedger(builder._groups, builder.NumberInvoices());
    }

    private void Bill(int index, string category)
    {
        var job = _jobs[index];
        var group = new GroupDraft(category, [index], null);
        _groups.Add(group);
        switch (category)
        {
            case AnomalyCategory.Exact when job.Cancelled:
                group.Note = "cancelled; correctly not billed";
                break;
            case AnomalyCategory.Exact:
            case AnomalyCategory.CancelledButBilled:
                AddLine(group, job);
                break;
            case AnomalyCategory.Rounding:
                BillRounded(group, job);
                break;
            case AnomalyCategory.RateChange:
                var price = OtherRate(job);
                AddLine(group, job, price: price, total: Money.Round(job.Quantity * price));
                group.Note = Invariant($"billed unit price {price:0.00} instead of {job.Rate:0.00}");
                break;
            case AnomalyCategory.QuantityChange:
                var quantity = OtherQuantity(job);
                AddLine(group, job, quantity: quantity, total: Money.Round(quantity * job.Rate));
                group.Note = Invariant($"billed quantity {quantity} instead of {job.Quantity}");
                break;
            case AnomalyCategory.DuplicateBilling:
                AddLine(group, job);
                AddLine(group, job, bucket: _rng.Chance(0.5) ? Bucket(job.Date) : AdjustmentsBucket);
                group.Note = "billed twice";
                break;
            case AnomalyCategory.MissingInLedger:
                group.Note = "never billed";
                break;
            case AnomalyCategory.PeriodMismatch:
                var date = job.Date.Day > _lastDay.Day / 2 ? _lastDay.AddDays(_rng.Between(1, 3)) : _firstDay.AddDays(-_rng.Between(1, 3));
                AddLine(group, job, date: date);
                group.Note = Invariant($"billed with service date {date:yyyy-MM-dd} instead of {job.Date:yyyy-MM-dd}");
                break;
            case AnomalyCategory.SplitBilling:
                BillSplit(group, job);
                break;
            case AnomalyCategory.SiteMismatch when _activeSites.Count > 1:
                var site = _world.OtherSite(_rng, _sites, _activeSites, job.Site);
                AddLine(group, job, site: site);
                group.Note = $"billed to {_sites[site].Site.Code} instead of {job.Job.SiteCode}";
                break;
            case AnomalyCategory.SiteMismatch:
                group.Category = AnomalyCategory.Exact; // a client with one active site cannot be billed to another
                AddLine(group, job);
                break;
            case AnomalyCategory.ServiceMismatch:
                var service = OtherService(job);
                AddLine(group, job, service: service);
                group.Note = $"billed as {service} instead of {job.Job.ServiceType}";
                break;
            case AnomalyCategory.CreditReversal:
                BillReversed(group, job);
                break;
            default:
                throw new InvalidOperationException($"No billing for category '{category}'.");
        }
    }

    private void BillRounded(GroupDraft group, JobDraft job)
    {
        var cents = _rng.Chance(0.7) ? _rng.Between(1, 5) : _rng.Between(6, 99);
        var difference = Money.Cents(_rng.Chance(0.5) || job.Amount <= 1m ? cents : -cents);
        AddLine(group, job, total: job.Amount + difference);
        group.Note = Invariant($"line total off by {difference:0.00}");
    }

    private void BillSplit(GroupDraft group, JobDraft job)
    {
        // Split in whole units where the job has at least two, else in halves (progress billing 0.5 + 0.5).
        var unit = job.Quantity >= 2 && decimal.IsInteger(job.Quantity) ? 1m : 0.5m;
        var units = (int)(job.Quantity / unit);
        var parts = Math.Min(_rng.Between(2, 3), units);
        var cuts = Enumerable.Range(1, units - 1).ToList();
        _rng.Shuffle(cuts);
        var bounds = cuts.Take(parts - 1).Order().Prepend(0).Append(units).ToList();
        var billed = 0m;
        for (var p = 0; p < parts; p++)
        {
            var count = bounds[p + 1] - bounds[p];
            var quantity = unit == 1m ? count : Money.Halves(count);
            var total = p == parts - 1 ? job.Amount - billed : Money.Round(quantity * job.Rate);
            billed += total;
            AddLine(group, job, quantity: quantity, total: total);
        }

        group.Note = Invariant($"billed as {parts} lines");
    }

    private void BillConsolidated(List<int> members)
    {
        var group = new GroupDraft(AnomalyCategory.ConsolidatedBilling, members, Invariant($"{members.Count} jobs billed as one line"));
        _groups.Add(group);
        var jobs = members.Select(i => _jobs[i]).ToList();
        var first = jobs[0];
        AddLine(
            group,
            first,
            jobRef: _rng.Chance(0.8) ? first.Job.JobId : null,
            date: jobs.Max(job => job.Date),
            quantity: jobs.Sum(job => job.Quantity),
            total: jobs.Sum(job => job.Amount),
            bucket: Bucket(jobs.Max(job => job.Date)));
    }

    private void BillReversed(GroupDraft group, JobDraft job)
    {
        var wrongPrice = _rng.Chance(0.5) ? OtherRate(job) : job.Rate;
        var wrongTotal = Money.Round(job.Quantity * wrongPrice);
        AddLine(group, job, price: wrongPrice, total: wrongTotal);
        AddLine(group, job, quantity: -job.Quantity, price: wrongPrice, total: -wrongTotal, bucket: AdjustmentsBucket);
        AddLine(group, job, bucket: AdjustmentsBucket);
        group.Note = Invariant($"billed {wrongTotal:0.00}, credited in full, billed again at {job.Amount:0.00}");
    }

    private void BillUnknownJob(int m)
    {
        var group = new GroupDraft(AnomalyCategory.MissingInClient, [], null);
        _groups.Add(group);
        var site = _jobs[_rng.Next(0, _jobs.Count)].Site;
        var (pricing, rate) = _rng.Pick(_sites[site].Services);
        var quantity = pricing.DrawQuantity(_rng);
        var date = _firstDay.AddDays(_rng.Next(0, _lastDay.Day));
        string? jobRef = _rng.Chance(0.7) ? _world.JobId(_jobs.Count + 50 + (m * 7) + _rng.Next(0, 7)) : null;
        group.Note = jobRef is null ? "ledger line without a job reference, for no client job" : $"ledger line for {jobRef}, which the client does not report";
        _lines.Add(new LineDraft
        {
            Group = group,
            JobRef = jobRef,
            Site = site,
            Service = pricing.Name,
            Date = date,
            Quantity = quantity,
            Price = rate,
            Total = Money.Round(quantity * rate),
            Bucket = Bucket(date),
            Order = _lines.Count,
        });
        group.Lines.Add(_lines[^1]);
    }

    private void AddLine(
        GroupDraft group,
        JobDraft job,
        decimal? quantity = null,
        decimal? price = null,
        decimal? total = null,
        DateOnly? date = null,
        int? site = null,
        string? service = null,
        int? bucket = null,
        Optional<string?> jobRef = default)
    {
        var line = new LineDraft
        {
            Group = group,
            JobRef = jobRef.HasValue ? jobRef.Value : job.Job.JobId,
            Site = site ?? job.Site,
            Service = service ?? job.Job.ServiceType,
            Date = date ?? job.Date,
            Quantity = quantity ?? job.Quantity,
            Price = price ?? job.Rate,
            Total = total ?? job.Amount,
            Bucket = bucket ?? Bucket(job.Date),
            Order = _lines.Count,
        };
        _lines.Add(line);
        group.Lines.Add(line);
    }

    /// <summary>Another unit price, 3–15% off (mostly up), far enough to change the total by at least one unit.</summary>
    private decimal OtherRate(JobDraft job)
    {
        var up = _rng.Chance(0.8);
        var percent = _rng.Between(3, 15);
        var price = Money.Round(job.Rate * (100 + (up ? percent : -percent)) / 100m);
        while (Math.Abs(Money.Round(job.Quantity * price) - job.Amount) < 1m)
        {
            price += up ? 0.25m : -0.25m;
        }

        return price;
    }

    private decimal OtherQuantity(JobDraft job)
    {
        var halves = _sites[job.Site].Services[job.Service].Pricing.Halves;
        var step = halves ? Money.Halves(_rng.Between(1, 4)) : _rng.Between(1, 2);
        var quantity = _rng.Chance(0.6) || job.Quantity - step <= 0 ? job.Quantity + step : job.Quantity - step;
        return quantity;
    }

    private string OtherService(JobDraft job) => _world.OtherService(_rng, _sites[job.Site], job.Job.ServiceType);

    private static int Bucket(DateOnly date) => (date.Day - 1) / 7;

    /// <summary>One invoice per site and billing week, plus one month-end adjustments invoice per site; lines in date order.</summary>
    private List<LedgerLine> NumberInvoices()
    {
        var invoices = _lines.Where(line => line.Bucket != AdjustmentsBucket)
            .GroupBy(line => (line.Bucket, Code: _sites[line.Site].Site.Code))
            .OrderBy(invoice => invoice.Key.Bucket).ThenBy(invoice => invoice.Key.Code, StringComparer.Ordinal)
            .Select(invoice => (Lines: invoice.ToList(), Posted: WeekEnd(invoice.Key.Bucket).AddDays(_rng.Between(1, 3))))
            .Concat(_lines.Where(line => line.Bucket == AdjustmentsBucket)
                .GroupBy(line => _sites[line.Site].Site.Code)
                .OrderBy(invoice => invoice.Key, StringComparer.Ordinal)
                .Select(invoice => (Lines: invoice.ToList(), Posted: _lastDay.AddDays(_rng.Between(5, 10)))))
            .ToList();

        foreach (var group in _groups)
        {
            group.JobIds = group.Jobs.ConvertAll(i => _jobs[i].Job.JobId);
        }

        var result = new List<LedgerLine>(_lines.Count);
        for (var n = 0; n < invoices.Count; n++)
        {
            var number = _world.InvoiceNumber(n);
            var (lines, posted) = invoices[n];
            var lineNo = 0;
            foreach (var draft in lines.OrderBy(line => line.Date).ThenBy(line => line.Order))
            {
                var site = _sites[draft.Site].Site;
                draft.Line = new LedgerLine(
                    number,
                    ++lineNo,
                    draft.JobRef,
                    site.Code,
                    site.Name,
                    draft.Service,
                    draft.Date,
                    draft.Quantity,
                    draft.Price,
                    draft.Total,
                    _options.Currency,
                    posted,
                    draft.Group.Category,
                    draft.Group.JobIds);
                result.Add(draft.Line);
            }
        }

        return result;
    }

    private DateOnly WeekEnd(int bucket)
    {
        var end = _firstDay.AddDays((7 * (bucket + 1)) - 1);
        return end > _lastDay ? _lastDay : end;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>An optional argument that may be explicitly null (a line with no job reference).</summary>
internal readonly struct Optional<T>(T value)
{
    public bool HasValue { get; } = true;

    public T Value { get; } = value;

    public static implicit operator Optional<T>(T value) => new(value);
}

internal static class GroundTruthBuilder
{
    public const int Version = 1;

    public static GroundTruth Build(GeneratorOptions options, List<JobDraft> jobs, BuiltLedger ledger)
    {
        var groups = ledger.Groups.Select(group =>
        {
            var clientAmount = group.Jobs.Where(i => !jobs[i].Cancelled).Sum(i => jobs[i].Amount) + 0.00m;
            var ledgerAmount = group.Lines.Sum(line => line.Total) + 0.00m;
            return new TruthGroup(
                group.Category,
                group.JobIds,
                group.Lines.ConvertAll(line => line.Line!.LineId),
                clientAmount,
                ledgerAmount,
                ledgerAmount - clientAmount,
                group.Note);
        }).ToList();

        var clientTotal = jobs.Where(job => !job.Cancelled).Sum(job => job.Amount) + 0.00m;
        var ledgerTotal = ledger.Lines.Sum(line => line.LineTotal) + 0.00m;
        var variance = ledgerTotal - clientTotal;
        var percent = clientTotal == 0m ? 0.00m : Math.Round(variance / clientTotal * 100m, 2, MidpointRounding.AwayFromZero);

        var counts = AnomalyCategory.All.ToDictionary(category => category, _ => new CategoryCount(0, 0, 0, 0.00m), StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var count = counts[group.Category];
            counts[group.Category] = new CategoryCount(
                count.Groups + 1, count.Jobs + group.ClientJobIds.Count, count.Lines + group.LedgerLineIds.Count, count.Variance + group.Variance);
        }

        return new GroundTruth(
            Version,
            options.ClientId,
            options.Month,
            options.Seed,
            GeneratorOptions.NoiseName(options.Noise),
            options.World == GeneratorWorld.Classic ? null : GeneratorOptions.WorldName(options.World),
            options.Currency,
            jobs.Count,
            ledger.Lines.Count,
            new GroundTruthTotals(clientTotal, ledgerTotal, variance, percent),
            counts,
            AnomalyCategory.Definitions,
            groups);
    }
}
