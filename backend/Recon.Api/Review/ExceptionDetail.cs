using System.Globalization;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Recon.Api.Infrastructure;
using Recon.Api.Ingestion;
using Recon.Api.Runs;
using Recon.Domain.Ingestion;
using Recon.Domain.Reconciliation;
using Recon.Domain.Review;
using Wolverine.Http;

namespace Recon.Api.Review;

/// <summary>One record as delivered (raw, the file's columns) and as normalized, with where it came from.</summary>
public sealed record RecordView(
    string SourceId,
    int Version,
    string FileName,
    long Line,
    IReadOnlyDictionary<string, string> Raw,
    IReadOnlyDictionary<string, string?> Normalized);

/// <summary>One event of the case's history, as a reviewer or auditor reads it.</summary>
public sealed record HistoryEntry(
    long Version,
    string Type,
    DateTimeOffset At,
    string By,
    string Summary,
    string? ReasonCode,
    string? Comment,
    CaseState? Before,
    CaseState? After);

/// <summary>An exception with both sides' records, the match explanation and its decision history.</summary>
public sealed record ExceptionDetail(
    ReviewItemView Exception,
    IReadOnlyList<RecordView> ClientJobs,
    IReadOnlyList<RecordView> LedgerLines,
    MatchExplanation? Explanation,
    IReadOnlyList<HistoryEntry> History);

public static class ReviewProblems
{
    public static IResult NotFound(Guid exceptionId) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Exception not found", detail: $"No exception has id {exceptionId}.");
}

public static class ExceptionDetailEndpoints
{
    [WolverineGet("/api/exceptions/{exceptionId}", OperationId = "getException")]
    [Tags("Review")]
    [EndpointSummary("An exception with both sides' records (raw and normalized), the match explanation and its decision history")]
    [ProducesResponseType<ExceptionDetail>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid exceptionId, IQuerySession session, CancellationToken cancellationToken)
    {
        var item = await session.LoadAsync<ReviewItem>(exceptionId, cancellationToken);
        if (item is null)
        {
            return ReviewProblems.NotFound(exceptionId);
        }

        var jobs = (await CaseRecords.LoadAsync<ClientJobsNormalized>(session, item.PeriodId, RecordSource.ClientJobs, item.ClientJobIds, cancellationToken))
            .SelectMany(chunk => chunk.Jobs).ToList();
        var lines = (await CaseRecords.LoadAsync<LedgerLinesNormalized>(session, item.PeriodId, RecordSource.LedgerLines, item.LedgerLineIds, cancellationToken))
            .SelectMany(chunk => chunk.Lines).ToList();
        var history = await session.Events.FetchStreamAsync(exceptionId, token: cancellationToken);
        return TypedResults.Ok(new ExceptionDetail(
            ReviewItemView.Of(item),
            item.ClientJobIds.Select(id => jobs.Where(j => j.Record.SourceId == id).MaxBy(j => j.Version)).OfType<VersionedClientJob>().Select(CaseRecords.ViewOf).ToList(),
            item.LedgerLineIds.Select(id => lines.Where(l => l.Record.SourceId == id).MaxBy(l => l.Version)).OfType<VersionedLedgerLine>().Select(CaseRecords.ViewOf).ToList(),
            await ExplanationAsync(session, item, cancellationToken),
            history.Select(CaseHistory.EntryOf).OfType<HistoryEntry>().ToList()));
    }

    private static async Task<MatchExplanation?> ExplanationAsync(IQuerySession session, ReviewItem item, CancellationToken cancellationToken)
    {
        if (item.MatchId is not { } matchId || item.Method == ReviewDecider.JsonName(MatchMethod.Manual))
        {
            return null;
        }

        var match = await session.LoadAsync<RunMatchView>(RunDocumentIds.Of(item.RunId, matchId), cancellationToken);
        if (match is null)
        {
            return null;
        }

        return (await MatchExplanations.LoadAsync(session, item.RunId, [match], cancellationToken)).GetValueOrDefault(matchId);
    }
}

/// <summary>The latest version of a case's records, found through the record-version table's event ids.</summary>
public static class CaseRecords
{
    /// <summary>The normalized chunks holding the latest version of these records (one query for the ids, one for the events).</summary>
    public static async Task<IReadOnlyList<TEvent>> LoadAsync<TEvent>(
        IQuerySession session, Guid periodId, RecordSource source, IReadOnlyList<string> sourceIds, CancellationToken cancellationToken)
    {
        if (sourceIds.Count == 0)
        {
            return [];
        }

        var eventIds = (await Versions(session, "distinct event_id", "and event_id is not null", periodId, source, sourceIds, r => r.GetGuid(0), cancellationToken)).ToArray();
        var events = await session.Events.QueryAllRawEvents().Where(e => eventIds.Contains(e.Id)).ToListAsync(cancellationToken);
        return events.Select(e => e.Data).OfType<TEvent>().ToList();
    }

    /// <summary>Which of these source ids are records of the period.</summary>
    public static async Task<HashSet<string>> KnownIdsAsync(
        IQuerySession session, Guid periodId, RecordSource source, IReadOnlyList<string> sourceIds, CancellationToken cancellationToken) =>
        (await Versions(session, "source_id", string.Empty, periodId, source, sourceIds, r => r.GetString(0), cancellationToken)).ToHashSet(StringComparer.Ordinal);

    private static Task<List<T>> Versions<T>(
        IQuerySession session, string columns, string condition, Guid periodId, RecordSource source, IReadOnlyList<string> sourceIds, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken) =>
        StoreSql.ReadAsync(
            session,
            $"select {columns} from {session.DocumentStore.Options.DatabaseSchemaName}.{RecordVersions.TableName} where period_id = $1 and source = $2 and source_id = any($3) {condition}",
            [periodId, source.ToString(), sourceIds.ToArray()],
            map,
            cancellationToken);

    /// <summary>
    /// A client job's normalized values under the names both sides share (job reference, site, service, date,
    /// quantity, unit rate, amount, currency), so a reviewer compares like with like; then the job's own fields.
    /// </summary>
    public static RecordView ViewOf(VersionedClientJob job)
    {
        var r = job.Record;
        return new RecordView(r.SourceId, job.Version, r.Lineage.FileName, r.Lineage.Line, r.Raw, new Dictionary<string, string?>
        {
            ["jobReference"] = Domain.Normalization.JobReference.CanonicalOrNull(r.JobId) ?? r.JobId,
            ["site"] = r.CanonicalSiteCode ?? r.SiteCode,
            ["siteName"] = r.SiteName,
            ["service"] = r.CanonicalService ?? r.ServiceType,
            ["serviceDate"] = r.ServiceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["quantity"] = r.Quantity.ToString(CultureInfo.InvariantCulture),
            ["unitRate"] = r.UnitRate.ToString(CultureInfo.InvariantCulture),
            ["amount"] = r.Amount.Amount.ToString(CultureInfo.InvariantCulture),
            ["currency"] = r.Amount.Currency,
            ["status"] = r.Status.ToString().ToLowerInvariant(),
            ["poNumber"] = r.PoNumber,
        });
    }

    /// <summary>A ledger line's normalized values under the shared names (see the job's), then the line's own fields.</summary>
    public static RecordView ViewOf(VersionedLedgerLine line)
    {
        var r = line.Record;
        return new RecordView(r.SourceId, line.Version, r.Lineage.FileName, r.Lineage.Line, r.Raw, new Dictionary<string, string?>
        {
            ["jobReference"] = r.CanonicalJobRef ?? r.JobRef,
            ["site"] = r.CanonicalSiteCode,
            ["siteName"] = r.CustomerSite,
            ["service"] = r.CanonicalService ?? r.Description,
            ["serviceDate"] = r.ServiceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["quantity"] = r.Quantity.ToString(CultureInfo.InvariantCulture),
            ["unitRate"] = r.UnitPrice.ToString(CultureInfo.InvariantCulture),
            ["amount"] = r.LineTotal.Amount.ToString(CultureInfo.InvariantCulture),
            ["currency"] = r.LineTotal.Currency,
            ["invoiceNumber"] = r.InvoiceNumber,
            ["lineNo"] = r.LineNo.ToString(CultureInfo.InvariantCulture),
            ["postedDate"] = r.PostedDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
    }
}

/// <summary>Case events as history entries: what happened, who, when, why, and the state before and after.</summary>
public static class CaseHistory
{
    public static HistoryEntry? EntryOf(IEvent e) => e.Data switch
    {
        ExceptionOpenedForReview x => Entry(e, "opened", x.At, RunReview.Actor, $"Raised by run {x.Exception.RunId} as {x.Exception.Category}: {x.Exception.Reason}", null, null, null, ReviewCase.InitialState(x.Exception)),
        ExceptionRefreshedByRun x => Entry(e, "refreshedByRun", x.At, x.By, $"Raised again by run {x.Exception.RunId} (difference {x.Exception.Difference.ToString("0.00", CultureInfo.InvariantCulture)})", null, null, x.Before, x.After),
        ExceptionClearedByRun x => Entry(e, "clearedByRun", x.At, x.By, $"No longer raised by run {x.RunId}", null, null, x.Before, x.After),
        SuggestedResolutionAccepted x => Entry(e, "accepted", x.At, x.By, Approved("Accepted the suggested resolution", x.ApprovedBy), null, x.Comment, x.Before, x.After),
        CategoryOverridden x => Entry(e, "categoryOverridden", x.At, x.By, $"Category changed from {x.From} to {x.To}", ReviewDecider.JsonName(x.ReasonCode), x.Comment, x.Before, x.After),
        RecordsLinkedManually x => Entry(e, "linked", x.At, x.By, Approved($"Linked {string.Join(", ", x.ClientJobIds)} with {string.Join(", ", x.LedgerLineIds)}", x.ApprovedBy), null, x.Comment, x.Before, x.After),
        MatchUnlinked x => Entry(e, "unlinked", x.At, x.By, $"Unlinked match {x.MatchId}", null, x.Comment, x.Before, x.After),
        ExceptionResolved x => Entry(e, "resolved", x.At, x.By, Approved($"Resolved: {ReviewDecider.JsonName(x.ReasonCode)}", x.ApprovedBy), ReviewDecider.JsonName(x.ReasonCode), x.Comment, x.Before, x.After),
        ExceptionReopened x => Entry(e, "reopened", x.At, x.By, "Reopened", null, x.Comment, x.Before, x.After),
        ExceptionAssigned x => Entry(e, "assigned", x.At, x.By, $"Assigned to {x.Assignee}", null, null, x.Before, x.After),
        ExceptionUnassigned x => Entry(e, "unassigned", x.At, x.By, "Unassigned", null, null, x.Before, x.After),
        ExceptionCommented x => Entry(e, "commented", x.At, x.By, "Commented", null, x.Text, null, null),
        DecisionSubmittedForApproval x => Entry(e, "submittedForApproval", x.At, x.By, $"{ReviewDecider.JsonName(x.Kind)} awaits an approver: {x.Why}", x.ReasonCode is { } r ? ReviewDecider.JsonName(r) : null, x.Comment, x.Before, x.After),
        DecisionApproved x => Entry(e, "approved", x.At, x.By, $"Approved the decision of {x.MadeBy}", null, x.Comment, null, null),
        DecisionRejected x => Entry(e, "rejected", x.At, x.By, $"Rejected the decision of {x.MadeBy}", null, x.Reason, x.Before, x.After),
        _ => null,
    };

    private static string Approved(string summary, string? approvedBy) => approvedBy is null ? summary : $"{summary} (approved by {approvedBy})";

    private static HistoryEntry Entry(IEvent e, string type, DateTimeOffset at, string by, string summary, string? reason, string? comment, CaseState? before, CaseState? after) =>
        new(e.Version, type, at, by, summary, reason, comment, before, after);
}
