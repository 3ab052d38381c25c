using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Recon.Api.Auth;
using Recon.Api.Tests.Fixtures;

namespace Recon.Api.Tests.Auth;

public class when_oidc_is_not_configured(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task providers_offer_only_local_sign_in_and_no_oidc_scheme_exists()
    {
        var providers = await (await Scenario(x =>
        {
            x.Anonymously();
            x.Get.Url("/api/auth/providers");
        })).ReadAsJsonAsync<AuthProviders>();

        providers.ShouldBe(new AuthProviders(true, null));
        (await Host.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(OidcSetup.SchemeName)).ShouldBeNull();
        await Scenario(x =>
        {
            x.Anonymously();
            x.Get.Url("/api/auth/oidc/sign-in");
            x.StatusCodeShouldBe(404);
        });
    }
}

public class when_oidc_is_configured(AuthHostFixture fixture) : AuthHostContext(fixture)
{
    [Fact]
    public async Task providers_offer_it_by_its_display_name_and_the_scheme_is_registered()
    {
        var providers = await (await Scenario(x =>
        {
            x.Anonymously();
            x.Get.Url("/api/auth/providers");
        })).ReadAsJsonAsync<AuthProviders>();

        providers.ShouldBe(new AuthProviders(true, new OidcProvider(AuthHostFixture.OidcDisplayName, "/api/auth/oidc/sign-in")));
        (await Host.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(OidcSetup.SchemeName)).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("/review?x=1", "/review?x=1")]
    [InlineData("https://evil.test/", "/")]
    [InlineData("//evil.test/", "/")]
    [InlineData(null, "/")]
    public void only_local_return_urls_are_followed(string? returnUrl, string followed) => OidcSetup.SafeReturnUrl(returnUrl).ShouldBe(followed);
}
