using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using Microsoft.AspNetCore.Mvc;
using Recon.Domain.Normalization.Vocabulary;
using Recon.Domain.Runs;
using Wolverine.Http;

namespace Recon.Api.Runs.DataQuality;

/// <summary>A run's data-quality findings (one document per run, from its <see cref="RunDataQualityRecorded"/>).</summary>
public sealed class RunDataQuality
{
    public Guid Id { get; set; }

    public Guid PeriodId { get; set; }

    public List<UnmappedText> Descriptions { get; set; } = [];

    public List<UnmappedText> Sites { get; set; } = [];
}

public sealed partial class RunDataQualityProjection : SingleStreamProjection<RunDataQuality, Guid>
{
    public static RunDataQuality Create(RunDataQualityRecorded e) => new()
    {
        Id = e.RunId,
        PeriodId = e.PeriodId,
        Descriptions = [.. e.Findings.Descriptions],
        Sites = [.. e.Findings.Sites],
    };
}

/// <summary>What a run could not read, for the reviewer who maps it.</summary>
/// <param name="RunId">The run.</param>
/// <param name="ClientId">Its client (whose vocabulary a mapping extends).</param>
/// <param name="Recorded">False for a run that has not completed, or completed before data quality was recorded.</param>
/// <param name="UnmappedDescriptions">Ledger descriptions that mean none of the client's services, most lines first.</param>
/// <param name="UnmappedSites">Ledger site names that name none of the client's sites, most lines first.</param>
/// <param name="Services">The client's services, the names a description can be mapped to.</param>
public sealed record RunDataQualityView(
    Guid RunId, string ClientId, bool Recorded, IReadOnlyList<UnmappedText> UnmappedDescriptions, IReadOnlyList<UnmappedText> UnmappedSites, IReadOnlyList<string> Services);

public static class GetRunDataQualityEndpoint
{
    public static StoreOptions AddRunDataQuality(this StoreOptions options)
    {
        options.Projections.Add<RunDataQualityProjection>(ProjectionLifecycle.Inline);
        return options;
    }

    [WolverineGet("/api/runs/{runId}/data-quality", OperationId = "getRunDataQuality")]
    [Tags("Runs")]
    [EndpointSummary("What a run could not read: unmapped ledger descriptions and site names, with counts and example lines")]
    [EndpointDescription("Never revenue exceptions: a line whose description or site name means nothing known is not a mismatch. Map a description with POST /api/clients/{clientId}/vocabulary/services, a site name with POST /api/clients/{clientId}/sites/{siteCode}/aliases; the next run reads it.")]
    [ProducesResponseType<RunDataQualityView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid runId, IQuerySession session, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<RunSummary>(runId, cancellationToken) is not { } run)
        {
            return RunProblems.NotFound(runId);
        }

        var findings = await session.LoadAsync<RunDataQuality>(runId, cancellationToken);
        var vocabulary = await session.LoadAsync<ReferenceData.Vocabulary.ClientVocabulary>(run.ClientId, cancellationToken);
        return TypedResults.Ok(new RunDataQualityView(
            runId,
            run.ClientId,
            findings is not null,
            findings?.Descriptions ?? [],
            findings?.Sites ?? [],
            vocabulary?.ServiceNames.Values.Order(StringComparer.Ordinal).ToList() ?? []));
    }
}
