using Recon.Domain.Access;

namespace Recon.Domain.Tests.Access;

public class when_limiting_a_user_to_some_clients
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly UserState Maria = new("maria", [AccessRoles.Reviewer], Disabled: false);

    [Fact]
    public void a_user_whose_access_never_changed_sees_every_client()
    {
        Maria.ClientAccess.ShouldBe(ClientAccess.All);
        Maria.ClientAccess.Allows("any-client").ShouldBeTrue();
    }

    [Fact]
    public void the_change_records_the_canonical_clients_and_what_the_access_was_before()
    {
        var changed = UserDecider.ChangeClientAccess(Maria, "maria", ClientAccess.Only(["Northwind", " acme ", "northwind"]), "admin", Now)
            .ShouldBeOfType<Decision<UserClientAccessChanged>.Accepted>().Event;

        (changed.UserName, changed.AllClients, changed.PreviousAllClients, changed.ChangedBy, changed.ChangedAt).ShouldBe(("maria", false, true, "admin", Now));
        changed.ClientIds.ShouldBe(["acme", "northwind"]);
        changed.PreviousClientIds.ShouldBeEmpty();
        changed.Access.Allows("acme").ShouldBeTrue();
        changed.Access.Allows("contoso").ShouldBeFalse();
    }

    [Fact]
    public void allowing_all_clients_again_keeps_the_previous_limit_for_the_auditor()
    {
        var limited = Maria with { Clients = ClientAccess.Only(["acme"]) };

        var changed = UserDecider.ChangeClientAccess(limited, "maria", ClientAccess.All, "admin", Now)
            .ShouldBeOfType<Decision<UserClientAccessChanged>.Accepted>().Event;

        (changed.AllClients, changed.PreviousAllClients).ShouldBe((true, false));
        changed.ClientIds.ShouldBeEmpty();
        changed.PreviousClientIds.ShouldBe(["acme"]);
    }

    [Fact]
    public void a_limit_to_no_client_is_refused()
    {
        UserDecider.ChangeClientAccess(Maria, "maria", ClientAccess.Only([]), "admin", Now)
            .ShouldBeOfType<Decision<UserClientAccessChanged>.Rejected>().Rejection.Kind.ShouldBe(RejectionKind.Refused);
    }

    [Fact]
    public void an_unknown_user_is_not_found()
    {
        UserDecider.ChangeClientAccess(null, "nobody", ClientAccess.All, "admin", Now)
            .ShouldBeOfType<Decision<UserClientAccessChanged>.Rejected>().Rejection.Kind.ShouldBe(RejectionKind.NotFound);
    }
}
