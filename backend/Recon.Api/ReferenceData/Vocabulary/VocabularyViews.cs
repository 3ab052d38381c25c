using FluentValidation;
using Recon.Domain.Normalization.Vocabulary;

namespace Recon.Api.ReferenceData.Vocabulary;

/// <summary>One mapping of a ledger text, as the vocabulary page shows it.</summary>
/// <param name="Text">The ledger's text.</param>
/// <param name="Origin"><c>learned</c> (by recon-run from reference-confirmed pairs) or <c>confirmed</c> (by a user).</param>
/// <param name="Support">For a learned mapping: the reference-confirmed pairs behind it, over the periods that taught it.</param>
/// <param name="Runs">The runs that learned it.</param>
/// <param name="By">Who confirmed it (or <c>recon-run</c>).</param>
/// <param name="At">When it was first learned or confirmed.</param>
/// <param name="Revoked">Whether a user revoked it (then runs neither use nor learn it again).</param>
/// <param name="RevokedBy">Who revoked it.</param>
/// <param name="RevokedAt">When.</param>
public sealed record MappingView(string Text, string Origin, int Support, IReadOnlyList<Guid> Runs, string By, DateTimeOffset At, bool Revoked, string? RevokedBy, DateTimeOffset? RevokedAt)
{
    public static MappingView Of(VocabularyEntry entry) =>
        new(entry.Text, entry.Origin, entry.Support, entry.Runs, entry.By, entry.At, !entry.Active, entry.RevokedBy, entry.RevokedAt);
}

/// <summary>A service of the client (as its jobs name it) and the ledger texts mapped onto it.</summary>
public sealed record ServiceVocabularyView(string Name, IReadOnlyList<MappingView> Mappings);

/// <summary>A site of the client and its aliases, learned or confirmed.</summary>
public sealed record SiteVocabularyView(string Code, string Name, IReadOnlyList<MappingView> Aliases);

/// <summary>A client's vocabulary: its services and sites with every learned, confirmed and revoked mapping.</summary>
public sealed record ClientVocabularyView(string ClientId, IReadOnlyList<ServiceVocabularyView> Services, IReadOnlyList<SiteVocabularyView> Sites);

/// <summary>Say what a ledger description means: "this means Window Cleaning".</summary>
/// <param name="Text">The ledger's description, as written.</param>
/// <param name="Service">One of the client's services.</param>
public sealed record ConfirmServiceMapping(string Text, string Service)
{
    public sealed class Validator : AbstractValidator<ConfirmServiceMapping>
    {
        public Validator()
        {
            RuleFor(x => x.Text).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Text is required.")
                .MaximumLength(200).WithMessage("Text must be at most 200 characters.");
            RuleFor(x => x.Service).NotEmpty().WithMessage("Service is required.");
        }
    }
}

/// <summary>Revoke the mapping of a ledger description (learned or confirmed).</summary>
public sealed record RevokeServiceMapping(string Text)
{
    public sealed class Validator : AbstractValidator<RevokeServiceMapping>
    {
        public Validator() => RuleFor(x => x.Text).NotEmpty().WithMessage("Text is required.");
    }
}

/// <summary>Revoke an alias of a site (learned or added).</summary>
public sealed record RevokeSiteAlias(string SiteCode, string Alias)
{
    public sealed class Validator : AbstractValidator<RevokeSiteAlias>
    {
        public Validator()
        {
            RuleFor(x => x.SiteCode).NotEmpty().WithMessage("SiteCode is required.");
            RuleFor(x => x.Alias).NotEmpty().WithMessage("Alias is required.");
        }
    }
}

public static class VocabularyStates
{
    public static VocabularyState Of(string clientId, ClientVocabulary? vocabulary) => new(
        clientId,
        vocabulary?.ServiceNames ?? [],
        (vocabulary?.Services ?? []).ToDictionary(pair => pair.Key, pair => new KnownMapping(pair.Value.Text, pair.Value.Target, pair.Value.Origin == "confirmed", pair.Value.Active)),
        (vocabulary?.Sites ?? []).Values.ToDictionary(entry => (entry.Target, entry.Key), entry => new KnownMapping(entry.Text, entry.Target, entry.Origin == "confirmed", entry.Active)));

    public static string Client(string clientId) => clientId.Trim().ToLowerInvariant();
}
