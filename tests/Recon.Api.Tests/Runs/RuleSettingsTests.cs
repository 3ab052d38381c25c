using Microsoft.Extensions.Configuration;
using Recon.Api.Runs;
using Recon.Domain.Reconciliation;

namespace Recon.Api.Tests.Runs;

public class RuleSettingsTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void without_settings_the_default_rules_apply()
    {
        RuleSettings.Checked(Settings()).ShouldBe(RuleConfiguration.Default);
    }

    [Fact]
    public void settings_override_single_values_and_replace_lists()
    {
        var rules = RuleSettings.Checked(Settings(
            ("Recon:Rules:Version", "2"),
            ("Recon:Rules:MatchThreshold", "0.8"),
            ("Recon:Rules:AutoResolveCategories:0", "rounding"),
            ("Recon:Rules:AutoResolveCategories:1", "period_mismatch"),
            ("Recon:Rules:ExactKeys:0", "site_service_date_amount")));

        rules.Version.ShouldBe(2);
        rules.MatchThreshold.ShouldBe(0.8);
        rules.AutoResolveCategories.ShouldBe(["rounding", "period_mismatch"]);
        rules.ExactKeys.ShouldBe(["site_service_date_amount"]);
        rules.SiteWeight.ShouldBe(RuleConfiguration.Default.SiteWeight);
    }

    [Theory]
    [InlineData("Recon:Rules:AutoResolveCategories:0", "roundings", "AutoResolveCategories")]
    [InlineData("Recon:Rules:ExactKeys:0", "invoice", "ExactKeys")]
    [InlineData("Recon:Rules:MatchThreshold", "1.5", "MatchThreshold")]
    [InlineData("Recon:Rules:AmountWeight", "-1", "AmountWeight")]
    public void a_bad_rule_setting_stops_the_host_naming_the_setting(string key, string value, string named)
    {
        var error = Should.Throw<InvalidOperationException>(() => RuleSettings.Checked(Settings((key, value))));

        error.Message.ShouldContain($"Recon:Rules:{named}");
    }
}
