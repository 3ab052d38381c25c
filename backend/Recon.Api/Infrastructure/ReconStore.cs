using JasperFx;
using JasperFx.Events;
using Marten;
using Recon.Api.Auth;
using Recon.Api.Ingestion;
using Recon.Api.Periods;
using Recon.Api.ReferenceData;
using Recon.Api.Review;
using Recon.Api.Runs;
using Weasel.Core;

namespace Recon.Api.Infrastructure;

/// <summary>
/// The event store's configuration, in one place: the API uses it, and so do tools that must write exactly what the
/// API reads (the review-queue load benchmark seeds its cases through it).
/// </summary>
public static class ReconStore
{
    public static StoreOptions Configure(StoreOptions options, string connectionString, string schema)
    {
        options.Connection(connectionString);
        options.DatabaseSchemaName = schema;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
        options.Events.StreamIdentity = StreamIdentity.AsGuid;
        options.Events.AppendMode = EventAppendMode.Quick;
        options.Events.MetadataConfig.EnableAll();
        options.Events.MetadataConfig.UserNameEnabled = true; // EnableAll leaves the user name out in Marten 9
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        options.AddPeriods();
        options.AddIngestion(schema);
        options.AddReferenceData();
        options.AddRuns();
        options.AddReview();
        options.AddAuth();
        return options;
    }
}
