using Recon.Domain;

namespace Recon.Api.Infrastructure;

public static class RejectionProblems
{
    public static IResult ToProblem(this Rejection rejection) =>
        Results.Problem(
            statusCode: rejection.Kind switch
            {
                RejectionKind.Conflict => StatusCodes.Status409Conflict,
                RejectionKind.NotFound => StatusCodes.Status404NotFound,
                _ => StatusCodes.Status422UnprocessableEntity,
            },
            title: rejection.Title,
            detail: rejection.Detail);
}
