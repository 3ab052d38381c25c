using Marten;
using Microsoft.Net.Http.Headers;
using Recon.Api.Auth;
using Recon.Api.Tests.Fixtures;

namespace Recon.Api.Tests.Auth;

public class when_signing_in_and_out(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task a_right_password_starts_a_cookie_session_with_strict_http_only_cookies()
    {
        var reviewer = await Host.GivenUser("maria", Roles.Reviewer);

        var result = await Scenario(x =>
        {
            x.Anonymously();
            x.Post.Json(new SignInRequest("MARIA", reviewer.Password)).ToUrl("/api/auth/sign-in");
        });

        var me = await result.ReadAsJsonAsync<CurrentUser>();
        (me.UserName, me.DisplayName, me.Authentication).ShouldBe(("maria", "maria", "cookie"));
        me.Roles.ShouldBe([Roles.Reviewer]);
        var cookies = SetCookieHeaderValue.ParseList(result.Context.Response.Headers.SetCookie.Select(value => value ?? "").ToList());
        var session = cookies.Single(cookie => cookie.Name == SessionCookies.CookieName);
        session.HttpOnly.ShouldBeTrue();
        session.SameSite.ShouldBe(SameSiteMode.Strict);
        session.Path.ToString().ShouldBe("/api");
        session.Secure.ShouldBeFalse("the test request is plain HTTP; SameAsRequest marks it Secure over HTTPS");
        var xsrf = cookies.Single(cookie => cookie.Name == SessionCookies.XsrfCookieName);
        xsrf.HttpOnly.ShouldBeFalse();
        xsrf.SameSite.ShouldBe(SameSiteMode.Strict);
    }

    [Fact]
    public async Task the_session_cookie_is_secure_over_https()
    {
        var reviewer = await Host.GivenUser("maria", Roles.Reviewer);

        var result = await Scenario(x =>
        {
            x.Anonymously();
            x.ConfigureHttpContext(context => context.Request.Scheme = "https");
            x.Post.Json(new SignInRequest("maria", reviewer.Password)).ToUrl("/api/auth/sign-in");
        });

        SetCookieHeaderValue.ParseList(result.Context.Response.Headers.SetCookie.Select(value => value ?? "").ToList())
            .ShouldAllBe(cookie => cookie.Secure);
    }

    [Fact]
    public async Task a_wrong_password_an_unknown_user_and_a_disabled_user_get_the_same_401()
    {
        var reviewer = await Host.GivenUser("maria", Roles.Reviewer);
        var disabled = await Host.GivenUser("li", Roles.Reviewer);
        await Scenario(x => x.Post.Url("/api/admin/users/li/disable"));

        var answers = new List<string>();
        foreach (var (userName, password) in new[] { ("maria", "not-the-password"), ("nobody", "not-the-password"), ("li", disabled.Password) })
        {
            var result = await Scenario(x =>
            {
                x.Anonymously();
                x.Post.Json(new SignInRequest(userName, password)).ToUrl("/api/auth/sign-in");
                x.StatusCodeShouldBe(401);
            });
            var problem = await result.ReadProblemAsync();
            problem.GetProperty("detail").GetString().ShouldBe("The user name or password is wrong.");
            result.Context.Response.Headers.SetCookie.ShouldBeEmpty();
            answers.Add(problem.GetProperty("title").GetString() + problem.GetProperty("detail").GetString());
        }

        answers.Distinct().ShouldHaveSingleItem();
        reviewer.ShouldNotBeNull();
    }

    [Fact]
    public async Task credentials_sent_as_a_form_are_refused()
    {
        await Scenario(x =>
        {
            x.Anonymously();
            x.Post.Text("{\"userName\":\"tester\",\"password\":\"tester-password-1234\"}").ToUrl("/api/auth/sign-in");
            x.WithRequestHeader("Content-Type", "text/plain");
            x.StatusCodeShouldBe(415);
        });
    }

    [Fact]
    public async Task me_tells_who_is_signed_in_and_renews_the_xsrf_cookie()
    {
        var result = await Scenario(x => x.Get.Url("/api/auth/me"));

        var me = await result.ReadAsJsonAsync<CurrentUser>();
        (me.UserName, me.DisplayName, me.Authentication).ShouldBe(("tester", "Test User", "cookie"));
        me.Roles.ShouldBe(Roles.All);
        result.Context.Response.Headers.SetCookie.ToString().ShouldContain($"{SessionCookies.XsrfCookieName}=");
    }

    [Fact]
    public async Task without_credentials_an_api_route_answers_401_problem_not_a_redirect()
    {
        var result = await Scenario(x =>
        {
            x.Anonymously();
            x.Get.Url("/api/periods");
            x.StatusCodeShouldBe(401);
        });

        var problem = await result.ReadProblemAsync();
        problem.GetProperty("title").GetString().ShouldBe("Sign-in required");
        result.Context.Response.Headers.Location.ToString().ShouldBeEmpty();
    }

    [Fact]
    public async Task every_sign_in_starts_a_new_session_and_ends_the_one_it_carried()
    {
        var first = await Host.SignInAsync(Users.TesterUserName, Users.TesterPassword);

        var again = await Scenario(x =>
        {
            x.WithSession(first);
            x.Post.Json(new SignInRequest(Users.TesterUserName, Users.TesterPassword)).ToUrl("/api/auth/sign-in");
        });
        var second = Users.SessionFrom(again);

        second.SessionCookie.ShouldNotBe(first.SessionCookie);
        second.XsrfToken.ShouldNotBe(first.XsrfToken);
        await Scenario(x =>
        {
            x.WithSession(first);
            x.Get.Url("/api/auth/me");
            x.StatusCodeShouldBe(401);
        });
        await Scenario(x =>
        {
            x.WithSession(second);
            x.Get.Url("/api/auth/me");
        });
    }

    [Fact]
    public async Task signing_out_ends_the_session_and_its_cookie_is_refused_afterwards()
    {
        var session = await Host.SignInAsync(Users.TesterUserName, Users.TesterPassword);

        var signOut = await Scenario(x =>
        {
            x.WithSession(session);
            x.Post.Url("/api/auth/sign-out");
            x.StatusCodeShouldBe(204);
        });

        signOut.Context.Response.Headers.SetCookie.ToString().ShouldContain($"{SessionCookies.CookieName}=;");
        await Scenario(x =>
        {
            x.WithSession(session);
            x.Get.Url("/api/periods");
            x.StatusCodeShouldBe(401);
        });
        await using var query = Store.QuerySession();
        (await query.LoadAsync<UserSession>(SessionCookies.IdOf(session.SessionCookie))).ShouldBeNull();
    }

    [Fact]
    public async Task the_session_is_stored_under_a_hash_of_the_cookie_not_the_cookie_itself()
    {
        var session = await Host.SignInAsync(Users.TesterUserName, Users.TesterPassword);

        await using var query = Store.QuerySession();
        var stored = await query.LoadAsync<UserSession>(SessionCookies.IdOf(session.SessionCookie));
        stored.ShouldNotBeNull().UserName.ShouldBe("tester");
        (await query.LoadAsync<UserSession>(session.SessionCookie)).ShouldBeNull();
    }

    [Fact]
    public async Task the_signed_in_user_is_the_actor_on_events()
    {
        var reviewer = await Host.GivenUser("maria", Roles.Reviewer);

        await Scenario(x =>
        {
            x.As(reviewer);
            x.Post.Json(new Recon.Api.Periods.OpenPeriod("acme", "2026-10")).ToUrl("/api/periods");
            x.StatusCodeShouldBe(201);
        });

        await using var query = Store.QuerySession();
        var opened = (await query.Events.QueryAllRawEvents().ToListAsync()).Single(e => e.Data is Recon.Domain.Periods.PeriodOpened);
        opened.UserName.ShouldBe("maria");
        ((Recon.Domain.Periods.PeriodOpened)opened.Data).OpenedBy.ShouldBe("maria");
    }
}
