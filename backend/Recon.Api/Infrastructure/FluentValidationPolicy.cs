using System.Text.Json;
using FluentValidation;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Wolverine.Http;
using Wolverine.Http.CodeGen;

namespace Recon.Api.Infrastructure;

/// <summary>
/// Runs the registered <see cref="IValidator{T}"/> of an endpoint's request body before the endpoint,
/// answering 400 ValidationProblemDetails keyed by the JSON (camelCase) field names when it fails.
/// </summary>
internal sealed class FluentValidationPolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
        {
            var requestType = chain.HasRequestType ? chain.RequestType : chain.ComplexQueryStringType;
            if (requestType is null
                || !container.RegistrationsFor(typeof(IValidator<>).MakeGenericType(requestType)).Any())
            {
                continue;
            }

            chain.Metadata.ProducesValidationProblem();
            var method = typeof(RequestValidation).GetMethod(nameof(RequestValidation.ValidateAsync))!.MakeGenericMethod(requestType);
            var call = new MethodCall(typeof(RequestValidation), method) { CommentText = "Validate the request with FluentValidation" };
            chain.Middleware.InsertRange(0, [call, new MaybeEndWithResultFrame(call.ReturnVariable!)]);
        }
    }
}

public static class RequestValidation
{
    /// <summary>
    /// The highest page number a paged list accepts: far past any real list, and low enough that
    /// (page - 1) × the largest page size (500) stays well inside the 32-bit offset PostgreSQL and LINQ compute.
    /// </summary>
    public const int MaxPage = 1_000_000;

    public static async Task<IResult> ValidateAsync<T>(IEnumerable<IValidator<T>> validators, T request)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(request);
            failures.AddRange(result.Errors);
        }

        if (failures.Count == 0)
        {
            return WolverineContinue.Result();
        }

        var errors = failures
            .GroupBy(failure => JsonFieldName(failure.PropertyName))
            .ToDictionary(group => group.Key, group => group.Select(failure => failure.ErrorMessage).Distinct().ToArray());
        return Results.ValidationProblem(errors, title: "The request has invalid fields");
    }

    /// <summary>Turns a validator property path such as <c>Lines[0].UnitPrice</c> into <c>lines[0].unitPrice</c>.</summary>
    public static string JsonFieldName(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
