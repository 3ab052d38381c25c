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
        options.Connection(WithPreparedStatements(connectionString));
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

    /// <summary>
    /// Lets Npgsql prepare the statements a request repeats (session and user loads, the queue's few query shapes), so
    /// PostgreSQL parses and plans them once per connection instead of on every request — unless the connection
    /// string already says otherwise.
    /// </summary>
    public static string WithPreparedStatements(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }
}
