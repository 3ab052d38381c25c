using Recon.Domain;

namespace Recon.Api.Infrastructure;

public static class RejectionProblems
{
    public static IResult ToProblem(this Rejection rejection) =>
        Results.Problem(
            statusCode: StatusOf(rejection.Kind),
            title: rejection.Title,
            detail: rejection.Detail,
            extensions: rejection.Code is null ? null : new Dictionary<string, object?> { ["code"] = rejection.Code });

    public static int StatusOf(RejectionKind kind) => kind switch
    {
        RejectionKind.Conflict => StatusCodes.Status409Conflict,
        RejectionKind.NotFound => StatusCodes.Status404NotFound,
        RejectionKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status422UnprocessableEntity,
    };
}
