namespace Recon.Domain;

/// <summary>Why a decider refused a command. The host maps the kind to an HTTP status.</summary>
/// <param name="Kind">What kind of refusal (the host maps it to a status).</param>
/// <param name="Title">A short, human title.</param>
/// <param name="Detail">What was wrong, specifically.</param>
/// <param name="Code">A stable, machine-readable name of the refusal (e.g. <c>self-approval</c>), when callers need to tell refusals apart.</param>
public sealed record Rejection(RejectionKind Kind, string Title, string Detail, string? Code = null);

public enum RejectionKind
{
    /// <summary>The command contradicts the current state (e.g. the thing already exists).</summary>
    Conflict,

    /// <summary>The command names something that does not exist.</summary>
    NotFound,

    /// <summary>The rules of the workflow do not allow it in the current state (e.g. resolving a resolved exception).</summary>
    Refused,

    /// <summary>The acting user may not do this to this thing (e.g. approve their own decision).</summary>
    Forbidden,
}

/// <summary>What a pure decider returns: the events to append, or the reason for refusing.</summary>
public abstract record Decision<TEvent>
{
    private Decision()
    {
    }

    public sealed record Accepted(TEvent Event) : Decision<TEvent>;

    public sealed record Rejected(Rejection Rejection) : Decision<TEvent>;
}
