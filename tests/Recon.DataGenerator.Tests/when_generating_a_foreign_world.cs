using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Recon.Domain.Normalization;

namespace Recon.DataGenerator.Tests;

public class when_generating_a_foreign_world
{
    public static TheoryData<NoiseLevel> Noises => new() { NoiseLevel.Low, NoiseLevel.Medium, NoiseLevel.High };

    public static TheoryData<int> Seeds => new() { 42, 7, 2027, -5 };

    /// <summary>Generic English words the foreign world may share with Recon's tables: none are needed, so none are excused.</summary>
    private static readonly string[] ExcusedFillerWords = [];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void its_services_synonyms_sites_suffixes_and_abbreviations_share_no_word_with_recons_vocabulary(int seed)
    {
        var recon = ReconVocabulary();
        recon.Count.ShouldBeGreaterThan(200, "the tables were read");
        var month = Months.Foreign(NoiseLevel.Medium, jobs: 3000, seed: seed);

        var foreign = Words(
            month.Services.SelectMany(service => service.Synonyms.Concat(service.RelatedServices).Prepend(service.Name))
                .Concat(month.Sites.Select(site => site.Name))
                .Concat(month.Jobs.Select(job => job.ServiceType).Distinct())
                .Concat(GeneratorTable<string[]>("ForeignVocabulary", "Kinds"))
                .Concat(GeneratorTable<string[]>("ForeignVocabulary", "Markers"))
                .Concat(GeneratorTable<string[]>("ForeignVocabulary", "Halves"))
                .Concat(GeneratorTable<Dictionary<string, string>>("ForeignVocabulary", "Abbreviations").SelectMany(pair => new[] { pair.Key, pair.Value })));

        foreign.Count.ShouldBeGreaterThan(100);
        foreign.Intersect(recon).Except(ExcusedFillerWords).Order().ShouldBeEmpty();
    }

    [Fact]
    public void it_has_about_one_site_per_twenty_jobs_with_sibling_sites()
    {
        var month = Months.Foreign(NoiseLevel.Medium);

        month.Sites.Count.ShouldBe(150);
        Months.Foreign(NoiseLevel.Medium, jobs: 0).Sites.Count.ShouldBe(5);
        Months.Foreign(NoiseLevel.Medium, jobs: 40).Sites.Count.ShouldBe(5);
        Months.Foreign(NoiseLevel.Medium, jobs: 1000).Sites.Count.ShouldBe(50);
        month.Sites.Select(site => site.Name).Distinct().Count().ShouldBe(month.Sites.Count);
        month.Sites.Select(site => site.Code).ShouldAllBe(code => Regex.IsMatch(code, @"^LOC-\d{4}$"));

        var families = month.Sites.Where(site => site.Family is not null).GroupBy(site => site.Family!).ToList();
        families.Count.ShouldBeGreaterThan(10);
        foreach (var family in families)
        {
            family.Count().ShouldBeInRange(2, 3, family.Key);
            foreach (var sibling in family)
            {
                sibling.Name.ShouldStartWith(family.Key + " ");
                sibling.Name[(family.Key.Length + 1)..].ShouldMatch(@"^(\w+ \d|Upper|Nether)$");
            }
        }

        month.Sites.Where(site => site.Family is null).Count().ShouldBeGreaterThan(families.Count);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void it_sells_10_to_15_services_with_2_to_4_synonyms_a_third_sharing_no_word_and_related_services(int seed)
    {
        var month = Months.Foreign(NoiseLevel.Medium, seed: seed);
        var names = month.Services.Select(service => service.Name).ToHashSet();

        month.Services.Count.ShouldBeInRange(10, 15);
        month.Jobs.Select(job => job.ServiceType).ShouldAllBe(name => names.Contains(name));
        var synonyms = 0;
        var apart = 0;
        foreach (var service in month.Services)
        {
            service.Synonyms.Count.ShouldBeInRange(2, 4, service.Name);
            service.Synonyms.ShouldNotContain(service.Name);
            service.RelatedServices.Count.ShouldBeInRange(1, 2, service.Name);
            service.RelatedServices.ShouldAllBe(related => names.Contains(related) && related != service.Name);
            synonyms += service.Synonyms.Count;
            apart += service.Synonyms.Count(synonym => !Words([synonym]).Overlaps(Words([service.Name])));
        }

        (apart / (double)synonyms).ShouldBeGreaterThanOrEqualTo(0.25);
        month.Services.SelectMany(service => service.Synonyms).Select(synonym => synonym.ToLowerInvariant()).Distinct().Count().ShouldBe(synonyms, "no synonym names two services");
    }

    [Theory]
    [MemberData(nameof(Noises))]
    public void every_job_and_line_is_in_exactly_one_group_and_the_totals_add_up(NoiseLevel noise)
    {
        var month = Months.Foreign(noise);
        var truth = month.GroundTruth;

        truth.Groups.SelectMany(group => group.ClientJobIds).Order().ShouldBe(month.Jobs.Select(job => job.JobId).Order());
        truth.Groups.SelectMany(group => group.LedgerLineIds).Order().ShouldBe(month.LedgerLines.Select(line => line.LineId).Order());
        month.LedgerLines.Select(line => line.LineId).Distinct().Count().ShouldBe(month.LedgerLines.Count);
        truth.Totals.ClientTotal.ShouldBe(month.Jobs.Where(job => job.IsCompleted).Sum(job => job.Amount));
        truth.Totals.LedgerTotal.ShouldBe(month.LedgerLines.Sum(line => line.LineTotal));
        truth.Totals.Variance.ShouldBe(truth.Totals.LedgerTotal - truth.Totals.ClientTotal);
        truth.Groups.Sum(group => group.Variance).ShouldBe(truth.Totals.Variance);
        truth.Categories.Values.Sum(count => count.Jobs).ShouldBe(month.Jobs.Count);
        truth.Categories.Values.Sum(count => count.Lines).ShouldBe(month.LedgerLines.Count);
        truth.World.ShouldBe("foreign");
    }

    [Fact]
    public void every_category_is_present_at_medium_noise_and_the_ground_truth_says_which_world()
    {
        var month = Months.Foreign(NoiseLevel.Medium);

        foreach (var category in AnomalyCategory.All)
        {
            month.GroundTruth.Groups.ShouldContain(group => group.Category == category, category);
        }

        using var document = JsonDocument.Parse(month.GroundTruthJson());
        document.RootElement.GetProperty("world").GetString().ShouldBe("foreign");
        using var classic = JsonDocument.Parse(Months.Get(NoiseLevel.Medium).GroundTruthJson());
        classic.RootElement.TryGetProperty("world", out _).ShouldBeFalse("the classic ground truth is written as it always was");
    }

    [Fact]
    public void job_ids_and_invoice_numbers_have_their_own_numbering()
    {
        var month = Months.Foreign(NoiseLevel.Medium);

        month.Jobs.ShouldAllBe(job => Regex.IsMatch(job.JobId, @"^WO-2610-\d{5}$"));
        month.Jobs[0].JobId.ShouldBe("WO-2610-00001");
        month.LedgerLines.ShouldAllBe(line => Regex.IsMatch(line.InvoiceNumber, @"^BL/2610/\d{5}$"));
        month.LedgerLines.Where(line => line.JobRef is not null).ShouldAllBe(line => Regex.IsMatch(line.JobRef!, @"^WO-\d{4}-\d{5}$"));
    }

    [Theory]
    [MemberData(nameof(Noises))]
    public void every_job_ref_folds_to_its_job_id_by_upper_case_letters_and_digits(NoiseLevel noise)
    {
        var month = Months.Foreign(noise);
        var rows = month.LedgerRows().ToList();
        var referenced = 0;
        var blank = 0;
        var other = 0;

        for (var i = 0; i < rows.Count; i++)
        {
            var line = month.LedgerLines[i];
            if (line.JobRef is null)
            {
                rows[i].JobRef.ShouldBeEmpty();
                continue;
            }

            referenced++;
            if (rows[i].JobRef.Length == 0)
            {
                blank++;
                continue;
            }

            Fold(rows[i].JobRef).ShouldBe(Fold(line.JobRef), $"'{rows[i].JobRef}' for {line.JobRef}");
            rows[i].JobRef.Trim().TrimStart('#').ShouldMatch(@"^(?i:wo)[-/ ]?\d{4}[-/ ]?\d{5}$");
            other += rows[i].JobRef == line.JobRef ? 0 : 1;
        }

        var classicBlank = new Dictionary<NoiseLevel, double> { [NoiseLevel.Low] = 0.02, [NoiseLevel.Medium] = 0.06, [NoiseLevel.High] = 0.12 }[noise];
        (blank / (double)referenced).ShouldBeInRange(classicBlank * 0.6, classicBlank * 1.4 + 0.005);
        other.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void a_mis_billed_service_is_a_related_one_written_as_its_synonym_and_a_mis_billed_site_another_of_the_clients()
    {
        var month = Months.Foreign(NoiseLevel.High);
        var jobs = month.Jobs.ToDictionary(job => job.JobId);
        var services = month.Services.ToDictionary(service => service.Name);
        var sites = month.Sites.ToDictionary(site => site.Code);
        var siblingBills = 0;

        for (var i = 0; i < month.LedgerLines.Count; i++)
        {
            var line = month.LedgerLines[i];
            if (line.Category == AnomalyCategory.ServiceMismatch)
            {
                var job = jobs[line.ClientJobIds[0]];
                services[job.ServiceType].RelatedServices.ShouldContain(line.ServiceType);
                var description = month.Render(i).Description.ToLowerInvariant();
                services[line.ServiceType].Synonyms.ShouldContain(synonym => description.StartsWith(synonym.ToLowerInvariant(), StringComparison.Ordinal), description);
            }
            else if (line.Category == AnomalyCategory.SiteMismatch)
            {
                var job = jobs[line.ClientJobIds[0]];
                line.SiteCode.ShouldNotBe(job.SiteCode);
                month.Jobs.ShouldContain(j => j.SiteCode == line.SiteCode);
                siblingBills += sites[line.SiteCode].Family is { } family && family == sites[job.SiteCode].Family ? 1 : 0;
            }
        }

        siblingBills.ShouldBeGreaterThan(0, "some mis-billed sites are siblings");
    }

    [Theory]
    [InlineData(3000, 42)] // 150 sites: the generator checks each rendering against every site
    [InlineData(8000, 6)] // 400 sites: safe by construction alone
    public void every_messy_site_name_is_closer_to_its_own_site_than_to_any_other_and_keeps_the_siblings_token(int jobs, int seed)
    {
        var month = Months.Foreign(NoiseLevel.High, jobs: jobs, seed: seed);
        var keys = month.Sites.Select(site => Key(site.Name)).ToArray();

        for (var s = 0; s < month.Sites.Count; s++)
        {
            var site = month.Sites[s];
            site.LedgerNames[0].ShouldBe(site.Name);
            site.LedgerNames.Count.ShouldBeGreaterThan(5, site.Name);
            foreach (var name in site.LedgerNames.Skip(1))
            {
                var key = Key(name);
                var own = Distance(key, keys[s]);
                for (var o = 0; o < keys.Length; o++)
                {
                    if (o != s && Math.Abs(key.Length - keys[o].Length) <= own)
                    {
                        Distance(key, keys[o]).ShouldBeGreaterThan(own, $"'{name}' of '{site.Name}' against '{month.Sites[o].Name}'");
                    }
                }

                if (site.Family is not null)
                {
                    key.Split(' ')[^1].ShouldBe(keys[s].Split(' ')[^1], $"'{name}' of '{site.Name}'");
                }
            }
        }
    }

    [Fact]
    public void each_abbreviation_is_nearer_its_own_word_than_any_other_kind_or_marker()
    {
        var abbreviations = GeneratorTable<Dictionary<string, string>>("ForeignVocabulary", "Abbreviations");
        var words = GeneratorTable<string[]>("ForeignVocabulary", "Kinds").Concat(GeneratorTable<string[]>("ForeignVocabulary", "Markers")).ToList();

        foreach (var (word, abbreviation) in abbreviations)
        {
            var own = Distance(abbreviation.ToLowerInvariant(), word.ToLowerInvariant());
            foreach (var other in words.Where(other => other != word))
            {
                Distance(abbreviation.ToLowerInvariant(), other.ToLowerInvariant()).ShouldBeGreaterThan(own, $"{abbreviation} of {word} against {other}");
            }
        }
    }

    [Fact]
    public void the_ledger_writes_sites_messily_on_most_lines_at_medium_and_more_as_noise_grows()
    {
        static double Share(GeneratedMonth month, Func<LedgerRow, LedgerLine, bool> test) =>
            month.LedgerRows().Select((row, i) => test(row, month.LedgerLines[i])).Count(x => x) / (double)month.LedgerLines.Count;

        static bool MessySite(LedgerRow row, LedgerLine line) => row.CustomerSite != line.SiteName;

        var low = Share(Months.Foreign(NoiseLevel.Low), MessySite);
        var medium = Share(Months.Foreign(NoiseLevel.Medium), MessySite);
        var high = Share(Months.Foreign(NoiseLevel.High), MessySite);
        low.ShouldBeLessThan(medium);
        medium.ShouldBeGreaterThan(0.5);
        high.ShouldBeGreaterThan(medium);

        var month = Months.Foreign(NoiseLevel.Medium);
        var rows = month.LedgerRows().Select((row, i) => (row, line: month.LedgerLines[i])).ToList();
        var abbreviations = GeneratorTable<Dictionary<string, string>>("ForeignVocabulary", "Abbreviations").Values.ToHashSet(StringComparer.OrdinalIgnoreCase);
        rows.ShouldContain(x => x.row.CustomerSite.Contains("  ", StringComparison.Ordinal), "doubled spaces");
        rows.ShouldContain(x => x.row.CustomerSite != x.line.SiteName && x.row.CustomerSite.All(c => !char.IsUpper(c)), "lower case");
        rows.ShouldContain(x => x.row.CustomerSite.Split(' ').Any(abbreviations.Contains), "the world's own abbreviations");
        rows.ShouldContain(x => x.row.CustomerSite.Contains('.', StringComparison.Ordinal), "a truncated word");
        rows.ShouldContain(x => Key(x.row.CustomerSite).Split(' ')[0] != Key(x.line.SiteName).Split(' ')[0], "a changed stem");
        Share(month, (row, line) => row.Description != line.ServiceType).ShouldBeGreaterThan(0.6);
        rows.ShouldContain(x => Regex.IsMatch(x.row.Description, @", October 2026$"), "a month suffix");
    }

    [Fact]
    public void the_same_options_give_byte_identical_outputs_and_another_seed_other_data()
    {
        var options = new GeneratorOptions { ClientId = "acme", JobCount = 800, Seed = 7, Noise = NoiseLevel.High, World = GeneratorWorld.Foreign };
        var first = MonthGenerator.Generate(options);
        var second = MonthGenerator.Generate(options with { });
        var other = MonthGenerator.Generate(options with { Seed = 8 });

        second.ClientJobsCsv().ShouldBe(first.ClientJobsCsv());
        second.ClientJobsJson().ShouldBe(first.ClientJobsJson());
        second.LedgerCsv().ShouldBe(first.LedgerCsv());
        second.GroundTruthJson().ShouldBe(first.GroundTruthJson());
        other.Sites.Select(site => site.Name).ShouldNotBe(first.Sites.Select(site => site.Name));
        other.LedgerCsv().ShouldNotBe(first.LedgerCsv());
        first.ClientJobsCsv().ShouldNotBe(MonthGenerator.Generate(options with { World = GeneratorWorld.Classic }).ClientJobsCsv());
    }

    [Fact]
    public void the_console_takes_the_world_option()
    {
        var dir = Path.Combine(Path.GetTempPath(), "recon-gen-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();

            GeneratorCli.Run(["--world", "foreign", "--jobs", "200", "--out", dir], output, error).ShouldBe(0, error.ToString());
            output.ToString().ShouldContain("world=foreign");
            var month = MonthGenerator.Generate(new GeneratorOptions { JobCount = 200, World = GeneratorWorld.Foreign });
            File.ReadAllBytes(Path.Combine(dir, "ledger-lines.csv")).ShouldBe(Encoding.UTF8.GetBytes(month.LedgerCsv()));
            File.ReadAllText(Path.Combine(dir, "ground-truth.json")).ShouldBe(month.GroundTruthJson());
            GeneratorCli.Run(["--world", "martian", "--out", dir], output, error).ShouldBe(2);
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    /// <summary>Every word of the vocabulary tables in backend/: the catalog, its service words, TextKey's abbreviations and the classic generator's lists.</summary>
    private static HashSet<string> ReconVocabulary()
    {
        var serviceWords = PrivateStatic<Dictionary<string, string>>(typeof(ServiceCatalog), "ServiceWords");
        var textKey = PrivateStatic<Dictionary<string, string>>(typeof(TextKey), "Abbreviations");
        var classicAbbreviations = GeneratorTable<Dictionary<string, string>>("SiteFactory", "Abbreviations");
        return Words(
            ServiceCatalog.Default.Services.SelectMany(service => service.Synonyms.Prepend(service.Name))
                .Concat(serviceWords.Keys).Concat(serviceWords.Values)
                .Concat(textKey.Keys).Concat(textKey.Values)
                .Concat(GeneratorTable<string[]>("SiteFactory", "Places"))
                .Concat(GeneratorTable<string[]>("SiteFactory", "Kinds"))
                .Concat(GeneratorTable<string[]>("SiteFactory", "Landmarks"))
                .Concat(classicAbbreviations.Keys).Concat(classicAbbreviations.Values)
                .Concat(Months.Get(NoiseLevel.Medium).Services.SelectMany(service => service.Synonyms.Prepend(service.Name))));
    }

    private static T GeneratorTable<T>(string type, string field) =>
        PrivateStatic<T>(typeof(MonthGenerator).Assembly.GetType("Recon.DataGenerator." + type, throwOnError: true)!, field);

    private static T PrivateStatic<T>(Type type, string field) =>
        (T)(type.GetField(field, BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Static) ?? throw new MissingFieldException(type.Name, field)).GetValue(null)!;

    /// <summary>Lower-case words, split on anything that is not a letter.</summary>
    private static HashSet<string> Words(IEnumerable<string> texts) =>
        texts.SelectMany(text => Regex.Split(text.ToLowerInvariant(), "[^a-z]+")).Where(word => word.Length > 0).ToHashSet(StringComparer.Ordinal);

    private static string Fold(string jobRef) => string.Concat(jobRef.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit));

    /// <summary>Lower case, letters and digits only, single spaces: how the product compares site names.</summary>
    private static string Key(string name) => string.Join(' ', Regex.Split(name.ToLowerInvariant(), "[^a-z0-9]+").Where(word => word.Length > 0));

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j - 1] + 1, above + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}
