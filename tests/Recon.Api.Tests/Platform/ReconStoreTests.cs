using Npgsql;
using Recon.Api.Infrastructure;

namespace Recon.Api.Tests.Platform;

public class ReconStoreTests
{
    [Fact]
    public void connections_get_a_small_pool_and_prepared_statements_by_default()
    {
        var tuned = new NpgsqlConnectionStringBuilder(ReconStore.Tuned("Host=db;Database=recon;Username=recon"));

        tuned.MaxPoolSize.ShouldBe(Math.Max(8, Environment.ProcessorCount * 4) + ReconStore.BackgroundConnections);
        tuned.MaxAutoPrepare.ShouldBe(64);
        (tuned.Host, tuned.Database).ShouldBe(("db", "recon"));
    }

    [Fact]
    public void a_connection_string_that_sets_them_keeps_its_values()
    {
        var tuned = new NpgsqlConnectionStringBuilder(ReconStore.Tuned("Host=db;Maximum Pool Size=50;Max Auto Prepare=0"));

        tuned.MaxPoolSize.ShouldBe(50);
        tuned.MaxAutoPrepare.ShouldBe(0);
    }
}
