using System.Globalization;
using JasperFx.Events.Projections;
using Marten;
using Recon.Api.Infrastructure;
using Recon.Domain.Review;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Recon.Api.Review;

public static class ReviewModule
{
    private static readonly string[] FilterColumns = ["period_id", "client_id", "category", "assignee"];

    public static StoreOptions AddReview(this StoreOptions options)
    {
        // Trigram search on ids and sites (pg_trgm is a trusted extension: the database owner may create it).
        options.Storage.ExtendedSchemaObjects.Add(new Extension("pg_trgm"));
        options.Schema.For<ReviewItem>()
            .Duplicate(x => x.PeriodId)
            .Duplicate(x => x.ClientId)
            .Duplicate(x => x.Category)
            .Duplicate(x => x.Status)
            .Duplicate(x => x.Assignee)
            .Duplicate(x => x.Impact)
            .Duplicate(x => x.RaisedAt)
            .Duplicate(x => x.SortImpact)
            .Duplicate(x => x.Active)
            .Duplicate(x => x.SearchText, configure: index =>
            {
                index.Method = IndexMethod.gin;
                index.Mask = "? gin_trgm_ops";
            })
            .Duplicate(x => x.SiteKeys, pgType: "text[]", configure: index => index.Method = IndexMethod.gin);

        // The queue's order (minus impact, raised at, id) behind each single filter: the first page of any one filter is
        // an ordered index range that stops after the page, whatever the queue's size.
        options.Policies.ForAllDocuments(mapping =>
        {
            if (mapping.DocumentType != typeof(ReviewItem))
            {
                return;
            }

            string[] order = ["sort_impact", "raised_at", "id"];
            mapping.Indexes.Add(new IndexDefinition("mt_doc_reviewitem_queue_active") { Columns = ["active", .. order] });
            mapping.Indexes.Add(new IndexDefinition("mt_doc_reviewitem_queue_status") { Columns = ["status", .. order] });
            foreach (var column in FilterColumns)
            {
                mapping.Indexes.Add(new IndexDefinition($"mt_doc_reviewitem_queue_{column}") { Columns = [column, "active", .. order] });
            }
        });
        options.Schema.For<IdempotencyRecord>().Index(x => x.CreatedAt);
        options.Projections.Add<ReviewCaseProjection>(ProjectionLifecycle.Live);
        options.Projections.Add<ReviewItemProjection>(ProjectionLifecycle.Inline);
        return options;
    }

    /// <summary>The approval threshold from <c>Recon:Review:ApprovalThreshold</c> (default 1,000), checked at start-up.</summary>
    public static ReviewPolicy PolicyFrom(IConfiguration configuration)
    {
        var raw = configuration["Recon:Review:ApprovalThreshold"];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return ReviewPolicy.Default;
        }

        if (!decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var threshold) || threshold < 0)
        {
            throw new InvalidOperationException(
                $"Recon:Review:ApprovalThreshold must be a non-negative amount such as 1000 or 250.50; it is '{raw}'.");
        }

        return new ReviewPolicy(threshold);
    }
}

/// <summary>Folds a case stream into the decider's <see cref="ReviewCase"/> on demand (never stored).</summary>
public sealed partial class ReviewCaseProjection : Marten.Events.Aggregation.SingleStreamProjection<ReviewCase, Guid>
{
    public static ReviewCase Create(ExceptionOpenedForReview e) => ReviewCase.Create(e);

    public static ReviewCase Apply(ExceptionRefreshedByRun e, ReviewCase c) => ReviewCase.Apply(e, c);

    public static ReviewCase Apply(ExceptionClearedByRun e, ReviewCase c) => ReviewCase.Apply(e, c);

    public static ReviewCase Apply(SuggestedResolutionAccepted e, ReviewCase c) => ReviewCase.Apply(e, c);

    public static ReviewCase Apply(CategoryOverridden e, ReviewCase c) => ReviewCase.Apply(e, c);

    public static ReviewCase Apply(RecordsLinkedManually e, ReviewCase c) => ReviewCase.Apply(e, c);

    public static ReviewCase Apply(MatchUnlinked e, ReviewCase c) => ReviewCase.Apply(e, c);

    public static ReviewCase Apply(ExceptionResolved e, ReviewCase c) => ReviewCase.Apply(e, c);

    public static ReviewCase Apply(ExceptionReopened e, ReviewCase c) => ReviewCase.Apply(e, c);

    public static ReviewCase Apply(ExceptionAssigned e, ReviewCase c) => ReviewCase.Apply(e, c);

    public static ReviewCase Apply(ExceptionUnassigned e, ReviewCase c) => ReviewCase.Apply(e, c);

    public static ReviewCase Apply(DecisionSubmittedForApproval e, ReviewCase c) => ReviewCase.Apply(e, c);

    public static ReviewCase Apply(DecisionRejected e, ReviewCase c) => ReviewCase.Apply(e, c);
}

public static class ReviewCases
{
    /// <summary>
    /// The period's cases as a new run finds them, inside the run's transaction, with their streams locked first (in
    /// id order, as a decision locks its stream before its read model): a decision already appending finishes before
    /// the run reads; one that has not appended yet waits for the run and then finds the version moved on (409).
    /// </summary>
    public static async Task<PeriodCases> OfPeriodForUpdateAsync(
        IDocumentStore store, Npgsql.NpgsqlTransaction transaction, Guid periodId, CancellationToken cancellationToken)
    {
        var table = store.Options.FindOrResolveDocumentType(typeof(ReviewItem)).TableName.QualifiedName;
        var streams = $"{store.Options.Events.DatabaseSchemaName}.mt_streams";
        var serializer = store.Options.Serializer();
        var versions = new Dictionary<Guid, long>();
        await using (var lockStreams = StoreSql.Command(
            transaction.Connection!,
            $"select s.id, s.version from {streams} as s where s.id in (select d.id from {table} as d where d.period_id = $1) order by s.id for update",
            [periodId],
            transaction))
        {
            await using var locked = await lockStreams.ExecuteReaderAsync(cancellationToken);
            while (await locked.ReadAsync(cancellationToken))
            {
                versions[locked.GetGuid(0)] = locked.GetInt64(1);
            }
        }

        await using var command = StoreSql.Command(transaction.Connection!, $"select d.data from {table} as d where d.period_id = $1", [periodId], transaction);
        var cases = new Dictionary<Guid, ExistingCase>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var item = serializer.FromJson<ReviewItem>(reader, 0);
            cases[item.Id] = new ExistingCase(
                new CaseState(Enum.Parse<CaseStatus>(item.Status, ignoreCase: true), item.Category, item.Assignee, item.Resolution),
                item.CategoryOverridden);
        }

        return new PeriodCases(cases, versions);
    }
}

/// <summary>
/// The period's cases as a run finds them, and their streams' versions as locked: the run appends to each stream at
/// its known version, so the queue's item (an inline projection) records the true version even in Quick append mode.
/// </summary>
public sealed record PeriodCases(IReadOnlyDictionary<Guid, ExistingCase> Cases, IReadOnlyDictionary<Guid, long> Versions);
