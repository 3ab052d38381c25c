using System.Text;
using System.Text.Unicode;

namespace Recon.Api.Ingestion;

/// <summary>A CSV data row: the file line it starts on (the header is line 1), its fields, and whether its quoting was broken.</summary>
public sealed record CsvRow(long Line, string[] Fields, bool Malformed);

/// <summary>
/// Streams an RFC 4180 CSV file row by row — UTF-8 with or without BOM, CRLF or LF, quoted fields holding commas,
/// quotes (<c>""</c>) and line breaks — never holding the whole file in memory.
/// </summary>
public sealed class CsvFile : IDisposable
{
    private const int SniffBytes = 8192;

    private readonly TextReader _reader;
    private readonly StringBuilder _field = new();
    private long _line = 1;

    private CsvFile(TextReader reader) => _reader = reader;

    /// <summary>The header row; empty when the file has no line at all.</summary>
    public IReadOnlyList<string> Header { get; private set; } = [];

    /// <summary>Whether the start of the stream looks like text (no NUL bytes, valid UTF-8). Rewinds the stream.</summary>
    public static async Task<bool> LooksLikeTextAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[SniffBytes];
        var read = await stream.ReadAtLeastAsync(buffer, SniffBytes, throwOnEndOfStream: false, cancellationToken);
        stream.Position = 0;
        var sample = buffer.AsSpan(0, read);
        if (sample.Contains((byte)0))
        {
            return false;
        }

        // A multi-byte character may be cut at the end of a full sample: only the bytes before it must be valid.
        var checkedLength = read == SniffBytes ? read - 4 : read;
        return Utf8.IsValid(sample[..checkedLength]);
    }

    public static CsvFile Open(Stream stream) => Open(new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true));

    public static CsvFile Open(TextReader reader)
    {
        var file = new CsvFile(reader);
        while (file.ReadRow() is { } header)
        {
            if (header.Fields.Length > 1 || header.Fields[0].Length > 0)
            {
                file.Header = header.Fields;
                break;
            }
        }

        return file;
    }

    /// <summary>The data rows after the header; blank lines are skipped.</summary>
    public IEnumerable<CsvRow> Rows()
    {
        if (Header.Count == 0)
        {
            yield break;
        }

        while (ReadRow() is { } row)
        {
            if (row.Fields.Length == 1 && row.Fields[0].Length == 0 && !row.Malformed)
            {
                continue;
            }

            yield return row;
        }
    }

    public void Dispose() => _reader.Dispose();

    private CsvRow? ReadRow()
    {
        var next = _reader.Peek();
        if (next < 0)
        {
            return null;
        }

        var startLine = _line;
        var fields = new List<string>();
        var malformed = false;
        _field.Clear();
        var inQuotes = false;
        var quotedField = false;
        while (true)
        {
            var c = _reader.Read();
            if (c < 0)
            {
                malformed |= inQuotes;
                fields.Add(_field.ToString());
                return new CsvRow(startLine, [.. fields], malformed);
            }

            if (inQuotes)
            {
                if (c == '"')
                {
                    if (_reader.Peek() == '"')
                    {
                        _reader.Read();
                        _field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        _line++;
                    }

                    _field.Append((char)c);
                }

                continue;
            }

            switch (c)
            {
                case ',':
                    fields.Add(_field.ToString());
                    _field.Clear();
                    quotedField = false;
                    break;
                case '"' when _field.Length == 0 && !quotedField:
                    inQuotes = true;
                    quotedField = true;
                    break;
                case '"':
                    malformed = true; // a quote inside an unquoted field, or text after a closing quote
                    _field.Append('"');
                    break;
                case '\r' when _reader.Peek() == '\n':
                    break;
                case '\r' or '\n':
                    _line++;
                    fields.Add(_field.ToString());
                    return new CsvRow(startLine, [.. fields], malformed);
                default:
                    if (quotedField)
                    {
                        malformed = true;
                    }

                    _field.Append((char)c);
                    break;
            }
        }
    }
}
