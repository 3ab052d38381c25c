using System.Text;
using Marten;
using Recon.Api.Ingestion;
using Recon.Api.Periods;
using Recon.Api.Tests.Fixtures;
using Recon.Domain.Ingestion;

namespace Recon.Api.Tests.Ingestion;

/// <summary>
/// Repeats are found by a hash of each source id (<see cref="SourceIdLines"/>) and confirmed against the ids
/// themselves: in the chunk being filled, or by reading the repeated lines again before commit. A hash shared by two
/// different ids must change nothing in the outcome.
/// </summary>
public class when_source_ids_repeat_in_a_file(AppFixture fixture) : IntegrationContext(fixture)
{
    /// <summary>1,201 distinct lines (three chunks), then repeats of file line 3 (written two chunks before) and of file line 1,190 (in the chunk still being filled).</summary>
    private static readonly string LedgerWithRepeats = Uploads.Csv(
    [
        Uploads.LedgerHeader,
        .. Enumerable.Range(1, 1_201).Select(Line),
        Line(2), // the id of file line 3, two chunks later
        Line(1_189), // the id of file line 1,190, in the chunk still being filled
    ]);

    [Fact]
    public async Task a_repeat_is_rejected_with_the_line_of_its_first_occurrence_in_any_chunk()
    {
        var periodId = await Host.GivenOpenPeriod();

        var (_, body) = await Host.UploadLedger(periodId, LedgerWithRepeats);

        body.ShouldSatisfyAllConditions(
            b => b.RowsRead.ShouldBe(1_203),
            b => b.RowsAccepted.ShouldBe(1_201),
            b => b.RecordsNew.ShouldBe(1_201),
            b => b.Errors.ShouldBe(
            [
                new RowError(1_203, "line_no", "Invoice line INV-0/3 already appears at line 3 of this file."),
                new RowError(1_204, "line_no", "Invoice line INV-396/2 already appears at line 1190 of this file."),
            ]));
    }

    [Fact]
    public async Task a_repeated_job_in_a_json_array_is_rejected_across_chunks_too()
    {
        var periodId = await Host.GivenOpenPeriod("acme");
        var items = Enumerable.Range(1, 600).Append(7).Select(i => new
        {
            jobId = $"JOB-{i}",
            clientId = "acme",
            siteCode = "S-001",
            siteName = "Riverside Office Park",
            serviceType = "Window Cleaning",
            serviceDate = "2026-10-05",
            quantity = 1m,
            unitRate = 10m,
            amount = 10m,
            currency = "USD",
            status = "completed",
        });

        var result = await Scenario(x =>
        {
            x.Post.Json(items.ToArray()).ToUrl($"/api/periods/{periodId}/client-jobs");
            x.StatusCodeShouldBe(201);
        });

        var body = await result.ReadAsJsonAsync<IngestionResult>();
        body.RowsAccepted.ShouldBe(600);
        body.Errors.ShouldBe([new RowError(601, "job_id", "Job JOB-7 already appears at line 7 of this file.")]);
    }

    [Fact]
    public async Task ids_that_all_share_one_hash_give_the_same_outcome_as_distinct_hashes()
    {
        var expected = await IngestDirectly(await Host.GivenOpenPeriod("acme"), LedgerWithRepeats, hash: null);

        var colliding = await IngestDirectly(await Host.GivenOpenPeriod("globex"), LedgerWithRepeats, hash: _ => 42);

        colliding.FirstErrors.ShouldBe(expected.FirstErrors);
        colliding.Summary.ShouldSatisfyAllConditions(
            s => s.RowsAccepted.ShouldBe(1_201),
            s => s.RowsRejected.ShouldBe(2),
            s => s.RecordsNew.ShouldBe(1_201));
        (await RecordedLineIds(colliding.Summary.BatchId)).ShouldBe(await RecordedLineIds(expected.Summary.BatchId));
    }

    [Fact]
    public async Task two_ids_sharing_a_hash_across_chunks_are_both_accepted_and_the_batch_is_stored_once()
    {
        var periodId = await Host.GivenOpenPeriod();
        // File lines 2 (INV-0/2) and 1,100 (INV-366/2) collide; the second is found long after the first was written.
        var outcome = await IngestDirectly(periodId, LedgerWithRepeats, hash: id => id is "INV-0/2" or "INV-366/2" ? 7UL : SourceIdLines.Hash(id));

        outcome.Summary.RowsAccepted.ShouldBe(1_201);
        outcome.FirstErrors.Select(error => error.Line).ShouldBe([1_203, 1_204]);
        (await RecordedLineIds(outcome.Summary.BatchId)).ShouldContain("INV-366/2");
        await using var session = Store.QuerySession();
        (await session.Query<BatchSummary>().Where(batch => batch.PeriodId == periodId).CountAsync()).ShouldBe(1);
        (await session.Events.FetchStreamAsync(outcome.Summary.BatchId)).Select(e => e.Data).OfType<BatchReceived>().Count().ShouldBe(1);
    }

    /// <summary>A distinct invoice line per number: INV-{n / 3}/{n % 3 + 1}.</summary>
    private static string Line(int n) =>
        $"INV-{n / 3},{n % 3 + 1},J{100000 + n},Riverside Office Park,Window Clean - Ext,10/05/2026,2,125.00,250.00,USD,2026-11-02";

    private async Task<BatchOutcome> IngestDirectly(Guid periodId, string csv, Func<string, ulong>? hash)
    {
        await using var query = Store.QuerySession();
        var period = await query.LoadAsync<PeriodDetails>(periodId) ?? throw new InvalidOperationException("no period");
        await using var content = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var batch = new IncomingBatch(periodId, BatchSource.LedgerCsv, "ledger.csv", content);
        var checksum = await BatchIngestion.ChecksumAsync(content, CancellationToken.None);
        var options = new IngestionOptions { SourceIdHash = hash };
        return await BatchIngestion.IngestCsvAsync(Store, query, period, batch, checksum, options, new EventMetadata("tester", "test"), DateTimeOffset.UtcNow, CancellationToken.None);
    }

    private async Task<List<string>> RecordedLineIds(Guid batchId)
    {
        await using var session = Store.QuerySession();
        return (await session.Events.FetchStreamAsync(batchId)).Select(e => e.Data).OfType<LedgerLinesNormalized>()
            .SelectMany(chunk => chunk.Lines).Select(line => line.Record.LineId).ToList();
    }
}
