using Marten;
using Microsoft.Extensions.Options;
using Npgsql;
using Recon.Api.Infrastructure;
using Recon.Api.ReferenceData;
using Recon.Api.ReferenceData.Vocabulary;
using Recon.Api.Review;
using Recon.Domain.Normalization.Vocabulary;
using Recon.Domain.Periods;
using Recon.Domain.Reconciliation;
using Recon.Domain.Review;
using Recon.Domain.Runs;
using Wolverine;

namespace Recon.Api.Runs;

/// <summary>The durable message that makes a requested run happen (persisted with the request, in its transaction).</summary>
public sealed record ExecuteRun(Guid RunId);

/// <summary>
/// Executes a run: snapshot, reconcile (pure engine), then every decision appended as events in one transaction, so
/// a run is either wholly recorded or not at all. Delivered again after a restart or a transient fault, it resumes
/// on the snapshot recorded when it started; a completed or failed run is never done twice.
/// </summary>
public static partial class ExecuteRunHandler
{
    public const int MaxAttempts = 3;

    /// <summary>How many times the failure of a run is written before the message is left to Wolverine's retries.</summary>
    private const int FailureWriteAttempts = 5;

    /// <summary>Events per Marten session inside the run's single transaction.</summary>
    public const int AppendChunk = 2_000;

    /// <summary>Who a run's events are by (the same name the review cases it refreshes record).</summary>
    public const string Actor = RunReview.Actor;

    public static async Task Handle(
        ExecuteRun message,
        IDocumentStore store,
        RuleConfiguration rules,
        TimeProvider clock,
        Envelope envelope,
        IOptions<VocabularyOptions> vocabulary,
        ILogger<ExecuteRun> logger,
        CancellationToken cancellationToken)
    {
        await using var query = store.QuerySession();
        var run = await LoadRunAsync(store, message.RunId, cancellationToken);
        var step = RunDecider.NextStep(run);
        if (step == RunStep.Skip || run is null)
        {
            LogNothingToDo(logger, message.RunId);
            return;
        }

        try
        {
            var (started, snapshot) = step == RunStep.Resume && run.Started is { } before
                ? (before, await RunSnapshot.LoadAsync(query, before.PeriodId, before.Batches, cancellationToken))
                : await StartAsync(store, query, run, rules, clock, cancellationToken);
            await ExecuteAsync(store, query, started, snapshot, vocabulary.Value, clock, logger, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && (!IsTransient(exception) || envelope.Attempts >= MaxAttempts))
        {
            LogFailed(logger, exception, message.RunId);
            await RecordFailureAsync(store, new RunFailed(message.RunId, run.PeriodId, FailureReason(exception), clock.GetUtcNow()), cancellationToken);
        }
    }

    /// <summary>
    /// Appends the run's failure, trying again for a while when the database itself is what failed (a dropped
    /// connection is usually back within seconds). Should it still fail, the message is retried and, at the last,
    /// dead-lettered: an admin sees it and can replay it (<c>GET /api/admin/dead-letters</c>).
    /// </summary>
    private static async Task RecordFailureAsync(IDocumentStore store, RunFailed failed, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var session = store.LightweightSession();
                session.LastModifiedBy = Actor;
                var stream = await session.Events.FetchForWriting<Run>(failed.RunId, cancellationToken);
                if (stream.Aggregate?.Status is RunStatus.Completed or RunStatus.Failed)
                {
                    return; // another delivery finished it meanwhile
                }

                stream.AppendOne(failed);
                await session.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (Exception exception) when (attempt < FailureWriteAttempts && IsTransient(exception) && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
            }
        }
    }

    /// <summary>A database that cannot serve now (<see cref="DatabaseFaults.IsUnavailable"/>), a timeout or a lost race, anywhere in the chain.</summary>
    public static bool IsTransient(Exception exception) =>
        DatabaseFaults.IsUnavailable(exception) || IsTimeoutOrLostRace(exception);

    private static bool IsTimeoutOrLostRace(Exception? exception) => exception switch
    {
        null => false,
        TimeoutException or JasperFx.ConcurrencyException => true,
        _ => IsTimeoutOrLostRace(exception.InnerException),
    };

    private static string FailureReason(Exception exception) => DatabaseFault(exception) is { } fault
        ? $"The database could not be reached or refused the run's writes ({fault}) after {MaxAttempts} attempts; see the server log. Request the run again."
        : $"The run stopped on an unexpected error ({exception.GetType().Name}); see the server log with the run id.";

    /// <summary>The PostgreSQL error code (or the Npgsql failure) anywhere in the exception's chain.</summary>
    private static string? DatabaseFault(Exception? exception) => exception switch
    {
        null => null,
        PostgresException postgres => $"PostgreSQL {postgres.SqlState}",
        NpgsqlException npgsql => npgsql.InnerException is { } inner && DatabaseFault(inner) is { } deeper ? deeper : "connection failure",
        _ => DatabaseFault(exception.InnerException),
    };

    private static async Task<Run?> LoadRunAsync(IDocumentStore store, Guid runId, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        return await session.Events.FetchLatest<Run>(runId, cancellationToken);
    }

    private static async Task<(RunStarted Started, RunSnapshot Snapshot)> StartAsync(IDocumentStore store, IQuerySession query, Run run, RuleConfiguration rules, TimeProvider clock, CancellationToken cancellationToken)
    {
        var batches = await RunSnapshot.CompletedBatchesAsync(query, run.PeriodId, cancellationToken);
        var snapshot = await RunSnapshot.LoadAsync(query, run.PeriodId, batches, cancellationToken);
        var started = new RunStarted(run.Id, run.PeriodId, batches, snapshot.Jobs.Count, snapshot.Lines.Count, snapshot.Digest, rules.Version, rules, clock.GetUtcNow());

        await using var session = store.LightweightSession();
        session.LastModifiedBy = Actor;
        var stream = await session.Events.FetchForWriting<Run>(run.Id, cancellationToken);
        if (stream.Aggregate?.Status != RunStatus.Queued)
        {
            throw new JasperFx.ConcurrencyException($"Run {run.Id} was started by another delivery.", typeof(Run), run.Id);
        }

        stream.AppendOne(started);
        session.Store(new RunProgress { Id = run.Id, Phase = "loading", Progress = 0.05m });
        await session.SaveChangesAsync(cancellationToken);
        return (started, snapshot);
    }

    private static async Task ExecuteAsync(
        IDocumentStore store, IQuerySession query, RunStarted started, RunSnapshot snapshot, VocabularyOptions options, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        var summary = await query.LoadAsync<RunSummary>(started.RunId, cancellationToken)
            ?? throw new InvalidOperationException($"Run {started.RunId} has no summary.");
        var history = await query.LoadAsync<ClientRateHistory>(summary.ClientId, cancellationToken);

        // The records read through the client's vocabulary as it stands, plus what this period's confirmed pairs teach.
        var registry = await ReferenceCatalogs.SiteRegistryAsync(query, summary.ClientId, cancellationToken);
        var seed = options.SeedCatalog ? await ReferenceCatalogs.ServiceCatalogAsync(query, cancellationToken) : null;
        var stored = ClientVocabulary.Stored(await query.LoadAsync<ClientVocabulary>(summary.ClientId, cancellationToken), seed);
        var prepared = RunVocabulary.Prepare(snapshot.Jobs, snapshot.Lines, registry, stored);
        var input = new ReconciliationInput(
            ReconciliationMonth.Parse(summary.Month),
            prepared.Jobs,
            prepared.Lines,
            started.Rules,
            history?.RatesByMonth.Where(month => string.CompareOrdinal(month.Key, summary.Month) < 0).SelectMany(month => month.Value).ToList() ?? [],
            prepared.Uses);

        await ReportAsync(store, started.RunId, "matching", 0.2m, cancellationToken);
        var engineWatch = System.Diagnostics.Stopwatch.StartNew();
        var result = await ReconcileWithProgressAsync(store, started.RunId, input, cancellationToken);
        var engineSeconds = engineWatch.Elapsed.TotalSeconds;
        await ReportAsync(store, started.RunId, "recording", 0.8m, cancellationToken);

        var now = clock.GetUtcNow();
        var events = RunEvents.From(started, summary, result, now).ToList();
        events.Insert(events.Count - 1, new RunDataQualityRecorded(started.RunId, started.PeriodId, prepared.DataQuality)); // before RunCompleted
        var learned = prepared.LearnedServices
            .Select(mapping => (object)new ServiceMappingLearned(summary.ClientId, mapping.Text, mapping.Target, mapping.Support, started.RunId, started.PeriodId, Actor, now))
            .Concat(prepared.LearnedSites.Select(alias => new SiteAliasLearned(summary.ClientId, alias.Target, alias.Text, alias.Support, started.RunId, started.PeriodId, Actor, now)))
            .ToList();
        var raised = RunCases.From(started, summary, snapshot with { Jobs = prepared.Jobs, Lines = prepared.Lines }, result);
        var appendWatch = System.Diagnostics.Stopwatch.StartNew();
        var caseEvents = await AppendAllAsync(
            store, started.RunId, events, summary.ClientId, learned, existing => RunReview.Sync(started.RunId, raised, existing, now), started.PeriodId, cancellationToken);
        LogCompleted(logger, started.RunId, result.Groups.Count, events.Count + caseEvents, prepared.LearnedServices.Count, prepared.LearnedSites.Count, engineSeconds, appendWatch.Elapsed.TotalSeconds);
    }

    private static async Task<ReconciliationResult> ReconcileWithProgressAsync(IDocumentStore store, Guid runId, ReconciliationInput input, CancellationToken cancellationToken)
    {
        var latest = 0d;
        var progress = new Progress<double>(value => Volatile.Write(ref latest, value));
        var work = Task.Run(() => Reconciler.Reconcile(input, progress), cancellationToken);
        var reported = 0d;
        while (await Task.WhenAny(work, Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken)) != work)
        {
            var now = Volatile.Read(ref latest);
            if (now > reported)
            {
                reported = now;
                await ReportAsync(store, runId, "matching", 0.2m + (0.6m * (decimal)now), cancellationToken);
            }
        }

        return await work;
    }

    private static async Task ReportAsync(IDocumentStore store, Guid runId, string phase, decimal progress, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Store(new RunProgress { Id = runId, Phase = phase, Progress = Math.Round(progress, 2) });
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Every decision of the run, its completion, then what it does to the period's review cases, in one transaction,
    /// a few thousand events per statement batch.
    /// </summary>
    /// <remarks>
    /// The period's cases are read inside the transaction and locked (<c>for update</c>) before the run decides what it
    /// does to them: a reviewer's decision committed before is seen; one in flight waits for the run and then finds the
    /// case's version moved on (409), so no decision is overwritten by a refresh computed from an older state.
    /// </remarks>
    /// <returns>The number of case events appended.</returns>
    private static async Task<int> AppendAllAsync(
        IDocumentStore store,
        Guid runId,
        List<object> events,
        string clientId,
        List<object> learned,
        Func<IReadOnlyDictionary<Guid, ExistingCase>, IReadOnlyList<ICaseEvent>> syncCases,
        Guid periodId,
        CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var runVersion = 0L;
        for (var offset = 0; offset < events.Count; offset += AppendChunk)
        {
            await using var session = store.LightweightSession(Marten.Services.SessionOptions.ForTransaction(transaction));
            session.LastModifiedBy = Actor;
            var chunk = events.Skip(offset).Take(AppendChunk).ToArray();
            if (offset == 0)
            {
                // The first write checks the run is still running: a second delivery racing this one fails here.
                var stream = await session.Events.FetchForWriting<Run>(runId, cancellationToken);
                if (stream.Aggregate?.Status != RunStatus.Running)
                {
                    throw new JasperFx.ConcurrencyException($"Run {runId} was finished by another delivery.", typeof(Run), runId);
                }

                runVersion = stream.StartingVersion ?? stream.CurrentVersion ?? 0;
                stream.AppendMany(chunk);
                if (learned.Count > 0)
                {
                    session.Events.Append(ReferenceCatalogs.ClientReferenceStream(clientId), learned.ToArray());
                }
            }
            else
            {
                // At the version the stream is at (ours: the stream is held by this transaction since the first chunk).
                // In Quick append mode an append without it leaves every event's version 0 for the inline projections,
                // so a RunMatchView would point at no MatchDecided event; with it, they see the versions written.
                session.Events.Append(runId, runVersion + chunk.Length, chunk);
            }

            runVersion += chunk.Length;
            await session.SaveChangesAsync(cancellationToken);
        }

        var period = await ReviewCases.OfPeriodForUpdateAsync(store, transaction, periodId, cancellationToken);
        var caseEvents = syncCases(period.Cases);
        var versions = period.Versions.ToDictionary();
        for (var offset = 0; offset < caseEvents.Count; offset += AppendChunk)
        {
            await using var session = store.LightweightSession(Marten.Services.SessionOptions.ForTransaction(transaction));
            session.LastModifiedBy = Actor;
            foreach (var caseEvent in caseEvents.Skip(offset).Take(AppendChunk))
            {
                if (caseEvent is ExceptionOpenedForReview)
                {
                    session.Events.StartStream<ReviewCase>(caseEvent.ExceptionId, caseEvent);
                }
                else
                {
                    // At the version found locked: Quick append mode then tells the inline projections the version.
                    var version = versions[caseEvent.ExceptionId] + 1;
                    versions[caseEvent.ExceptionId] = version;
                    session.Events.Append(caseEvent.ExceptionId, version, caseEvent);
                }
            }

            await session.SaveChangesAsync(cancellationToken);
        }

        await using (var last = store.LightweightSession(Marten.Services.SessionOptions.ForTransaction(transaction)))
        {
            last.Store(new RunProgress { Id = runId, Phase = "completed", Progress = 1m });
            await last.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return caseEvents.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} is already completed or failed: nothing to do")]
    private static partial void LogNothingToDo(ILogger logger, Guid runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} completed: {Groups} groups, {Events} events, {Services} service mappings and {Aliases} site aliases learned; engine {EngineSeconds:F2} s, append {AppendSeconds:F2} s")]
    private static partial void LogCompleted(ILogger logger, Guid runId, int groups, int events, int services, int aliases, double engineSeconds, double appendSeconds);
}
