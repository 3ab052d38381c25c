namespace Recon.Domain.Normalization;

/// <summary>A user taught Recon another way a service type is written.</summary>
public sealed record ServiceSynonymAdded(string ServiceType, string Synonym, string AddedBy, DateTimeOffset AddedAt);

/// <summary>A user taught Recon another name of one of a client's sites.</summary>
public sealed record SiteAliasAdded(string ClientId, string SiteCode, string Alias, string AddedBy, DateTimeOffset AddedAt);

/// <summary>Decides on additions to the reference data that normalization uses.</summary>
public static class ReferenceDataDecider
{
    public static Decision<ServiceSynonymAdded> AddServiceSynonym(ServiceCatalog catalog, string serviceType, string synonym, string user, DateTimeOffset now)
    {
        var service = catalog.Services.FirstOrDefault(s => string.Equals(s.Name, serviceType.Trim(), StringComparison.OrdinalIgnoreCase));
        if (service is null)
        {
            return new Decision<ServiceSynonymAdded>.Rejected(new Rejection(
                RejectionKind.NotFound, "Unknown service type", $"No service type is named '{serviceType}'. Known: {string.Join(", ", catalog.Services.Select(s => s.Name))}."));
        }

        var current = catalog.Resolve(synonym);
        if (current is { Exact: true, Service: { } named })
        {
            return named.Name == service.Name
                ? new Decision<ServiceSynonymAdded>.Rejected(new Rejection(RejectionKind.Conflict, "Synonym already known", $"'{synonym}' already means '{named.Name}'."))
                : new Decision<ServiceSynonymAdded>.Rejected(new Rejection(RejectionKind.Conflict, "Synonym names another service", $"'{synonym}' already means '{named.Name}'; it cannot also mean '{service.Name}'."));
        }

        return new Decision<ServiceSynonymAdded>.Accepted(new ServiceSynonymAdded(service.Name, TextKey.Tidy(synonym), user, now));
    }

    public static Decision<SiteAliasAdded> AddSiteAlias(string clientId, SiteRegistry sites, string siteCode, string alias, string user, DateTimeOffset now)
    {
        var site = sites.Sites.FirstOrDefault(s => string.Equals(s.Code, siteCode.Trim(), StringComparison.OrdinalIgnoreCase));
        if (site is null)
        {
            return new Decision<SiteAliasAdded>.Rejected(new Rejection(
                RejectionKind.NotFound, "Unknown site", $"Client '{clientId}' has no site with code '{siteCode}' in its ingested jobs."));
        }

        var current = sites.Resolve(null, alias);
        if (current.Method is SiteResolutionMethod.Name or SiteResolutionMethod.Alias && current.Site is { } named)
        {
            return new Decision<SiteAliasAdded>.Rejected(new Rejection(
                RejectionKind.Conflict,
                named.Code == site.Code ? "Alias already known" : "Alias names another site",
                $"'{alias}' already names site {named.Code} ({named.Name})."));
        }

        return new Decision<SiteAliasAdded>.Accepted(new SiteAliasAdded(clientId, site.Code, TextKey.Tidy(alias), user, now));
    }
}
