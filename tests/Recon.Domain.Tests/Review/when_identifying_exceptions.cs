using Recon.Domain.Review;
using static Recon.Domain.Tests.Review.Fixtures.Cases;

namespace Recon.Domain.Tests.Review;

public class when_identifying_exceptions
{
    [Fact]
    public void the_same_group_of_the_same_period_always_has_the_same_id()
    {
        ExceptionIds.Of(PeriodId, GroupId).ShouldBe(ExceptionIds.Of(new Guid(PeriodId.ToString()), new Guid(GroupId.ToString())));
    }

    [Fact]
    public void the_id_is_the_rfc_4122_name_based_uuid_of_period_and_group()
    {
        // Python: uuid.uuid5(UUID("5d0b7a3e-8c41-4f6a-9e2d-7b1c3f5a9e60"), f"{period.hex}/{group.hex}"); it must never change, or decisions stop carrying over.
        ExceptionIds.Of(PeriodId, GroupId).ShouldBe(new Guid("8f8c86de-4a2f-59e6-809d-94fd7985fc73"));
    }

    [Fact]
    public void the_same_group_in_another_period_is_another_exception()
    {
        ExceptionIds.Of(Guid.NewGuid(), GroupId).ShouldNotBe(ExceptionIds.Of(PeriodId, GroupId));
    }

    [Fact]
    public void another_group_of_the_period_is_another_exception()
    {
        ExceptionIds.Of(PeriodId, Guid.NewGuid()).ShouldNotBe(ExceptionIds.Of(PeriodId, GroupId));
    }

    [Fact]
    public void period_and_group_are_not_interchangeable()
    {
        ExceptionIds.Of(GroupId, PeriodId).ShouldNotBe(ExceptionIds.Of(PeriodId, GroupId));
    }
}
