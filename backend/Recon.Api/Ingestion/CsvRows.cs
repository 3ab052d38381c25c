using System.Text;
using System.Text.Unicode;

namespace Recon.Api.Ingestion;

/// <summary>
/// A CSV data row: the file line it starts on (the header is line 1), its fields, whether its quoting was broken, and
/// whether a field was longer than <see cref="CsvFile.MaxFieldLength"/> (such a field is cut there, never read whole).
/// </summary>
public sealed record CsvRow(long Line, string[] Fields, bool Malformed, bool Oversized = false);

/// <summary>The file is not text a CSV can hold: a NUL character, or bytes that are not UTF-8, on this line.</summary>
public sealed class CsvTextException(long line, string message) : Exception(message)
{
    public long Line { get; } = line;
}

/// <summary>
/// Streams an RFC 4180 CSV file row by row — UTF-8 with or without BOM, CRLF or LF, quoted fields holding commas,
/// quotes (<c>""</c>) and line breaks — never holding the whole file in memory.
/// </summary>
public sealed class CsvFile : IDisposable
{
    /// <summary>The longest field kept: no column of either source comes near it; a longer one rejects its row.</summary>
    public const int MaxFieldLength = 4096;

    private const int SniffBytes = 8192;

    /// <summary>
    /// A byte sequence that is not UTF-8 decodes to the noncharacter U+FFFF (never in real text) instead of U+FFFD,
    /// so the reader stops on it and names its line — an exception thrown by the decoder would come a buffer early.
    /// </summary>
    private const char NotUtf8 = '\uFFFF';

    private static readonly Encoding StrictUtf8 = Encoding.GetEncoding("utf-8", EncoderFallback.ExceptionFallback, new DecoderReplacementFallback(NotUtf8.ToString()));

    private readonly TextReader _reader;
    private readonly StringBuilder _field = new();
    private long _line = 1;
    private bool _oversized;

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

    public static CsvFile Open(Stream stream) => Open(new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true));

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

    private int Read()
    {
        var c = _reader.Read();
        return c switch
        {
            0 => throw new CsvTextException(_line, "it holds a NUL character (a binary file, or text saved as UTF-16?); save it as UTF-8 CSV."),
            NotUtf8 => throw new CsvTextException(_line, "it holds bytes that are not UTF-8 text; save the file as UTF-8 CSV."),
            _ => c,
        };
    }

    private void Append(char c)
    {
        if (_field.Length < MaxFieldLength)
        {
            _field.Append(c);
        }
        else
        {
            _oversized = true;
        }
    }

    private CsvRow? ReadRow()
    {
        _oversized = false;
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
            var c = Read();
            if (c < 0)
            {
                malformed |= inQuotes;
                fields.Add(_field.ToString());
                return new CsvRow(startLine, [.. fields], malformed, _oversized);
            }

            if (inQuotes)
            {
                if (c == '"')
                {
                    if (_reader.Peek() == '"')
                    {
                        Read();
                        Append('"');
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

                    Append((char)c);
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
                    Append('"');
                    break;
                case '\r' when _reader.Peek() == '\n':
                    break;
                case '\r' or '\n':
                    _line++;
                    fields.Add(_field.ToString());
                    return new CsvRow(startLine, [.. fields], malformed, _oversized);
                default:
                    if (quotedField)
                    {
                        malformed = true;
                    }

                    Append((char)c);
                    break;
            }
        }
    }
}
