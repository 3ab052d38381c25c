using Recon.Domain.Access;

namespace Recon.Domain.Tests.Access;

public class when_deciding_on_user_accounts
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly UserState Maria = new("maria", [AccessRoles.Reviewer], Disabled: false);
    private static readonly UserState Admin = new("admin", [AccessRoles.Admin], Disabled: false);

    [Fact]
    public void a_new_user_is_registered_with_a_lower_case_name_and_known_roles_in_canonical_order()
    {
        var decision = UserDecider.Register(null, new RegisterUser("Maria", " Maria Lopez ", "HASH", ["Approver", "reviewer", "reviewer"], "admin"), Now);

        var registered = decision.ShouldBeOfType<Decision<UserRegistered>.Accepted>().Event;
        (registered.UserName, registered.DisplayName, registered.PasswordHash, registered.RegisteredBy, registered.RegisteredAt).ShouldBe(("maria", "Maria Lopez", "HASH", "admin", Now));
        registered.Roles.ShouldBe([AccessRoles.Reviewer, AccessRoles.Approver]);
    }

    [Fact]
    public void the_display_name_defaults_to_the_user_name()
    {
        var decision = UserDecider.Register(null, new RegisterUser("li", "", "HASH", [], "admin"), Now);

        decision.ShouldBeOfType<Decision<UserRegistered>.Accepted>().Event.DisplayName.ShouldBe("li");
    }

    [Fact]
    public void an_existing_user_name_is_a_conflict()
    {
        var decision = UserDecider.Register(Maria, new RegisterUser("MARIA", "", "HASH", [], "admin"), Now);

        decision.ShouldBeOfType<Decision<UserRegistered>.Rejected>().Rejection.Kind.ShouldBe(RejectionKind.Conflict);
    }

    [Fact]
    public void the_user_id_is_the_same_whatever_the_case_of_the_name()
    {
        UserDecider.UserIdFor("Maria").ShouldBe(UserDecider.UserIdFor(" maria"));
        UserDecider.UserIdFor("maria").ShouldNotBe(UserDecider.UserIdFor("li"));
    }

    [Theory]
    [InlineData("maria", true)]
    [InlineData("maria.lopez@example.com", true)]
    [InlineData("anonymous", false)]
    [InlineData("System", false)]
    [InlineData("token:ci", false)]
    [InlineData("", false)]
    [InlineData("-maria", false)]
    public void user_names_are_checked(string userName, bool valid) => UserDecider.IsValidUserName(userName).ShouldBe(valid);

    [Fact]
    public void changing_roles_records_the_previous_ones()
    {
        var decision = UserDecider.ChangeRoles(Maria, "maria", [AccessRoles.Approver], enabledAdmins: 1, "admin", Now);

        var changed = decision.ShouldBeOfType<Decision<UserRolesChanged>.Accepted>().Event;
        (changed.UserName, changed.ChangedBy, changed.ChangedAt).ShouldBe(("maria", "admin", Now));
        changed.Roles.ShouldBe([AccessRoles.Approver]);
        changed.PreviousRoles.ShouldBe([AccessRoles.Reviewer]);
    }

    [Fact]
    public void the_last_enabled_admin_keeps_the_admin_role_and_stays_enabled()
    {
        UserDecider.ChangeRoles(Admin, "admin", [AccessRoles.Reviewer], enabledAdmins: 1, "admin", Now)
            .ShouldBeOfType<Decision<UserRolesChanged>.Rejected>().Rejection.Title.ShouldBe("Last admin");
        UserDecider.Disable(Admin, "admin", enabledAdmins: 1, "admin", Now)
            .ShouldBeOfType<Decision<UserDisabled>.Rejected>().Rejection.Title.ShouldBe("Last admin");

        UserDecider.ChangeRoles(Admin, "admin", [AccessRoles.Reviewer], enabledAdmins: 2, "other", Now).ShouldBeOfType<Decision<UserRolesChanged>.Accepted>();
        UserDecider.Disable(Admin, "admin", enabledAdmins: 2, "other", Now).ShouldBeOfType<Decision<UserDisabled>.Accepted>();
    }

    [Fact]
    public void unknown_users_are_not_found()
    {
        UserDecider.ChangeRoles(null, "ghost", [], 1, "admin", Now).ShouldBeOfType<Decision<UserRolesChanged>.Rejected>().Rejection.Kind.ShouldBe(RejectionKind.NotFound);
        UserDecider.ChangePassword(null, "ghost", "HASH", "admin", Now).ShouldBeOfType<Decision<UserPasswordChanged>.Rejected>().Rejection.Kind.ShouldBe(RejectionKind.NotFound);
        UserDecider.Disable(null, "ghost", 1, "admin", Now).ShouldBeOfType<Decision<UserDisabled>.Rejected>().Rejection.Kind.ShouldBe(RejectionKind.NotFound);
        UserDecider.Enable(null, "ghost", "admin", Now).ShouldBeOfType<Decision<UserEnabled>.Rejected>().Rejection.Kind.ShouldBe(RejectionKind.NotFound);
    }

    [Fact]
    public void disabling_and_enabling_toggle_and_refuse_repeats()
    {
        UserDecider.Disable(Maria, "maria", 1, "admin", Now).ShouldBeOfType<Decision<UserDisabled>.Accepted>().Event
            .ShouldBe(new UserDisabled("maria", "admin", Now));
        UserDecider.Enable(Maria, "maria", "admin", Now).ShouldBeOfType<Decision<UserEnabled>.Rejected>();

        var disabled = Maria with { Disabled = true };
        UserDecider.Disable(disabled, "maria", 1, "admin", Now).ShouldBeOfType<Decision<UserDisabled>.Rejected>();
        UserDecider.Enable(disabled, "maria", "admin", Now).ShouldBeOfType<Decision<UserEnabled>.Accepted>().Event
            .ShouldBe(new UserEnabled("maria", "admin", Now));
    }

    [Fact]
    public void a_password_change_carries_only_the_hash()
    {
        UserDecider.ChangePassword(Maria, "maria", "NEW-HASH", "admin", Now).ShouldBeOfType<Decision<UserPasswordChanged>.Accepted>().Event
            .ShouldBe(new UserPasswordChanged("maria", "NEW-HASH", "admin", Now));
    }
}

public class when_deciding_on_api_tokens
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly Guid TokenId = Guid.NewGuid();

    [Fact]
    public void a_token_is_issued_with_its_hash_access_and_expiry()
    {
        var command = new IssueApiToken(TokenId, "ci", ApiTokenAccess.ReadOnly, "HASH", Now.AddDays(30), "admin");

        ApiTokenDecider.Issue(nameInUse: false, command, Now).ShouldBeOfType<Decision<ApiTokenIssued>.Accepted>().Event
            .ShouldBe(new ApiTokenIssued(TokenId, "ci", ApiTokenAccess.ReadOnly, "HASH", Now.AddDays(30), "admin", Now));
    }

    [Fact]
    public void a_name_in_use_or_an_expiry_in_the_past_is_refused()
    {
        ApiTokenDecider.Issue(nameInUse: true, new IssueApiToken(TokenId, "ci", ApiTokenAccess.ReadOnly, "HASH", null, "admin"), Now)
            .ShouldBeOfType<Decision<ApiTokenIssued>.Rejected>().Rejection.Title.ShouldBe("Token name in use");
        ApiTokenDecider.Issue(nameInUse: false, new IssueApiToken(TokenId, "ci", ApiTokenAccess.ReadOnly, "HASH", Now, "admin"), Now)
            .ShouldBeOfType<Decision<ApiTokenIssued>.Rejected>().Rejection.Title.ShouldBe("Expiry in the past");
    }

    [Fact]
    public void a_token_is_revoked_once()
    {
        ApiTokenDecider.Revoke(new ApiTokenState(TokenId, "ci", Revoked: false), TokenId, "admin", Now)
            .ShouldBeOfType<Decision<ApiTokenRevoked>.Accepted>().Event.ShouldBe(new ApiTokenRevoked(TokenId, "ci", "admin", Now));
        ApiTokenDecider.Revoke(new ApiTokenState(TokenId, "ci", Revoked: true), TokenId, "admin", Now)
            .ShouldBeOfType<Decision<ApiTokenRevoked>.Rejected>().Rejection.Kind.ShouldBe(RejectionKind.Conflict);
        ApiTokenDecider.Revoke(null, TokenId, "admin", Now)
            .ShouldBeOfType<Decision<ApiTokenRevoked>.Rejected>().Rejection.Kind.ShouldBe(RejectionKind.NotFound);
    }

    [Fact]
    public void a_tokens_actions_are_named_after_it() => ApiTokenDecider.PrincipalName("ci").ShouldBe("token:ci");
}
