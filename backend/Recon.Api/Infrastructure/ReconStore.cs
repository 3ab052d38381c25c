using JasperFx;
using JasperFx.Events;
using Marten;
using Recon.Api.Auth;
using Recon.Api.Ingestion;
using Recon.Api.Periods;
using Recon.Api.ReferenceData;
using Recon.Api.ReferenceData.Vocabulary;
using Recon.Api.Review;
using Recon.Api.Runs;
using Recon.Api.Runs.DataQuality;
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
        options.Connection(Tuned(connectionString));
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
        options.AddVocabulary();
        options.AddRuns();
        options.AddRunDataQuality();
        options.AddReview();
        options.AddAuth();
        return options;
    }

    /// <summary>
    /// Connections kept beyond the requests' share for the long holders: the bounded uploads (two at once by default,
    /// up to two connections each), the one executing run (two) and Wolverine's durability agents (two).
    /// </summary>
    public const int BackgroundConnections = 8;

    /// <summary>
    /// Connection defaults for this workload, unless the connection string says otherwise: Npgsql prepares the
    /// statements a request repeats (session and user loads, the queue's few query shapes), so PostgreSQL plans them
    /// once per connection; and the pool holds a few connections per core (8 at least), so under load requests queue
    /// for a connection in order instead of twenty backends time-slicing two cores — measured with
    /// <c>./ops/recon bench review-queue</c>: p99 132 ms with the default 100, 80 ms with 8 (ADR 0007) — plus
    /// <see cref="BackgroundConnections"/>, so uploads and a run never take the requests' connections.
    /// </summary>
    public static string Tuned(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!Mentions(connectionString, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        if (!Mentions(connectionString, "Maximum Pool Size", "Max Pool Size", "MaxPoolSize"))
        {
            builder.MaxPoolSize = Math.Max(8, Environment.ProcessorCount * 4) + BackgroundConnections;
        }

        return builder.ConnectionString;
    }

    private static bool Mentions(string connectionString, params string[] keys) =>
        keys.Any(key => connectionString.Contains(key, StringComparison.OrdinalIgnoreCase));
}
