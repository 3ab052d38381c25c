using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Recon.DataGenerator;

/// <summary>
/// A generated month: the client's jobs, the ledger lines (true values), the ground truth, and writers for the files.
/// The ledger CSV is rendered line by line as it is written, so a million lines never become one string.
/// </summary>
public sealed class GeneratedMonth
{
    public const string ClientJobsCsvHeader =
        "job_id,client_id,site_code,site_name,service_type,service_date,quantity,unit_rate,amount,currency,status,po_number,contact_email";

    public const string LedgerCsvHeader =
        "invoice_number,line_no,job_ref,customer_site,description,service_date,qty,unit_price,line_total,currency,posted_date";

    private readonly NoiseProfile _profile;
    private readonly IWorldVocabulary _world;
    private readonly Dictionary<string, GeneratedSite> _sitesByCode;
    private readonly ulong _renderBase;

    internal GeneratedMonth(
        GeneratorOptions options,
        NoiseProfile profile,
        IWorldVocabulary world,
        IReadOnlyList<GeneratedSite> sites,
        IReadOnlyList<ClientJob> jobs,
        IReadOnlyList<LedgerLine> ledgerLines,
        ulong renderBase,
        GroundTruth groundTruth)
    {
        Options = options;
        _profile = profile;
        Sites = sites;
        _world = world;
        Services = world.Catalog;
        _sitesByCode = sites.ToDictionary(site => site.Code, StringComparer.Ordinal);
        Jobs = jobs;
        LedgerLines = ledgerLines;
        _renderBase = renderBase;
        GroundTruth = groundTruth;
    }

    public GeneratorOptions Options { get; }

    /// <summary>The world's services, each with the synonyms the ledger writes and the services it is mis-billed as.</summary>
    public IReadOnlyList<GeneratedService> Services { get; }

    /// <summary>The client's sites, each with the names the ERP writes for it.</summary>
    public IReadOnlyList<GeneratedSite> Sites { get; }

    /// <summary>The jobs as the client API reports them, in job-number order.</summary>
    public IReadOnlyList<ClientJob> Jobs { get; }

    /// <summary>The ledger lines' true values, in invoice and line order.</summary>
    public IReadOnlyList<LedgerLine> LedgerLines { get; }

    public GroundTruth GroundTruth { get; }

    /// <summary>How the ERP export writes ledger line <paramref name="index"/>: a pure function of the options and the index.</summary>
    public LedgerRow Render(int index) =>
        LedgerRenderer.Render(
            LedgerLines[index],
            new SeededRandom(SeededRandom.Mix(_renderBase, (ulong)index)),
            _profile,
            _world,
            _sitesByCode[LedgerLines[index].SiteCode],
            _world.Descriptions[LedgerLines[index].ServiceType]);

    public IEnumerable<LedgerRow> LedgerRows()
    {
        for (var i = 0; i < LedgerLines.Count; i++)
        {
            yield return Render(i);
        }
    }

    /// <summary>The client's CSV export: LF line endings, no BOM, ISO dates, plain decimals.</summary>
    public void WriteClientJobsCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WriteClientJobsHeader(writer);
        WriteClientJobRows(writer, 0, Jobs.Count);
    }

    /// <summary>The ERP's ledger export: a UTF-8 BOM, CRLF line endings, and every value written the messy ways ERPs write them.</summary>
    public void WriteLedgerCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WriteLedgerHeader(writer);
        WriteLedgerRows(writer, 0, LedgerLines.Count);
    }

    /// <summary><see cref="WriteClientJobsCsv"/> for asynchronous-only streams (an HTTP response), in chunks.</summary>
    public Task WriteClientJobsCsvAsync(TextWriter writer, CancellationToken cancellationToken = default) =>
        WriteInChunksAsync(writer, WriteClientJobsHeader, WriteClientJobRows, Jobs.Count, cancellationToken);

    /// <summary><see cref="WriteLedgerCsv"/> for asynchronous-only streams (an HTTP response), in chunks.</summary>
    public Task WriteLedgerCsvAsync(TextWriter writer, CancellationToken cancellationToken = default) =>
        WriteInChunksAsync(writer, WriteLedgerHeader, WriteLedgerRows, LedgerLines.Count, cancellationToken);

    /// <summary>The client API's items (<c>data</c> of <c>GET /v1/jobs</c>) as one JSON array.</summary>
    public void WriteClientJobsJson(Stream stream) => WriteJson(stream, Jobs);

    public void WriteGroundTruthJson(Stream stream) => WriteJson(stream, GroundTruth);

    public string ClientJobsCsv() => Text(WriteClientJobsCsv);

    public string LedgerCsv() => Text(WriteLedgerCsv);

    public string ClientJobsJson() => Utf8(WriteClientJobsJson);

    public string GroundTruthJson() => Utf8(WriteGroundTruthJson);

    private static async Task WriteInChunksAsync(
        TextWriter writer, Action<TextWriter> header, Action<TextWriter, int, int> rows, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        const int ChunkRows = 2000;
        using var chunk = new StringWriter(CultureInfo.InvariantCulture);
        header(chunk);
        for (var from = 0; from < count || from == 0; from += ChunkRows)
        {
            rows(chunk, from, Math.Min(count, from + ChunkRows));
            await writer.WriteAsync(chunk.GetStringBuilder(), cancellationToken);
            chunk.GetStringBuilder().Clear();
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static void WriteClientJobsHeader(TextWriter writer)
    {
        writer.Write(ClientJobsCsvHeader);
        writer.Write('\n');
    }

    private void WriteClientJobRows(TextWriter writer, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var job = Jobs[i];
            Csv.WriteRecord(writer, "\n",
            [
                job.JobId, job.ClientId, job.SiteCode, job.SiteName, job.ServiceType,
                job.ServiceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                job.Quantity.ToString(CultureInfo.InvariantCulture), job.UnitRate.ToString(CultureInfo.InvariantCulture),
                job.Amount.ToString(CultureInfo.InvariantCulture), job.Currency, job.Status, job.PoNumber ?? string.Empty, job.ContactEmail,
            ]);
        }
    }

    private static void WriteLedgerHeader(TextWriter writer)
    {
        writer.Write('\uFEFF');
        writer.Write(LedgerCsvHeader);
        writer.Write("\r\n");
    }

    private void WriteLedgerRows(TextWriter writer, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            Csv.WriteRecord(writer, "\r\n", Render(i).Fields());
        }
    }

    private static void WriteJson<T>(Stream stream, T value)
    {
        ArgumentNullException.ThrowIfNull(stream);
        JsonSerializer.Serialize(stream, value, GeneratorJson.Options);
        stream.WriteByte((byte)'\n');
    }

    private static string Text(Action<TextWriter> write)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        write(writer);
        return writer.ToString();
    }

    private static string Utf8(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }
}

/// <summary>The JSON form of the generator's outputs: camelCase, decimals as JSON numbers, dates as <c>yyyy-MM-dd</c>.</summary>
public static class GeneratorJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // files and an API, never embedded in HTML
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>RFC 4180 writing: a field is quoted when it holds a comma, a quote, a line break or edge whitespace.</summary>
internal static class Csv
{
    private static readonly SearchValues<char> Special = SearchValues.Create(",\"\r\n");

    public static void WriteRecord(TextWriter writer, string newLine, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            WriteField(writer, fields[i]);
        }

        writer.Write(newLine);
    }

    private static void WriteField(TextWriter writer, string value)
    {
        var needsQuotes = value.AsSpan().ContainsAny(Special)
            || (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])));
        if (!needsQuotes)
        {
            writer.Write(value);
            return;
        }

        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}

/// <summary>Writes one ledger line the way ERP exports do: job references, site names, descriptions, dates and amounts in many forms.</summary>
internal static class LedgerRenderer
{
    public static LedgerRow Render(LedgerLine line, SeededRandom rng, NoiseProfile noise, IWorldVocabulary world, GeneratedSite site, IReadOnlyList<string> descriptions)
    {
        var jobRef = line.JobRef is null || rng.Chance(noise.BlankJobRef) ? string.Empty
            : rng.Chance(noise.OtherJobRefForm) ? world.OtherJobRefForm(rng, line.JobRef)
            : line.JobRef;
        var customerSite = site.LedgerNames.Count > 1 && rng.Chance(noise.SiteVariant) ? site.LedgerNames[rng.Next(1, site.LedgerNames.Count)] : site.Name;
        var description = world.Describe(rng, line, noise, descriptions);
        var dateForm = rng.Chance(noise.NonIsoDate) ? rng.Between(1, 4) : 0;
        var dollars = rng.Chance(noise.DollarFormat);
        var parentheses = rng.Chance(noise.ParenthesisCredit);
        var currency = !rng.Chance(noise.CurrencyVariant) ? line.Currency
            : rng.Chance(0.5) ? line.Currency.ToLowerInvariant()
            : $" {line.Currency} ";
        var posted = rng.Chance(noise.BlankPostedDate) ? string.Empty : FormatDate(line.PostedDate, dateForm);

        return new LedgerRow(
            line.InvoiceNumber,
            line.LineNo.ToString(CultureInfo.InvariantCulture),
            jobRef,
            customerSite,
            description,
            FormatDate(line.ServiceDate, dateForm),
            FormatQuantity(line.Quantity, dollars),
            FormatAmount(line.UnitPrice, dollars, parentheses),
            FormatAmount(line.LineTotal, dollars, parentheses),
            currency,
            posted);
    }

    private static string FormatDate(DateOnly date, int form) => form switch
    {
        1 => date.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture),
        2 => date.ToString("M/d/yyyy", CultureInfo.InvariantCulture),
        3 => date.ToString("dd-MMM-yyyy", CultureInfo.InvariantCulture),
        4 => date.ToString("dd-MMM-yyyy", CultureInfo.InvariantCulture).ToUpperInvariant(),
        _ => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static string FormatQuantity(decimal quantity, bool twoDecimals) =>
        quantity.ToString(twoDecimals ? "0.00" : "0.##", CultureInfo.InvariantCulture);

    /// <summary><c>1250.00</c> or <c>$1,250.00</c>; a credit as <c>-250.00</c>, <c>(250.00)</c>, <c>-$250.00</c> or <c>($250.00)</c>.</summary>
    private static string FormatAmount(decimal amount, bool dollars, bool parentheses)
    {
        var magnitude = Math.Abs(amount);
        var text = dollars ? "$" + magnitude.ToString("#,##0.00", CultureInfo.InvariantCulture) : magnitude.ToString("0.00", CultureInfo.InvariantCulture);
        return amount >= 0 ? text : parentheses ? $"({text})" : $"-{text}";
    }
}
