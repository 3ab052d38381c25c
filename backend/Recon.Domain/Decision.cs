namespace Recon.Domain;

/// <summary>Why a decider refused a command. The host maps the kind to an HTTP status.</summary>
public sealed record Rejection(RejectionKind Kind, string Title, string Detail);

public enum RejectionKind
{
    /// <summary>The command contradicts the current state (e.g. the thing already exists).</summary>
    Conflict,

    /// <summary>The command names something that does not exist.</summary>
    NotFound,
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
