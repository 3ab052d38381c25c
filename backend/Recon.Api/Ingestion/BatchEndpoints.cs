using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Recon.Domain.Ingestion;
using Wolverine.Http;

namespace Recon.Api.Ingestion;

public sealed record BatchList(IReadOnlyList<BatchSummary> Items);

public sealed record RejectedRowsPage(IReadOnlyList<RejectedRow> Items, int Page, int PageSize, int TotalCount);

public sealed class RejectedRowsQuery
{
    public const int MaxPageSize = 500;

    /// <summary>1-based page number, 1-1,000,000 (default 1).</summary>
    [FromQuery(Name = "page")]
    public int? Page { get; set; }

    /// <summary>Rows per page, 1-500 (default 50).</summary>
    [FromQuery(Name = "pageSize")]
    public int? PageSize { get; set; }

    public sealed class Validator : AbstractValidator<RejectedRowsQuery>
    {
        public Validator()
        {
            RuleFor(x => x.Page).InclusiveBetween(1, Infrastructure.RequestValidation.MaxPage).WithMessage($"Page must be between 1 and {Infrastructure.RequestValidation.MaxPage}.");
            RuleFor(x => x.PageSize).InclusiveBetween(1, MaxPageSize).WithMessage($"Page size must be between 1 and {MaxPageSize}.");
        }
    }
}

public static class BatchEndpoints
{
    [WolverineGet("/api/periods/{periodId}/batches", OperationId = "listBatches")]
    [Tags("Ingestion")]
    [EndpointSummary("List a period's batches, newest first, with counts, checksums and status")]
    public static async Task<BatchList> List(Guid periodId, IQuerySession session, CancellationToken cancellationToken)
    {
        var batches = await session.Query<BatchSummary>()
            .Where(batch => batch.PeriodId == periodId)
            .OrderByDescending(batch => batch.ReceivedAt)
            .ToListAsync(cancellationToken);
        return new BatchList(batches);
    }

    [WolverineGet("/api/batches/{batchId}", OperationId = "getBatch")]
    [Tags("Ingestion")]
    [EndpointSummary("Get one batch")]
    [ProducesResponseType<BatchSummary>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid batchId, IQuerySession session, CancellationToken cancellationToken) =>
        await session.LoadAsync<BatchSummary>(batchId, cancellationToken) is { } batch
            ? TypedResults.Ok(batch)
            : NotFound(batchId);

    [WolverineGet("/api/batches/{batchId}/rejected-rows", OperationId = "listRejectedRows")]
    [Tags("Ingestion")]
    [EndpointSummary("List a batch's quarantined rows with line, field and reason")]
    [ProducesResponseType<RejectedRowsPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> RejectedRows(Guid batchId, [AsParameters] RejectedRowsQuery query, IQuerySession session, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<BatchSummary>(batchId, cancellationToken) is null)
        {
            return NotFound(batchId);
        }

        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? 50;
        var rows = await BatchIngestion.RejectedRowsAsync(session, batchId, cancellationToken);
        return TypedResults.Ok(new RejectedRowsPage(rows.Skip((page - 1) * pageSize).Take(pageSize).ToList(), page, pageSize, rows.Count));
    }

    private static IResult NotFound(Guid batchId) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Batch not found", detail: $"No batch has id {batchId}.");
}
