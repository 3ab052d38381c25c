namespace Recon.Api.Tests.Reliability;

/// <summary>
/// What the reliability suite tried and checked: each fault test adds its faults and the invariants it verified to
/// the file named by <c>RECON_RELIABILITY_REPORT</c> (set by <c>./ops/recon test</c>, which prints the totals as the
/// suite's last line). Without the variable nothing is written.
/// </summary>
public static class ReliabilityReport
{
    private static readonly Lock Gate = new();

    public static void Add(string fault, int invariantsHeld)
    {
        if (Environment.GetEnvironmentVariable("RECON_RELIABILITY_REPORT") is not { Length: > 0 } path)
        {
            return;
        }

        lock (Gate)
        {
            File.AppendAllText(path, $"{fault.Replace('\t', ' ')}\t{invariantsHeld}\n");
        }
    }
}
