using System.Text;
using System.Text.Json;
using EntityExtraction.Cli;
using EntityExtraction.Gazetteers;
using EntityExtraction.Model;
using EntityExtraction.Storage;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Fuzzing;

/// <summary>
/// The fuzzing targets: each reads untrusted bytes the way the library or the tool does. The exceptions a target's
/// contract documents for bad input are caught; any other exception, a hang or a crash is a finding.
/// </summary>
internal static class Targets
{
    public static readonly Dictionary<string, Action<Stream>> All = new()
    {
        ["model"] = Model,
        ["model-payload"] = ModelPayload,
        ["gazetteer"] = GazetteerTsv,
        ["jsonl"] = JsonlRecords,
        ["tokenizer"] = Tokenizer,
    };

    // NerModel.Load documents InvalidDataException for any corrupt, truncated or foreign file.
    private static void Model(Stream stream)
    {
        try
        {
            NerModel.Load(stream);
        }
        catch (InvalidDataException)
        {
        }
    }

    // The bytes as the payload of a valid container (right magic, versions and checksum): the mutations reach the
    // model's own reader — counts, lengths, label schemes, clusters — instead of stopping at the checksum.
    private static void ModelPayload(Stream stream)
    {
        using var payload = new MemoryStream();
        stream.CopyTo(payload);
        using var file = new MemoryStream();
        ResourceContainer.Write(file, ResourceKind.Model, ModelFile.FormatVersion, FeatureSchema.Version, null, payload.ToArray(), ResourceCompression.None);
        file.Position = 0;
        Model(file);
    }

    // Gazetteer.LoadTsv documents GazetteerFormatException for a malformed line.
    private static void GazetteerTsv(Stream stream)
    {
        try
        {
            Gazetteer.FromEntries(EntityExtraction.Gazetteers.GazetteerTsv.ReadUtf8(stream, "fuzz.tsv")).FindMatches("Le Paris de Jean Dupont et la Banque de France.");
        }
        catch (GazetteerFormatException)
        {
        }
    }

    // extract --input-format jsonl: strict UTF-8 lines, then one record per line; both refusals are InvalidDataException
    // (line too long, not UTF-8) and FormatException / JsonException (not a record).
    private static void JsonlRecords(Stream stream)
    {
        try
        {
            foreach (var (number, line) in Utf8LineReader.ReadUtf8(stream, 1 << 20, (n, problem) => new InvalidDataException($"{n}: {problem}")))
            {
                try
                {
                    var (_, text) = ExtractCommand.ParseRecord(line);
                    FrenchTokenizer.Default.Tokenize(text);
                }
                catch (Exception e) when (e is FormatException or JsonException)
                {
                }
            }
        }
        catch (InvalidDataException)
        {
        }
    }

    // Any text: the tokenizer has no bad input; its tokens must cover the text in order, within its bounds.
    private static void Tokenizer(Stream stream)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false));
        string text = reader.ReadToEnd();
        var tokens = FrenchTokenizer.Default.Tokenize(text);
        int previousEnd = 0;
        foreach (var token in tokens)
        {
            if (token.Start < previousEnd || token.Length <= 0 || token.End > text.Length)
                throw new InvalidOperationException($"token [{token.Start}, {token.End}) breaks the order or the bounds (text length {text.Length})");
            previousEnd = token.End;
        }
    }
}
