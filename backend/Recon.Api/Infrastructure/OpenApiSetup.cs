using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Recon.Api.Infrastructure;

public static class OpenApiSetup
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddReconOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "Recon API",
                Version = "v1",
                Description = "Revenue reconciliation: periods, ingestion, matching, exceptions, review and audit.",
            });
            options.CustomSchemaIds(type => type.Name);
            options.SupportNonNullableReferenceTypes();
            options.NonNullableReferenceTypesAsRequired();
            options.OperationFilter<OperationIdFromEndpointName>();
        });
        return services;
    }

    /// <summary>Uses each endpoint's declared operation id (e.g. <c>openPeriod</c>) rather than one derived from its route.</summary>
    private sealed class OperationIdFromEndpointName : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var name = context.ApiDescription.ActionDescriptor.EndpointMetadata
                .OfType<IEndpointNameMetadata>()
                .Select(metadata => metadata.EndpointName)
                .FirstOrDefault();
            if (name is not null)
            {
                operation.OperationId = name;
            }
        }
    }
}
