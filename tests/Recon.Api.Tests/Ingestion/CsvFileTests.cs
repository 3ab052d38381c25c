using System.Text;
using Recon.Api.Ingestion;

namespace Recon.Api.Tests.Ingestion;

public class when_reading_a_csv_file
{
    private static CsvFile Open(string text) => CsvFile.Open(new MemoryStream(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray()));

    [Fact]
    public void the_bom_is_skipped_and_crlf_lf_and_quoted_fields_are_read()
    {
        using var file = Open("a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,,\"multi\r\nline\"\r\n");

        file.Header.ShouldBe(["a", "b", "c"]);
        var rows = file.Rows().ToList();
        rows.Select(r => r.Fields).ShouldBe([["1", "x, y", "say \"hi\""], ["2", "", "multi\r\nline"]]);
        rows.Select(r => r.Line).ShouldBe([2, 3]);
        rows.ShouldAllBe(r => !r.Malformed);
    }

    [Fact]
    public void line_numbers_count_physical_lines_so_errors_point_at_the_file()
    {
        using var file = Open("a,b\n\"one\nline two\",x\n\n3,y\n");

        file.Rows().Select(r => r.Line).ShouldBe([2, 5]);
    }

    [Theory]
    [InlineData("a,b\n1,x\"y\n")]
    [InlineData("a,b\n1,\"x\"y\n")]
    [InlineData("a,b\n1,\"never closed\n")]
    public void broken_quoting_is_flagged_not_guessed(string text)
    {
        using var file = Open(text);

        file.Rows().Single().Malformed.ShouldBeTrue();
    }

    [Fact]
    public void a_file_without_any_line_has_no_header()
    {
        using var file = Open(string.Empty);

        file.Header.ShouldBeEmpty();
        file.Rows().ShouldBeEmpty();
    }

    [Fact]
    public async Task binary_content_is_not_text()
    {
        (await CsvFile.LooksLikeTextAsync(new MemoryStream([0x50, 0x4B, 0x03, 0x04, 0x00]), CancellationToken.None)).ShouldBeFalse();
        (await CsvFile.LooksLikeTextAsync(new MemoryStream([0x61, 0xFF, 0xFE, 0x2C]), CancellationToken.None)).ShouldBeFalse();
        (await CsvFile.LooksLikeTextAsync(new MemoryStream(Encoding.UTF8.GetBytes("naïve,café\n")), CancellationToken.None)).ShouldBeTrue();
    }
}
