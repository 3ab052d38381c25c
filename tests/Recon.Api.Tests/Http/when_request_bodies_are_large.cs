using System.Text;
using Alba;
using Recon.Api.Tests.Fixtures;

namespace Recon.Api.Tests.Http;

public class when_request_bodies_are_large(AppFixture fixture) : IntegrationContext(fixture)
{
    /// <summary>
    /// The sign-in route's limit; other JSON routes accept 64 KB, uploads the file limit (a JSON array of jobs too:
    /// <c>when_source_ids_repeat_in_a_file</c> posts one of about 130 KB).
    /// </summary>
    private const int SignInLimit = 4 * 1024;
    private const int DefaultLimit = 64 * 1024;

    private Task<IScenarioResult> SignInStreaming(CountingStream body, long? declaredLength) =>
        Scenario(x =>
        {
            x.Post.Url("/api/auth/sign-in");
            x.Anonymously();
            x.ConfigureHttpContext(context =>
            {
                context.Request.ContentType = "application/json";
                context.Request.ContentLength = declaredLength;
                context.Request.Body = body;
            });
            x.StatusCodeShouldBe(413);
        });

    [Fact]
    public async Task a_sign_in_body_declared_larger_than_its_limit_is_a_413_and_not_a_byte_is_read()
    {
        var body = new CountingStream(150L * 1024 * 1024);

        var result = await SignInStreaming(body, declaredLength: body.Length);

        (await result.ReadProblemAsync()).GetProperty("detail").GetString().ShouldBe("The request body is larger than the 4 KB this route accepts; nothing was stored.");
        body.BytesRead.ShouldBe(0);
    }

    [Fact]
    public async Task a_sign_in_body_of_no_declared_length_is_cut_off_at_its_limit()
    {
        var body = new CountingStream(150L * 1024 * 1024);

        var result = await SignInStreaming(body, declaredLength: null);

        (await result.ReadProblemAsync()).GetProperty("detail").GetString().ShouldBe("The request body is larger than the 4 KB this route accepts; nothing was stored.");
        body.BytesRead.ShouldBeLessThanOrEqualTo(SignInLimit + 1);
    }

    [Fact]
    public async Task a_json_command_over_the_default_limit_is_a_413_naming_the_limit_and_its_setting()
    {
        var result = await Scenario(x =>
        {
            x.Post.Json(new { clientId = new string('a', DefaultLimit), month = "2026-10" }).ToUrl("/api/periods");
            x.StatusCodeShouldBe(413);
        });

        (await result.ReadProblemAsync()).GetProperty("detail").GetString()
            .ShouldBe("The request body is larger than the 64 KB this route accepts (Recon:Http:MaxRequestBodyBytes); nothing was stored.");
    }

    [Fact]
    public async Task a_json_command_of_no_declared_length_over_the_default_limit_is_a_413()
    {
        var json = Encoding.UTF8.GetBytes($"{{\"clientId\":\"{new string('a', DefaultLimit)}\",\"month\":\"2026-10\"}}");

        var result = await Scenario(x =>
        {
            x.Post.Url("/api/periods");
            x.ConfigureHttpContext(context =>
            {
                context.Request.ContentType = "application/json";
                context.Request.ContentLength = null;
                context.Request.Body = new MemoryStream(json);
            });
            x.StatusCodeShouldBe(413);
        });

        (await result.ReadProblemAsync()).GetProperty("detail").GetString()!.ShouldContain("64 KB");
    }

    [Fact]
    public async Task an_upload_far_above_the_default_limit_but_within_the_file_limit_is_accepted()
    {
        var periodId = await Host.GivenOpenPeriod();
        var csv = new StringBuilder(Uploads.LedgerHeader + "\r\n");
        for (var line = 1; csv.Length < AppFixture.MaxFileBytes - 1024; line++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"INV-{line},1,J{line},Site A,Window Cleaning,2026-10-01,1,10.00,10.00,USD,\r\n");
        }

        var (_, body) = await Host.UploadLedger(periodId, csv.ToString());

        csv.Length.ShouldBeGreaterThan(DefaultLimit * 4);
        body.RowsRejected.ShouldBe(0);
        body.RowsAccepted.ShouldBeGreaterThan(1000);
    }

    /// <summary>
    /// A JSON body of <see cref="Length"/> bytes (one long user name) made up as it is read, counting what was read.
    /// </summary>
    private sealed class CountingStream(long length) : Stream
    {
        private static readonly byte[] Prefix = Encoding.UTF8.GetBytes("{\"userName\":\"");

        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        /// <summary>Alba rewinds the body before sending it: only that (to where it is) is allowed.</summary>
        public override long Position
        {
            get => BytesRead;
            set
            {
                if (value != BytesRead)
                {
                    throw new NotSupportedException();
                }
            }
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - BytesRead);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = BytesRead + i < Prefix.Length ? Prefix[BytesRead + i] : (byte)'a';
            }

            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
