namespace Recon.Api.ReferenceData.Vocabulary;

/// <summary>Settings under <c>Recon:Vocabulary</c>.</summary>
public sealed class VocabularyOptions
{
    public const string Section = "Recon:Vocabulary";

    /// <summary>
    /// Whether runs also read ledger descriptions through the built-in service catalog (default true). Off, a client's
    /// vocabulary is only what its jobs, its reference-confirmed pairs and its users teach.
    /// </summary>
    public bool SeedCatalog { get; set; } = true;
}
