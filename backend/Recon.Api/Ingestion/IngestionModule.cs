using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Http.Features;

namespace Recon.Api.Ingestion;

public static class IngestionModule
{
    public static StoreOptions AddIngestion(this StoreOptions options, string schema)
    {
        options.Storage.ExtendedSchemaObjects.Add(RecordVersions.Table(schema));
        options.Schema.For<BatchSummary>()
            .Identity(batch => batch.BatchId)
            .Index(batch => batch.PeriodId)
            .Index(batch => batch.Checksum);
        options.Projections.Add<BatchSummaryProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add(new RecordVersionsProjection(schema), ProjectionLifecycle.Inline);
        options.Projections.Add<ClientSitesProjection>(ProjectionLifecycle.Inline);
        return options;
    }

    public static WebApplicationBuilder AddIngestion(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(IngestionOptions.Section);
        builder.Services.Configure<IngestionOptions>(section);
        var settings = section.Get<IngestionOptions>() ?? new IngestionOptions();
        var maxFileBytes = settings.MaxFileBytes;
        builder.Services.AddUploadConcurrency(settings.MaxConcurrentUploads);

        // The transport limits sit just above the file limit, so an oversized file still reaches the endpoint's
        // own check and gets its clear 400; a far larger body is cut off by Kestrel without being read.
        var bodyLimit = maxFileBytes + UploadLimits.MultipartOverheadBytes;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = bodyLimit);
        builder.Services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = bodyLimit);
        return builder;
    }
}
