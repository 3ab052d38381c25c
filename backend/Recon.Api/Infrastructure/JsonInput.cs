using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Recon.Api.Infrastructure;

/// <summary>
/// What the API accepts as JSON (every endpoint and the client-jobs upload read with the same options): no property
/// the request type does not have, and no string PostgreSQL cannot store (a NUL character). Both are a 400 naming the
/// property; Wolverine answers JSON errors with the exception's message, so each message says what and where.
/// </summary>
public static partial class JsonInput
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.Converters.Add(new StorableStringConverter());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }

    /// <summary>The message of a JSON error, as the caller should read it: what is wrong, and at which property.</summary>
    public static string Describe(JsonException exception)
    {
        if (exception is RefusedJsonTextException)
        {
            return exception.Message;
        }

        var unknown = UnmappedProperty().Match(exception.Message);
        if (unknown.Success)
        {
            return $"Unknown property '{unknown.Groups["name"].Value}'{At(exception.Path)}: this request has no such field.";
        }

        return exception.Path is null ? "The request body is not valid JSON." : $"The request body is not valid JSON at {exception.Path}.";
    }

    /// <summary>Rewrites the detail of a JSON problem Wolverine wrote from the serializer's own message (which names .NET types).</summary>
    public static string? Reworded(string? detail)
    {
        if (detail is null)
        {
            return null;
        }

        var unknown = UnmappedProperty().Match(detail);
        if (unknown.Success)
        {
            return $"Unknown property '{unknown.Groups["name"].Value}': this request has no such field.";
        }

        var unconvertible = UnconvertibleValue().Match(detail);
        return unconvertible.Success ? $"The value at {unconvertible.Groups["path"].Value} is not of the expected type or form." : detail;
    }

    private static string At(string? path) => path is null or "$" ? "" : $" at {path}";

    [GeneratedRegex(@"^The JSON value could not be converted to \S+\. Path: (?<path>\S+) \|", RegexOptions.CultureInvariant)]
    private static partial Regex UnconvertibleValue();

    [GeneratedRegex(@"^The JSON property '(?<name>.*)' could not be mapped to any \.NET member contained in type '[^']*'\.", RegexOptions.CultureInvariant)]
    private static partial Regex UnmappedProperty();

    /// <summary>A string value (or property name) the API refuses; the serializer adds the path after it is thrown.</summary>
    private sealed class RefusedJsonTextException(string problem) : JsonException(problem)
    {
        public override string Message => $"The value{At(Path)} {base.Message}.";
    }

    /// <summary>
    /// Reads strings as usual and refuses a NUL character, which PostgreSQL cannot store in text or jsonb; invalid
    /// UTF-8 and unpaired surrogates, which the reader refuses anyway, get a message naming the property too.
    /// </summary>
    private sealed class StorableStringConverter : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Checked(ref reader);

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Checked(ref reader) ?? "";

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

        private static string? Checked(ref Utf8JsonReader reader)
        {
            if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
            {
                return reader.GetString();
            }

            string? value;
            try
            {
                value = reader.GetString();
            }
            catch (InvalidOperationException)
            {
                throw new RefusedJsonTextException("is not valid text (invalid UTF-8, or an unpaired surrogate escape)");
            }

            return value is not null && value.Contains('\0', StringComparison.Ordinal)
                ? throw new RefusedJsonTextException("holds a NUL character (U+0000), which cannot be stored")
                : value;
        }
    }
}
