using FluentValidation;
using JasperFx;
using Marten;
using Recon.Api.Auth;
using Recon.Api.Infrastructure;
using Recon.Api.Ingestion;
using Recon.Api.Review;
using Recon.Api.Runs;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

var builder = WebApplication.CreateBuilder(args);

// .env sits just below the real environment variables: a variable exported in the shell wins over the file.
builder.Configuration.AddDotEnvBelowEnvironment(builder.Environment.ContentRootPath);

var connectionString = builder.Configuration.GetConnectionString("Recon");
if (string.IsNullOrWhiteSpace(connectionString))
{
    throw new InvalidOperationException(
        "ConnectionStrings:Recon is not set. Set ConnectionStrings__Recon in the environment or in .env (see .env.example).");
}

var schema = builder.Configuration["Recon:Database:Schema"] ?? "recon";
builder.AddIngestion();
builder.AddClientApi();

builder.Services.AddSingleton(TimeProvider.System);
builder.AddReconAuth();
builder.Services.AddSingleton(RuleSettings.Checked(builder.Configuration));
builder.Services.AddSingleton(ReviewModule.PolicyFrom(builder.Configuration));
builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
    context.ProblemDetails.Extensions["correlationId"] = context.HttpContext.TraceIdentifier);
builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);
builder.Services.AddReconOpenApi();
builder.Services.ConfigureHttpJsonOptions(json =>
    json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
builder.Services.AddHealthChecks()
    .AddNpgSql(connectionString, name: "postgresql", tags: ["ready"]);

builder.Services.AddMarten(options => ReconStore.Configure(options, connectionString, schema))
    .UseLightweightSessions()
    .ApplyAllDatabaseChangesOnStartup()
    .IntegrateWithWolverine();

builder.Host.UseWolverine(options =>
{
    options.Policies.AutoApplyTransactions();
    options.EnableRelayOfUserName = true;
    options.AddRuns();
});
builder.Services.AddWolverineHttp();

var app = builder.Build();

app.UseMiddleware<CorrelationIdMiddleware>();
app.UseExceptionHandler();
app.UseStatusCodePages();

app.UseSwagger();
app.UseSwaggerUI(ui => ui.SwaggerEndpoint($"/swagger/{OpenApiSetup.DocumentName}/swagger.json", "Recon API v1"));
app.UseReconAuth();

// After authentication, authorization and the antiforgery check (the key is kept per user), before the endpoints.
app.UseMiddleware<IdempotencyMiddleware>();

app.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });

app.MapWolverineEndpoints(http =>
{
    http.RejectUnparseableQueryValues = true;
    http.AddPolicy<DefaultAuthorizationConvention>();
    http.AddPolicy<FluentValidationPolicy>();
    http.AddPolicy<ClientScopePolicy>();
    http.AddMiddleware(typeof(EventMetadataMiddleware), EventMetadataMiddleware.AppliesTo);
    http.MapConcurrencyFailuresToConflict();
});

app.UseReconSpa();

return await app.RunJasperFxCommands(args);

/// <summary>The entry point, visible to the Alba test host.</summary>
public partial class Program;
