using System.Text;
using Marten;
using Npgsql;
using Recon.Api.Ingestion;
using Recon.Api.Tests.Fixtures;
using Recon.Domain.Ingestion;

namespace Recon.Api.Tests.Reliability;

/// <summary>Uploads sent at once, cut off by their client, or holding rows that cannot be mapped.</summary>
public class when_uploads_race_or_break(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Canary = "canary.person@example.com";

    private static string Ledger(int rows, string description = "Window Cleaning") => Uploads.Csv(
        [Uploads.LedgerHeader, .. Enumerable.Range(1, rows).Select(i => $"INV-{i},1,J{i},Site A,{description},2026-10-01,1,10.00,10.00,USD,")]);

    private async Task<IReadOnlyList<(string SourceId, int Version)>> LedgerVersions(Guid periodId)
    {
        await using var query = Store.QuerySession();
        var chunks = await query.Events.QueryRawEventDataOnly<LedgerLinesNormalized>().Where(e => e.PeriodId == periodId).ToListAsync();
        return chunks.SelectMany(chunk => chunk.Lines.Select(line => (line.Record.SourceId, line.Version))).ToList();
    }

    private Task<int[]> UploadAtOnce(Guid periodId, IEnumerable<string> files) => Task.WhenAll(files.Select(async csv =>
        (await Host.Scenario(x =>
        {
            x.Post.MultipartFormData(Uploads.CsvFile(csv)).ToUrl($"/api/periods/{periodId}/ledger-lines");
            x.IgnoreStatusCode();
        })).Context.Response.StatusCode));

    [Fact]
    public async Task the_same_file_five_times_at_once_is_stored_once_and_answered_as_a_duplicate_four_times()
    {
        var periodId = await Host.GivenOpenPeriod();
        var statuses = await UploadAtOnce(periodId, Enumerable.Repeat(Ledger(3_000), 5));

        statuses.Count(status => status == 201).ShouldBe(1, string.Join(", ", statuses));
        statuses.Count(status => status == 200).ShouldBe(4, string.Join(", ", statuses));
        var versions = await LedgerVersions(periodId);
        versions.Count.ShouldBe(3_000);
        versions.ShouldAllBe(record => record.Version == 1);
        await using var query = Store.QuerySession();
        (await query.Query<BatchSummary>().Where(b => b.PeriodId == periodId).CountAsync()).ShouldBe(1);
        ReliabilityReport.Add("the same file uploaded 5 times at once", 5);
    }

    [Fact]
    public async Task different_edits_uploaded_together_give_every_record_strictly_sequential_versions()
    {
        var periodId = await Host.GivenOpenPeriod();
        await Host.UploadLedger(periodId, Ledger(200));
        await UploadAtOnce(periodId, new[] { "Pest Control", "HVAC Maintenance", "Waste Removal" }.Select(description => Ledger(200, description)));

        var versions = await LedgerVersions(periodId);
        foreach (var record in versions.GroupBy(v => v.SourceId))
        {
            record.Select(v => v.Version).Order().ToArray().ShouldBe([1, 2, 3, 4], $"record {record.Key}");
        }

        ReliabilityReport.Add("3 different edits uploaded at once", 1);
    }

    [Fact]
    public async Task a_row_with_too_few_or_too_many_fields_is_rejected_naming_both_counts_and_its_values_are_kept_nowhere()
    {
        var periodId = await Host.GivenOpenPeriod();
        var csv = Uploads.Csv(
            Uploads.ClientHeader,
            "JOB-1,acme,S-001,Riverside Office Park,Window Cleaning,2026-10-05,2,125.00,250.00,USD,completed,PO-1,ok@example.com",
            $"JOB-2,acme,S-001,Riverside Office Park,Window Cleaning,2026-10-05,2,125.00,250.00,USD,completed,{Canary}",
            $"JOB-3,acme,S-001,Riverside Office Park,Window Cleaning,2026-10-05,2,125.00,250.00,USD,{Canary}",
            $"JOB-4,acme,S-001,Riverside Office Park,Window Cleaning,2026-10-05,2,125.00,250.00,USD,completed,PO-4,{Canary},extra");
        var (result, body) = await Host.UploadClientJobs(periodId, csv);

        body.RowsAccepted.ShouldBe(1);
        body.RowsRejected.ShouldBe(3);
        body.Errors.Select(e => (e.Line, e.Field)).ShouldBe([(3L, "row"), (4L, "row"), (5L, "row")]);
        body.Errors[0].Message.ShouldContain("12 fields where the header has 13");
        body.Errors[1].Message.ShouldContain("11 fields where the header has 13");
        body.Errors[2].Message.ShouldContain("14 fields where the header has 13");
        (await result.ReadAsTextAsync()).ShouldNotContain(Canary);

        await using var connection = Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var events = new NpgsqlCommand($"select count(*) from {Store.Options.Events.DatabaseSchemaName}.mt_events where data::text like '%' || $1 || '%'", connection);
        events.Parameters.Add(new NpgsqlParameter { Value = Canary });
        ((long)(await events.ExecuteScalarAsync())!).ShouldBe(0);
        ReliabilityReport.Add("rows with 12, 11 and 14 of 13 fields", 7);
    }

    [Theory]
    [InlineData("nul", 2_000)]
    [InlineData("invalid-utf8", 2_000)]
    [InlineData("nul", 3)]
    [InlineData("invalid-utf8", 3)]
    public async Task nul_characters_or_bytes_that_are_not_utf8_anywhere_refuse_the_file_naming_the_line(string fault, int line)
    {
        var periodId = await Host.GivenOpenPeriod();
        var rows = Enumerable.Range(1, 2_500).Select(i => $"INV-{i},1,J{i},Site A,Window Cleaning,2026-10-01,1,10.00,10.00,USD,").ToList();
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(Uploads.LedgerHeader + "\n"));
        for (var i = 0; i < rows.Count; i++)
        {
            var text = Encoding.UTF8.GetBytes(rows[i] + "\n");
            if (i + 2 == line)
            {
                var site = Array.IndexOf(text, (byte)'S');
                text = [.. text[..site], .. fault == "nul" ? new byte[] { 0 } : [0xC3, 0x28], .. text[site..]];
            }

            bytes.AddRange(text);
        }

        var result = await Host.Scenario(x =>
        {
            x.Post.MultipartFormData(Uploads.File([.. bytes], "ledger.csv")).ToUrl($"/api/periods/{periodId}/ledger-lines");
            x.StatusCodeShouldBe(400);
        });
        var problem = await result.ReadAsTextAsync();
        if (line > 100)
        {
            problem.ShouldContain($"line {line}");
        }

        (await LedgerVersions(periodId)).ShouldBeEmpty();
        ReliabilityReport.Add($"{fault} at line {line}", 2);
    }

    [Fact]
    public async Task an_upload_whose_connection_is_dropped_is_a_503_with_retry_after_leaves_a_failed_batch_and_can_be_sent_again()
    {
        var periodId = await Host.GivenOpenPeriod();
        var csv = Ledger(1_200);
        await using (var faults = await HeldLocks.LockTableAsync(Store, $"{Store.Options.DatabaseSchemaName}.{RecordVersions.TableName}"))
        {
            var upload = Host.Scenario(x =>
            {
                x.Post.MultipartFormData(Uploads.CsvFile(csv)).ToUrl($"/api/periods/{periodId}/ledger-lines");
                x.IgnoreStatusCode();
            });
            await faults.TerminateNextWaiterAsync(TimeSpan.FromSeconds(30));
            var result = await upload;
            result.Context.Response.StatusCode.ShouldBe(503, await result.ReadAsTextAsync());
            result.Context.Response.Headers.RetryAfter.ToString().ShouldNotBeNullOrEmpty();
        }

        (await LedgerVersions(periodId)).ShouldBeEmpty();
        await using (var query = Store.QuerySession())
        {
            var failed = (await query.Query<BatchSummary>().Where(b => b.PeriodId == periodId).ToListAsync()).ShouldHaveSingleItem();
            failed.Status.ShouldBe(BatchStatus.Failed);
            failed.FailureReason!.ShouldContain("server error");
        }

        var (_, again) = await Host.UploadLedger(periodId, csv);
        again.RecordsNew.ShouldBe(1_200);
        (await LedgerVersions(periodId)).ShouldAllBe(record => record.Version == 1);
        ReliabilityReport.Add("connection dropped during an upload", 6);
    }

    [Fact]
    public async Task an_upload_its_client_abandons_leaves_a_failed_batch_in_the_history_and_nothing_else()
    {
        var periodId = await Host.GivenOpenPeriod();

        // Another upload of the period's ledger holds its turn, so this one is still ingesting when its client leaves.
        await using var turn = await HeldLocks.HoldLedgerUploadTurnAsync(Store, periodId);

        var session = await Host.SignInAsync(Users.TesterUserName, Users.TesterPassword);
        using var client = Host.Server.CreateClient();
        using var upload = new HttpRequestMessage(HttpMethod.Post, $"/api/periods/{periodId}/ledger-lines") { Content = Uploads.CsvFile(Ledger(50)) };
        upload.Headers.Add("Cookie", $"{Recon.Api.Auth.SessionCookies.CookieName}={session.SessionCookie}; {Recon.Api.Auth.SessionCookies.XsrfCookieName}={session.XsrfToken}");
        upload.Headers.Add(Recon.Api.Auth.SessionCookies.XsrfHeaderName, session.XsrfToken);
        using var leave = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await Should.ThrowAsync<OperationCanceledException>(() => client.SendAsync(upload, leave.Token));

        await using var query = Store.QuerySession();
        BatchSummary? failed = null;
        for (var attempt = 0; attempt < 100 && failed is null; attempt++)
        {
            await Task.Delay(100);
            failed = await query.Query<BatchSummary>().FirstOrDefaultAsync(b => b.PeriodId == periodId);
        }

        failed.ShouldNotBeNull().Status.ShouldBe(BatchStatus.Failed);
        failed.FailureReason!.ShouldContain("closed the connection");
        (await LedgerVersions(periodId)).ShouldBeEmpty();
        ReliabilityReport.Add("an upload abandoned by its client", 3);
    }
}
