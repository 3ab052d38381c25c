using System.IO.Compression;
using System.Text;
using Recon.Api.Tests.Fixtures;

namespace Recon.Api.Tests.Reliability;

/// <summary>
/// The malformed-input corpus: files an ERP, a spreadsheet, a careless export or an attacker could send, each built
/// here from bytes (nothing checked in). Every one carries the personal-data canary in a contact_email column or a
/// text field, which must never come back in a response, an event, a log line or a stored idempotency body.
/// </summary>
public static class HostileFiles
{
    public const string Canary = "canary.person.4711@example.com";

    public const string Ledger = "ledger-lines";
    public const string Jobs = "client-jobs";

    private static string LedgerRow(int i, string site = "Site A", string date = "2026-10-01", string qty = "1", string price = "10.00", string total = "10.00", string description = "Window Cleaning") =>
        $"INV-{i},1,J{i},{site},{description},{date},{qty},{price},{total},USD,";

    private static string JobRow(int i, string email = Canary, string amount = "250.00") =>
        $"JOB-{i},acme,S-001,Riverside Office Park,Window Cleaning,2026-10-05,2,125.00,{amount},USD,completed,PO-{i},{email}";

    private static string Lines(string header, IEnumerable<string> rows, string newline = "\r\n") => string.Join(newline, [header, .. rows]) + newline;

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string GoodLedger(int rows = 20) => Lines(Uploads.LedgerHeader, Enumerable.Range(1, rows).Select(i => LedgerRow(i)));

    private static string GoodJobs(int rows = 20) => Lines(Uploads.ClientHeader, Enumerable.Range(1, rows).Select(i => JobRow(i)));

    private static byte[] Inject(string text, int line, byte[] bytes)
    {
        var lines = text.Split("\r\n");
        var prefix = Utf8(string.Join("\r\n", lines.Take(line - 1)) + "\r\n" + lines[line - 1][..5]);
        var rest = Utf8(lines[line - 1][5..] + "\r\n" + string.Join("\r\n", lines.Skip(line)));
        return [.. prefix, .. bytes, .. rest];
    }

    private static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }

    private static byte[] Zip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create))
        {
            using var entry = zip.CreateEntry("ledger.csv").Open();
            entry.Write(content);
        }

        return output.ToArray();
    }

    /// <summary>(name, route, file bytes).</summary>
    public static IEnumerable<(string Name, string Route, byte[] Bytes)> All()
    {
        var random = new Random(4711);
        var binary = new byte[4096];
        random.NextBytes(binary);
        yield return ("random binary", Ledger, binary);
        yield return ("gzip of a good csv", Ledger, Gzip(Utf8(GoodLedger())));
        yield return ("zip of a good csv", Ledger, Zip(Utf8(GoodLedger())));
        yield return ("utf-16 le with bom", Jobs, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(GoodJobs())]);
        yield return ("utf-16 be with bom", Jobs, [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(GoodJobs())]);
        yield return ("utf-16 le without bom", Jobs, Encoding.Unicode.GetBytes(GoodJobs()));
        yield return ("nul early", Jobs, Inject(GoodJobs(), 2, [0]));
        yield return ("nul late", Jobs, Inject(GoodJobs(3_000), 2_900, [0]));
        yield return ("invalid utf-8 early", Jobs, Inject(GoodJobs(), 2, [0xC3, 0x28]));
        yield return ("invalid utf-8 late", Jobs, Inject(GoodJobs(3_000), 2_900, [0xFF, 0xFE, 0xFD]));
        yield return ("overlong utf-8 encoding", Ledger, Inject(GoodLedger(), 3, [0xC0, 0xAF]));
        yield return ("utf-8 encoded surrogate", Ledger, Inject(GoodLedger(), 3, [0xED, 0xA0, 0x80]));
        yield return ("too few fields", Jobs, Utf8(Lines(Uploads.ClientHeader, [JobRow(1), string.Join(',', JobRow(2).Split(',').Where((_, i) => i != 11))])));
        yield return ("too many fields", Jobs, Utf8(Lines(Uploads.ClientHeader, [JobRow(1), JobRow(2) + ",surplus"])));
        yield return ("far too few fields", Jobs, Utf8(Lines(Uploads.ClientHeader, [JobRow(1), $"JOB-2,{Canary}"])));
        yield return ("duplicate header", Ledger, Utf8(Lines(Uploads.LedgerHeader + ",qty", [LedgerRow(1) + ",2"])));
        yield return ("missing header column", Ledger, Utf8(Lines(Uploads.LedgerHeader.Replace("line_total,", string.Empty, StringComparison.Ordinal), [LedgerRow(1)])));
        yield return ("no header at all", Ledger, Utf8(Lines(LedgerRow(1), [LedgerRow(2)])));
        yield return ("header only", Ledger, Utf8(Uploads.LedgerHeader + "\r\n"));
        yield return ("empty file", Ledger, []);
        yield return ("blank lines only", Ledger, Utf8("\r\n\r\n\r\n"));
        yield return ("10,000 columns", Ledger, Utf8(Lines(Uploads.LedgerHeader + string.Concat(Enumerable.Range(0, 10_000).Select(i => $",extra_{i}")), [LedgerRow(1) + new string(',', 10_000)])));
        yield return ("a line larger than the upload limit", Ledger, Utf8(Lines(Uploads.LedgerHeader, [LedgerRow(1, description: new string('x', 20 * 1024 * 1024))])));
        yield return ("a huge quoted field", Ledger, Utf8(Lines(Uploads.LedgerHeader, [LedgerRow(1), LedgerRow(2, description: "\"" + new string('y', 300_000) + "\"")])));
        yield return ("a huge header name", Ledger, Utf8(Lines(Uploads.LedgerHeader + "," + new string('h', 200_000), [LedgerRow(1) + ",x"])));
        yield return ("formula payloads", Ledger, Utf8(Lines(Uploads.LedgerHeader, [LedgerRow(1, site: "=HYPERLINK(\"http://evil.example\",\"x\")"), LedgerRow(2, description: "+cmd|' /C calc'!A0"), LedgerRow(3, site: "@SUM(1+1)*cmd")])));
        yield return ("script payloads", Jobs, Utf8(Lines(Uploads.ClientHeader, [JobRow(1).Replace("Riverside Office Park", "<script>alert(1)</script>", StringComparison.Ordinal), JobRow(2).Replace("PO-2", "<img src=x onerror=alert(1)>", StringComparison.Ordinal)])));
        yield return ("sql payloads", Ledger, Utf8(Lines(Uploads.LedgerHeader, [LedgerRow(1, site: "'; drop table mt_events; --"), LedgerRow(2, description: "\" or 1=1 --")])));
        yield return ("european decimal comma", Ledger, Utf8(Lines(Uploads.LedgerHeader, [LedgerRow(1, total: "\"1.234,56\"", price: "\"1.234,56\"")])));
        yield return ("nan", Ledger, Utf8(Lines(Uploads.LedgerHeader, [LedgerRow(1, total: "NaN")])));
        yield return ("infinity", Ledger, Utf8(Lines(Uploads.LedgerHeader, [LedgerRow(1, total: "Infinity"), LedgerRow(2, qty: "-Infinity")])));
        yield return ("1e308", Ledger, Utf8(Lines(Uploads.LedgerHeader, [LedgerRow(1, total: "1e308"), LedgerRow(2, price: "1E+400")])));
        yield return ("29 digit amount", Ledger, Utf8(Lines(Uploads.LedgerHeader, [LedgerRow(1, total: "99999999999999999999999999999.99")])));
        yield return ("impossible dates", Ledger, Utf8(Lines(Uploads.LedgerHeader, [LedgerRow(1, date: "2026-02-30"), LedgerRow(2, date: "31/31/2026"), LedgerRow(3, date: "2026-13-01")])));
        yield return ("far away dates", Jobs, Utf8(Lines(Uploads.ClientHeader, [JobRow(1).Replace("2026-10-05", "0001-01-01", StringComparison.Ordinal), JobRow(2).Replace("2026-10-05", "9999-12-31", StringComparison.Ordinal), JobRow(3).Replace("2026-10-05", "1900-10-05", StringComparison.Ordinal)])));
        yield return ("negative quantity with a positive total", Ledger, Utf8(Lines(Uploads.LedgerHeader, [LedgerRow(1, qty: "-3", total: "30.00")])));
        yield return ("unterminated quote", Ledger, Utf8(Uploads.LedgerHeader + "\r\n" + LedgerRow(1) + "\r\nINV-2,1,J2,\"Site A,Window Cleaning,2026-10-01,1,10.00,10.00,USD,\r\n"));
        yield return ("quote inside a field", Ledger, Utf8(Lines(Uploads.LedgerHeader, [LedgerRow(1, site: "Site \"A\" West")])));
        yield return ("carriage returns only", Ledger, Utf8(Lines(Uploads.LedgerHeader, Enumerable.Range(1, 5).Select(i => LedgerRow(i)), "\r")));
        yield return ("mixed line endings", Ledger, Utf8(Uploads.LedgerHeader + "\n" + LedgerRow(1) + "\r\n" + LedgerRow(2) + "\r" + LedgerRow(3) + "\n"));
        yield return ("semicolon separated", Ledger, Utf8(Lines(Uploads.LedgerHeader.Replace(',', ';'), [LedgerRow(1).Replace(',', ';')])));
        yield return ("tab separated", Ledger, Utf8(Lines(Uploads.LedgerHeader.Replace(',', '\t'), [LedgerRow(1).Replace(',', '\t')])));
        yield return ("trailing separator on every row", Jobs, Utf8(Lines(Uploads.ClientHeader + ",", [JobRow(1) + ",", JobRow(2) + ","])));
        yield return ("zero-width and bidi characters", Ledger, Utf8(Lines(Uploads.LedgerHeader, [LedgerRow(1, site: "Site\u200B A\u202E"), $"INV-\u200D2,1,J2,Site A,Window Cleaning,2026-10-01,1,10.00,10.00,USD,"])));
        yield return ("emoji and combining marks", Jobs, Utf8(Lines(Uploads.ClientHeader, [JobRow(1).Replace("Riverside Office Park", "Café 🧹 Zürich e\u0301", StringComparison.Ordinal)])));
        yield return ("repeated line ids", Ledger, Utf8(Lines(Uploads.LedgerHeader, [LedgerRow(1), LedgerRow(1, total: "99.00"), LedgerRow(1)])));
        yield return ("another client's jobs", Jobs, Utf8(Lines(Uploads.ClientHeader, [JobRow(1).Replace(",acme,", ",globex,", StringComparison.Ordinal)])));
        yield return ("lone carriage return inside quotes", Ledger, Utf8(Lines(Uploads.LedgerHeader, [LedgerRow(1, description: "\"two\rlines\"")])));
        yield return ("byte order mark twice", Ledger, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetPreamble(), .. Utf8(GoodLedger())]);
    }
}
