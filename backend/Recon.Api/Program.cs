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
builder.Services.Configure<RunQueueOptions>(builder.Configuration.GetSection(RunQueueOptions.Section));
builder.Services.Configure<Recon.Api.ReferenceData.Vocabulary.VocabularyOptions>(builder.Configuration.GetSection(Recon.Api.ReferenceData.Vocabulary.VocabularyOptions.Section));
builder.Services.AddSingleton(ReviewModule.PolicyFrom(builder.Configuration));
builder.AddReconHttp();
builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
{
    context.ProblemDetails.Extensions["correlationId"] = context.HttpContext.TraceIdentifier;

    // Wolverine answers an unreadable JSON body with the serializer's message; say it in the API's words.
    if (context.ProblemDetails.Title == "Invalid JSON format")
    {
        context.ProblemDetails.Detail = JsonInput.Reworded(context.ProblemDetails.Detail);
    }
});
builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);
builder.Services.AddReconOpenApi();
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

    // One API node by default: at start it takes over every persisted message at once, so a run interrupted by a
    // crash resumes within seconds of the restart (Balanced waits a minute for the dead node's lease). Deployments
    // of several nodes set Recon:Messaging:DurabilityMode=Balanced.
    options.Durability.Mode = builder.Configuration.GetValue("Recon:Messaging:DurabilityMode", DurabilityMode.Solo);
    options.AddRuns();
});
builder.Services.AddWolverineHttp();

var app = builder.Build();
UploadTempFolder.Prepare(app.Configuration, app.Logger);

app.UseReconHttp();
app.UseMiddleware<CorrelationIdMiddleware>();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<RequestBodyLimitMiddleware>();

app.UseSwagger();
app.UseSwaggerUI(ui => ui.SwaggerEndpoint($"/swagger/{OpenApiSetup.DocumentName}/swagger.json", "Recon API v1"));
app.UseReconAuth();
app.UseRateLimiter();

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
