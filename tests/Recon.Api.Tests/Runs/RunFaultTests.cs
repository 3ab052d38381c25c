using Recon.Api.Runs;

namespace Recon.Api.Tests.Runs;

public class RunFaultTests
{
    [Fact]
    public void database_timeouts_and_lost_races_are_transient_and_retried_other_errors_fail_the_run()
    {
        ExecuteRunHandler.IsTransient(new TimeoutException()).ShouldBeTrue();
        ExecuteRunHandler.IsTransient(new JasperFx.ConcurrencyException("raced", typeof(object), Guid.NewGuid())).ShouldBeTrue();
        ExecuteRunHandler.IsTransient(new InvalidOperationException("wrapper", new TimeoutException())).ShouldBeTrue();
        ExecuteRunHandler.IsTransient(new InvalidOperationException("bug")).ShouldBeFalse();
        ExecuteRunHandler.IsTransient(new ArgumentException("bad input")).ShouldBeFalse();
    }
}
