namespace Recon.Api.Runs;

/// <summary>Settings under <c>Recon:Runs</c>.</summary>
public sealed class RunQueueOptions
{
    public const string Section = "Recon:Runs";

    /// <summary>
    /// Runs queued or running at once, all periods together (default 10): runs execute one at a time, so beyond this a
    /// request is answered 503 with Retry-After instead of joining a queue it would wait hours in.
    /// </summary>
    public int MaxQueued { get; set; } = 10;

    /// <summary>What a refused run request is told to wait before trying again, in seconds.</summary>
    public const int RetryAfterSeconds = 30;
}
