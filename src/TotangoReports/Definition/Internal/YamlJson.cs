using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TotangoReports.Definition.Internal;

/// <summary>
/// A YAML node as JSON, for parts of a definition that are passed to the API as written (Search API terms and
/// fields). Plain scalars that read as JSON numbers, booleans or null keep that type; everything else is text.
/// </summary>
internal static class YamlJson
{
    public static string ToJson(YamlNode node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, node);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node.Kind)
        {
            case YamlNodeKind.Mapping:
                writer.WriteStartObject();
                foreach (var (key, value) in node.Entries)
                {
                    writer.WritePropertyName(key.Value);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case YamlNodeKind.Sequence:
                writer.WriteStartArray();
                foreach (var item in node.Items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                WriteScalar(writer, node);
                break;
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, YamlNode node)
    {
        if (node.IsQuoted)
        {
            writer.WriteStringValue(node.Value);
        }
        else if (node.IsNull)
        {
            writer.WriteNullValue();
        }
        else if (node.Value is "true" or "false")
        {
            writer.WriteBooleanValue(node.Value == "true");
        }
        else if (IsJsonNumber(node.Value))
        {
            writer.WriteRawValue(node.Value);
        }
        else
        {
            writer.WriteStringValue(node.Value);
        }
    }

    // Only what JSON itself accepts as a number, so "007" or "1e" stay text.
    private static bool IsJsonNumber(string text) =>
        text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] == '-') &&
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out _) &&
        !(text.Length > 1 && text[0] == '0' && char.IsAsciiDigit(text[1])) &&
        !text.EndsWith('.');
}
