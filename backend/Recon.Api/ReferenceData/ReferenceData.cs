using System.Security.Claims;
using FluentValidation;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using Microsoft.AspNetCore.Mvc;
using Recon.Api.Infrastructure;
using Recon.Api.Ingestion;
using Recon.Domain;
using Recon.Domain.Normalization;
using Wolverine.Http;

namespace Recon.Api.ReferenceData;

/// <summary>The synonyms users added to the built-in service catalog (one document, the catalog stream's).</summary>
public sealed class ServiceSynonyms
{
    public Guid Id { get; set; }

    public List<ServiceSynonymAdded> Added { get; set; } = [];
}

public sealed partial class ServiceSynonymsProjection : SingleStreamProjection<ServiceSynonyms, Guid>
{
    public static ServiceSynonyms Create(ServiceSynonymAdded added) => new() { Added = [added] };

    public static void Apply(ServiceSynonymAdded added, ServiceSynonyms synonyms) => synonyms.Added.Add(added);
}

/// <summary>The reference data normalization reads: service catalog and client site registries, with users' additions.</summary>
public static class ReferenceCatalogs
{
    /// <summary>The one stream holding users' service synonyms.</summary>
    public static readonly Guid ServiceCatalogStream = new("0b7f9c1e-3a52-4d0e-8f61-5c2a9e4d7b30");

    private static readonly Guid ClientReferenceNamespace = new("c3e1a7d2-94b8-4f25-a6d0-1e8b7c5f2a94");

    /// <summary>The stream of a client's site aliases.</summary>
    public static Guid ClientReferenceStream(string clientId) => StableId.NameBased(ClientReferenceNamespace, clientId);

    public static async Task<ServiceCatalog> ServiceCatalogAsync(IQuerySession session, CancellationToken cancellationToken)
    {
        var synonyms = await session.LoadAsync<ServiceSynonyms>(ServiceCatalogStream, cancellationToken);
        return (synonyms?.Added ?? []).Aggregate(ServiceCatalog.Default, (catalog, added) => catalog.WithSynonym(added.ServiceType, added.Synonym));
    }

    public static async Task<SiteRegistry> SiteRegistryAsync(IQuerySession session, string clientId, CancellationToken cancellationToken)
    {
        var sites = await session.LoadAsync<ClientSites>(clientId, cancellationToken);
        return sites is null
            ? SiteRegistry.Empty
            : new SiteRegistry(sites.NamesByCode.Select(site => new Site(site.Key, site.Value, sites.AliasesByCode.GetValueOrDefault(site.Key) ?? [])));
    }

    public static StoreOptions AddReferenceData(this StoreOptions options)
    {
        options.Projections.Add<ServiceSynonymsProjection>(ProjectionLifecycle.Inline);
        return options;
    }
}

public sealed record ServiceTypeView(string Name, IReadOnlyList<string> Synonyms);

public sealed record SiteView(string Code, string Name, IReadOnlyList<string> Aliases);

/// <summary>Teach Recon another way a service type is written.</summary>
public sealed record AddServiceSynonym(string Synonym)
{
    public sealed class Validator : AbstractValidator<AddServiceSynonym>
    {
        public Validator() => RuleFor(x => x.Synonym).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Synonym is required.")
            .MaximumLength(200).WithMessage("Synonym must be at most 200 characters.");
    }
}

/// <summary>Teach Recon another name of a client's site.</summary>
public sealed record AddSiteAlias(string Alias)
{
    public sealed class Validator : AbstractValidator<AddSiteAlias>
    {
        public Validator() => RuleFor(x => x.Alias).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Alias is required.")
            .MaximumLength(200).WithMessage("Alias must be at most 200 characters.");
    }
}

public static class ReferenceDataEndpoints
{
    [WolverineGet("/api/service-types", OperationId = "listServiceTypes")]
    [Tags("Reference data")]
    [EndpointSummary("The service types and their synonyms, built-in and added by users")]
    public static async Task<IReadOnlyList<ServiceTypeView>> ListServiceTypes(IQuerySession session, CancellationToken cancellationToken) =>
        (await ReferenceCatalogs.ServiceCatalogAsync(session, cancellationToken)).Services.Select(s => new ServiceTypeView(s.Name, s.Synonyms)).ToList();

    [WolverinePost("/api/service-types/{serviceType}/synonyms", OperationId = "addServiceSynonym")]
    [Tags("Reference data")]
    [EndpointSummary("Add a synonym to a service type; later ingestions read it")]
    [ProducesResponseType<ServiceTypeView>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<IResult> AddServiceSynonym(
        string serviceType, AddServiceSynonym request, IDocumentSession session, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var catalog = await ReferenceCatalogs.ServiceCatalogAsync(session, cancellationToken);
        switch (ReferenceDataDecider.AddServiceSynonym(catalog, serviceType, request.Synonym, Actor.NameOf(user), clock.GetUtcNow()))
        {
            case Decision<ServiceSynonymAdded>.Accepted(var added):
                session.Events.Append(ReferenceCatalogs.ServiceCatalogStream, added);
                var service = catalog.WithSynonym(added.ServiceType, added.Synonym).Services.Single(s => s.Name == added.ServiceType);
                return TypedResults.Created("/api/service-types", new ServiceTypeView(service.Name, service.Synonyms));
            case Decision<ServiceSynonymAdded>.Rejected(var rejection):
                return rejection.ToProblem();
            default:
                throw new InvalidOperationException("Unknown decision.");
        }
    }

    [WolverineGet("/api/clients/{clientId}/sites", OperationId = "listClientSites")]
    [Tags("Reference data")]
    [EndpointSummary("A client's sites (from its ingested jobs) with their known aliases")]
    public static async Task<IReadOnlyList<SiteView>> ListSites(string clientId, IQuerySession session, CancellationToken cancellationToken) =>
        (await ReferenceCatalogs.SiteRegistryAsync(session, clientId.Trim().ToLowerInvariant(), cancellationToken)).Sites
            .OrderBy(site => site.Code, StringComparer.Ordinal)
            .Select(site => new SiteView(site.Code, site.Name, site.Aliases))
            .ToList();

    [WolverinePost("/api/clients/{clientId}/sites/{siteCode}/aliases", OperationId = "addSiteAlias")]
    [Tags("Reference data")]
    [EndpointSummary("Add another name of a client's site; later ledger ingestions resolve it")]
    [ProducesResponseType<SiteView>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<IResult> AddSiteAlias(
        string clientId, string siteCode, AddSiteAlias request, IDocumentSession session, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var client = clientId.Trim().ToLowerInvariant();
        var registry = await ReferenceCatalogs.SiteRegistryAsync(session, client, cancellationToken);
        switch (ReferenceDataDecider.AddSiteAlias(client, registry, siteCode, request.Alias, Actor.NameOf(user), clock.GetUtcNow()))
        {
            case Decision<SiteAliasAdded>.Accepted(var added):
                session.Events.Append(ReferenceCatalogs.ClientReferenceStream(client), added);
                var site = registry.WithAlias(added.SiteCode, added.Alias).Sites.Single(s => s.Code == added.SiteCode);
                return TypedResults.Created($"/api/clients/{client}/sites", new SiteView(site.Code, site.Name, site.Aliases));
            case Decision<SiteAliasAdded>.Rejected(var rejection):
                return rejection.ToProblem();
            default:
                throw new InvalidOperationException("Unknown decision.");
        }
    }
}
