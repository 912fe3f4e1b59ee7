using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace OneArmDesigner.Domain.Documents;

/// <summary>
/// JSON text from bytes, decoded strictly: UTF-8 or nothing. A byte that is not UTF-8 is reported with its offset and
/// the JSON path it sits in, instead of being replaced by U+FFFD and stored as if the sender had meant it.
/// </summary>
public static class JsonText
{
    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    public static bool TryDecode(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out DocumentProblem? problem)
    {
        // A leading byte-order mark is UTF-8's own signature, not content; editors on Windows add it.
        var skipped = bytes.StartsWith(ByteOrderMark) ? ByteOrderMark.Length : 0;
        var content = bytes[skipped..];
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(content.Length, 1));
        try
        {
            var status = Utf8.ToUtf16(content, chars, out var read, out var written, replaceInvalidSequences: false);
            if (status == OperationStatus.Done)
            {
                text = new string(chars, 0, written);
                problem = null;
                return true;
            }

            var offset = skipped + read;
            text = null;
            problem = new DocumentProblem(PathAt(bytes[..offset]),
                $"is not UTF-8 text: the byte at offset {offset} (0x{bytes[offset]:X2}) cannot start or continue a UTF-8 character; send the document as UTF-8");
            return false;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Decodes, or returns the problem as a failed load: the loader's answer for bytes that are not text.</summary>
    public static DesignLoadResult Load(ReadOnlySpan<byte> bytes) =>
        TryDecode(bytes, out var text, out var problem) ? DesignDocument.Load(text) : new DesignLoadResult(null, [problem]);

    /// <summary>
    /// The JSON path of whatever follows <paramref name="prefix"/>: the property or array element being written when
    /// the text stopped being readable. "$" when it is the document itself.
    /// </summary>
    public static string PathAt(ReadOnlySpan<byte> prefix)
    {
        var frames = new List<Frame>();
        var reader = new Utf8JsonReader(prefix, isFinalBlock: false, new JsonReaderState(new JsonReaderOptions { MaxDepth = 1024 }));
        try
        {
            while (reader.Read())
            {
                var top = frames.Count > 0 ? frames[^1] : null;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        top!.Property = reader.GetString();
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        top?.StartValue();
                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        if (frames.Count > 0)
                        {
                            frames[^1].EndValue();
                        }

                        break;
                    default:
                        top?.StartValue();
                        top?.EndValue();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // The prefix is not JSON either: the path read so far is still the best answer.
        }

        return Format(frames);
    }

    private static string Format(List<Frame> frames)
    {
        var path = new StringBuilder();
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames[i];
            var innermost = i == frames.Count - 1;
            if (frame.IsArray)
            {
                // Inside an enclosing array the open element is the last one started; at the end, the next one.
                path.Append('[').Append(innermost ? frame.Count : frame.Count - 1).Append(']');
            }
            else if (frame.Property is { } property)
            {
                path.Append(path.Length == 0 ? "" : ".").Append(property);
            }
            else if (!innermost)
            {
                break;
            }
        }

        return path.Length == 0 ? "$" : path.ToString();
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;

        /// <summary>In an array: how many elements have started.</summary>
        public int Count { get; private set; }

        /// <summary>In an object: the property whose value is being read, until that value ends.</summary>
        public string? Property { get; set; }

        public void StartValue()
        {
            if (IsArray)
            {
                Count++;
            }
        }

        public void EndValue()
        {
            if (!IsArray)
            {
                Property = null;
            }
        }
    }
}
