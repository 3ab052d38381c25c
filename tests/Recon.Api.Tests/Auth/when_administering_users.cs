using Recon.Api.Auth;
using Recon.Api.Periods;
using Recon.Api.Tests.Fixtures;

namespace Recon.Api.Tests.Auth;

public class when_administering_users(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task an_admin_creates_a_user_who_can_then_sign_in()
    {
        var result = await Scenario(x =>
        {
            x.Post.Json(new CreateUser("Maria", "Maria Lopez", "a-long-enough-password", [Roles.Approver, Roles.Reviewer])).ToUrl("/api/admin/users");
            x.StatusCodeShouldBe(201);
        });

        var created = await result.ReadAsJsonAsync<UserView>();
        (created.UserName, created.DisplayName, created.Disabled, created.LastSignInAt).ShouldBe(("maria", "Maria Lopez", false, (DateTimeOffset?)null));
        created.Roles.ShouldBe([Roles.Reviewer, Roles.Approver]);
        (await result.ReadAsTextAsync()).ShouldNotContain("password", Case.Insensitive);
        await Host.SignInAsync("maria", "a-long-enough-password");
        var users = await (await Scenario(x => x.Get.Url("/api/admin/users"))).ReadAsJsonAsync<UserList>();
        users.Items.Single(user => user.UserName == "maria").LastSignInAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task a_short_password_an_unknown_role_or_a_reserved_name_is_a_validation_problem()
    {
        var result = await Scenario(x =>
        {
            x.Post.Json(new CreateUser("anonymous", null, "too-short", ["superuser"])).ToUrl("/api/admin/users");
            x.StatusCodeShouldBe(400);
        });

        var problem = await result.ReadProblemAsync();
        problem.FieldErrors("password").ShouldHaveSingleItem().ShouldBe("Password must be 12-256 characters.");
        problem.FieldErrors("roles").ShouldHaveSingleItem().ShouldContain("reviewer, approver, auditor, admin");
        problem.FieldErrors("userName").ShouldHaveSingleItem().ShouldContain("not anonymous or system");
    }

    [Fact]
    public async Task a_second_user_of_the_same_name_is_a_conflict()
    {
        await Host.GivenUser("maria", Roles.Reviewer);

        await Scenario(x =>
        {
            x.Post.Json(new CreateUser("MARIA", null, "a-long-enough-password", [Roles.Auditor])).ToUrl("/api/admin/users");
            x.StatusCodeShouldBe(409);
        });
    }

    [Fact]
    public async Task changed_roles_apply_from_the_users_next_request()
    {
        var maria = await Host.GivenUser("maria", Roles.Reviewer);
        await Scenario(x =>
        {
            x.As(maria);
            x.Post.Json(new OpenPeriod("acme", "2026-10")).ToUrl("/api/periods");
            x.StatusCodeShouldBe(201);
        });

        var changed = await (await Scenario(x => x.Put.Json(new ChangeUserRoles([Roles.Auditor])).ToUrl("/api/admin/users/maria/roles"))).ReadAsJsonAsync<UserView>();

        changed.Roles.ShouldBe([Roles.Auditor]);
        await Scenario(x =>
        {
            x.As(maria);
            x.Post.Json(new OpenPeriod("acme", "2026-11")).ToUrl("/api/periods");
            x.StatusCodeShouldBe(403);
        });
        await Scenario(x =>
        {
            x.As(maria);
            x.Get.Url("/api/periods");
        });
    }

    [Fact]
    public async Task disabling_a_user_ends_their_session_and_refuses_sign_in_until_enabled()
    {
        var maria = await Host.GivenUser("maria", Roles.Reviewer);

        var disabled = await (await Scenario(x => x.Post.Url("/api/admin/users/maria/disable"))).ReadAsJsonAsync<UserView>();

        disabled.Disabled.ShouldBeTrue();
        await Scenario(x =>
        {
            x.As(maria);
            x.Get.Url("/api/periods");
            x.StatusCodeShouldBe(401);
        });
        await Scenario(x =>
        {
            x.Anonymously();
            x.Post.Json(new SignInRequest("maria", maria.Password)).ToUrl("/api/auth/sign-in");
            x.StatusCodeShouldBe(401);
        });

        (await (await Scenario(x => x.Post.Url("/api/admin/users/maria/enable"))).ReadAsJsonAsync<UserView>()).Disabled.ShouldBeFalse();
        await Host.SignInAsync("maria", maria.Password);
    }

    [Fact]
    public async Task a_new_password_replaces_the_old_one_and_ends_the_users_sessions()
    {
        var maria = await Host.GivenUser("maria", Roles.Reviewer);

        await Scenario(x =>
        {
            x.Post.Json(new SetUserPassword("the-brand-new-password")).ToUrl("/api/admin/users/maria/password");
            x.StatusCodeShouldBe(204);
        });

        await Scenario(x =>
        {
            x.As(maria);
            x.Get.Url("/api/periods");
            x.StatusCodeShouldBe(401);
        });
        await Scenario(x =>
        {
            x.Anonymously();
            x.Post.Json(new SignInRequest("maria", maria.Password)).ToUrl("/api/auth/sign-in");
            x.StatusCodeShouldBe(401);
        });
        await Host.SignInAsync("maria", "the-brand-new-password");
    }

    [Fact]
    public async Task the_last_enabled_admin_cannot_lose_the_role()
    {
        await Scenario(x =>
        {
            x.Put.Json(new ChangeUserRoles([Roles.Reviewer])).ToUrl("/api/admin/users/tester/roles");
            x.StatusCodeShouldBe(409);
        });
    }

    [Fact]
    public async Task unknown_users_are_404()
    {
        await Scenario(x =>
        {
            x.Post.Url("/api/admin/users/ghost/disable");
            x.StatusCodeShouldBe(404);
        });
    }

    [Fact]
    public async Task only_admins_manage_users()
    {
        var approver = await Host.GivenUser("ana", Roles.Approver);

        await Scenario(x =>
        {
            x.As(approver);
            x.Get.Url("/api/admin/users");
            x.StatusCodeShouldBe(403);
        });
        Logs.Lines.ShouldContain(line => line.Contains("Refused GET /api/admin/users with 403: ana (roles approver) lacks policy Administer"));
    }
}
