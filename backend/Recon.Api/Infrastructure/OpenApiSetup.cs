using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Recon.Api.Auth;
using Recon.Api.Ingestion;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Recon.Api.Infrastructure;

public static class OpenApiSetup
{
    public const string DocumentName = "v1";
    public const string SessionCookieScheme = "sessionCookie";
    public const string BearerTokenScheme = "apiToken";

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
            options.OperationFilter<CsvUploadBody>();
            options.AddSecurityDefinition(SessionCookieScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = SessionCookies.CookieName,
                Description = "The session cookie set by POST /api/auth/sign-in. State-changing requests also send header "
                    + $"{SessionCookies.XsrfHeaderName} with the value of the {SessionCookies.XsrfCookieName} cookie.",
            });
            options.AddSecurityDefinition(BearerTokenScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API token (recon_…) issued by an admin: POST /api/admin/tokens.",
            });
            options.OperationFilter<SecurityOfEndpoint>();
            options.DocumentFilter<DropIResultSchema>();
        });
        return services;
    }

    /// <summary>
    /// Makes each operation read as written: the endpoint's declared operation id (e.g. <c>openPeriod</c>) and
    /// <c>[EndpointSummary]</c>, instead of names derived from the route; and only the responses the endpoint
    /// really gives (Wolverine also advertises a 200 <c>IResult</c> and a bodiless 404 for endpoints returning
    /// <see cref="IResult"/>, which no client could use).
    /// </summary>
    private sealed class OperationIdFromEndpointName : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IEndpointNameMetadata>().LastOrDefault() is { } name)
            {
                operation.OperationId = name.EndpointName;
            }

            // Only what the endpoint declares: Wolverine also adds its generated handler name as a description.
            operation.Summary = metadata.OfType<EndpointSummaryAttribute>().LastOrDefault()?.Summary;
            operation.Description = metadata.OfType<EndpointDescriptionAttribute>().LastOrDefault()?.Description;

            if (operation.Responses is null)
            {
                return;
            }

            foreach (var (status, response) in operation.Responses.ToList())
            {
                var content = response.Content;
                var advertisesIResult = content?.Values.Any(media => media.Schema is OpenApiSchemaReference { Reference.Id: "IResult" }) == true;
                if (advertisesIResult || (status == "404" && (content is null || content.Count == 0)))
                {
                    operation.Responses.Remove(status);
                }
            }
        }
    }

    /// <summary>Describes the bodies of <see cref="CsvUploadAttribute"/> endpoints, which read the request themselves.</summary>
    private sealed class CsvUploadBody : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var upload = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<CsvUploadAttribute>().FirstOrDefault();
            if (upload is null)
            {
                return;
            }

            var content = new Dictionary<string, IOpenApiMediaType>
            {
                ["multipart/form-data"] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "file" },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The CSV file (UTF-8, with a header row)." },
                        },
                    },
                },
            };
            if (upload.JsonItemType is { } itemType)
            {
                content["application/json"] = new OpenApiMediaType
                {
                    Schema = context.SchemaGenerator.GenerateSchema(typeof(List<>).MakeGenericType(itemType), context.SchemaRepository),
                };
            }

            operation.RequestBody = new OpenApiRequestBody { Required = true, Content = content };
        }
    }

    /// <summary>
    /// Says which operations need credentials (session cookie or API token) and which policy, with their 401/403
    /// answers; anonymous operations (sign-in, providers) have none.
    /// </summary>
    private sealed class SecurityOfEndpoint : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any())
            {
                return;
            }

            var policies = string.Join(" and ", metadata.OfType<IAuthorizeData>().Select(data => data.Policy ?? "authenticated").Distinct());
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SessionCookieScheme, context.Document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerTokenScheme, context.Document)] = [] },
            ];
            operation.Responses ??= [];
            var problem = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository) };
            operation.Responses["401"] = new OpenApiResponse
            {
                Description = "Not signed in, or the session or token is no longer valid",
                Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = problem },
            };
            operation.Responses["403"] = new OpenApiResponse
            {
                Description = $"Signed in without the {policies} policy",
                Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = problem },
            };
        }
    }

    /// <summary>Drops the <c>IResult</c> schema that only the removed placeholder responses referred to.</summary>
    private sealed class DropIResultSchema : IDocumentFilter
    {
        public void Apply(OpenApiDocument document, DocumentFilterContext context) => document.Components?.Schemas?.Remove("IResult");
    }
}
