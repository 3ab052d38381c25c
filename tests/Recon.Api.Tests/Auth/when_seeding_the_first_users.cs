using System.Text.RegularExpressions;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Recon.Api.Auth;
using Recon.Api.Tests.Fixtures;

namespace Recon.Api.Tests.Auth;

internal static class Seeding
{
    /// <summary>Empties the user accounts (the fixture's tester included) and runs the start-up seeding again.</summary>
    public static async Task SeedIntoEmptyUserStore(this IAlbaHost host)
    {
        var store = host.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            session.DeleteWhere<UserAccount>(_ => true);
            await session.SaveChangesAsync();
        }

        await host.Services.GetRequiredService<AccountSeeding>().SeedAsync(CancellationToken.None);
    }
}

public partial class when_seeding_the_first_users(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task without_a_configured_password_admin_gets_a_generated_one_logged_once()
    {
        var before = Logs.Lines.Count;

        await Host.SeedIntoEmptyUserStore();
        await Host.Services.GetRequiredService<AccountSeeding>().SeedAsync(CancellationToken.None);

        var announcements = Logs.Lines.Skip(before).Where(line => line.Contains("generated password")).ToList();
        var password = GeneratedPassword().Match(announcements.ShouldHaveSingleItem()).Groups[1].Value;
        announcements[0].ShouldStartWith("Warning");
        password.Length.ShouldBe(24);
        var admin = await Host.SignInAsync("admin", password);
        var me = await (await Scenario(x =>
        {
            x.WithSession(admin);
            x.Get.Url("/api/auth/me");
        })).ReadAsJsonAsync<CurrentUser>();
        me.Roles.ShouldBe([Roles.Admin]);
    }

    [GeneratedRegex("generated password (\\S+) ")]
    private static partial Regex GeneratedPassword();
}

public class when_seeding_with_configured_passwords(AuthHostFixture fixture) : AuthHostContext(fixture)
{
    [Fact]
    public async Task admin_gets_the_configured_password_and_the_demo_users_the_demo_password()
    {
        var before = Logs.Lines.Count;

        await Host.SeedIntoEmptyUserStore();

        var admin = await Host.SignInAsync("admin", AuthHostFixture.AdminPassword);
        foreach (var demo in new[] { "reviewer", "reviewer2", "approver", "auditor" })
        {
            await Host.SignInAsync(demo, AuthHostFixture.DemoPassword);
        }

        Logs.Lines.Skip(before).ShouldNotContain(line => line.Contains("generated password"));
        var users = await (await Scenario(x => x.WithSession(admin).Get.Url("/api/admin/users"))).ReadAsJsonAsync<UserList>();
        users.Items.ToDictionary(user => user.UserName, user => string.Join(',', user.Roles)).ShouldBe(new Dictionary<string, string>
        {
            ["admin"] = "admin",
            ["approver"] = "approver",
            ["auditor"] = "auditor",
            ["reviewer"] = "reviewer",
            ["reviewer2"] = "reviewer",
        });
    }

    [Fact]
    public async Task seeding_again_creates_nobody()
    {
        await Host.SeedIntoEmptyUserStore();

        await Host.Services.GetRequiredService<AccountSeeding>().SeedAsync(CancellationToken.None);

        await using var query = Store.QuerySession();
        (await query.Query<UserAccount>().CountAsync()).ShouldBe(5);
    }
}
