namespace Recon.Domain.Ingestion;

public enum RecordSource
{
    ClientJobs,
    LedgerLines,
}

/// <summary>The columns a source's CSV must have, the optional ones, and the personal-data columns dropped on read.</summary>
public sealed record SourceSchema(RecordSource Source, IReadOnlyList<string> Required, IReadOnlyList<string> Optional, IReadOnlyList<string> Personal)
{
    public static readonly SourceSchema ClientJobs = new(
        RecordSource.ClientJobs,
        ["job_id", "client_id", "site_name", "service_type", "service_date", "quantity", "unit_rate", "amount", "currency", "status"],
        ["site_code", "po_number"],
        ["contact_email"]);

    public static readonly SourceSchema LedgerLines = new(
        RecordSource.LedgerLines,
        ["invoice_number", "line_no", "customer_site", "description", "service_date", "qty", "unit_price", "line_total", "currency"],
        ["job_ref", "posted_date"],
        []);

    public IEnumerable<string> Known => Required.Concat(Optional).Concat(Personal);
}

/// <summary>Where a header row's columns land: canonical column name → index in the row.</summary>
public sealed record HeaderMap(IReadOnlyDictionary<string, int> Columns)
{
    /// <summary>
    /// Maps a file's header row to the schema's columns. Headers match case- and space-insensitively, directly or
    /// through the source's configured aliases ("Job Reference" → <c>job_ref</c>). Fails naming every missing column.
    /// </summary>
    public static HeaderMapResult Resolve(IReadOnlyList<string> headers, SourceSchema schema, IReadOnlyDictionary<string, string>? aliases = null)
    {
        var canonicalByKey = schema.Known.ToDictionary(Key, name => name, StringComparer.Ordinal);
        foreach (var (alias, canonical) in aliases ?? new Dictionary<string, string>())
        {
            canonicalByKey[Key(alias)] = canonical;
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var duplicates = new List<string>();
        for (var index = 0; index < headers.Count; index++)
        {
            if (canonicalByKey.TryGetValue(Key(headers[index]), out var canonical) && !columns.TryAdd(canonical, index))
            {
                duplicates.Add(canonical);
            }
        }

        var missing = schema.Required.Where(name => !columns.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            return new HeaderMapResult(null, $"The header row lacks required column(s): {string.Join(", ", missing)}. Expected: {string.Join(",", schema.Required.Concat(schema.Optional))}.");
        }

        if (duplicates.Count > 0)
        {
            return new HeaderMapResult(null, $"The header row names column(s) more than once: {string.Join(", ", duplicates.Distinct())}.");
        }

        return new HeaderMapResult(new HeaderMap(columns), null);
    }

    public string? Value(IReadOnlyList<string> row, string column) =>
        Columns.TryGetValue(column, out var index) && index < row.Count ? row[index] : null;

    private static string Key(string header) =>
        string.Concat(header.Trim().TrimStart('\uFEFF').ToLowerInvariant().Where(char.IsLetterOrDigit));
}

public sealed record HeaderMapResult(HeaderMap? Map, string? Error);
