using System.Text;
using System.Text.Json;
using EntityExtraction.Cli;
using EntityExtraction.Gazetteers;
using EntityExtraction.Model;
using EntityExtraction.Pseudonymization;
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
        ["model-image"] = ModelImagePayload,
        ["gazetteer-image"] = GazetteerImagePayload,
        ["gazetteer"] = GazetteerTsv,
        ["jsonl"] = JsonlRecords,
        ["tokenizer"] = Tokenizer,
        ["pseudonym-map"] = PseudonymMapJson,
    };

    private const string Sentence = "M. Jean Dupont, de la Banque de France, est arrivé à Paris avec l'ONU et Renault.";

    // NerModel.Load documents InvalidDataException for any corrupt, truncated or foreign file. A model it accepts must
    // then tag without any exception: a model image is read through pointers, so its checks are all that stands
    // between a damaged file and a read outside its memory.
    private static void Model(Stream stream)
    {
        NerModel model;
        try
        {
            model = NerModel.Load(stream);
        }
        catch (InvalidDataException)
        {
            return;
        }
        var tokens = FrenchTokenizer.Default.Tokenize(Sentence);
        model.Predict(Sentence, tokens, []);
    }

    // The bytes as the payload of a valid model image container (format 5, stored, right checksum): the mutations
    // reach the image's table checks and then the tagger's pointer reads.
    private static void ModelImagePayload(Stream stream)
    {
        using var payload = new MemoryStream();
        stream.CopyTo(payload);
        using var file = new MemoryStream();
        ResourceContainer.Write(file, ResourceKind.Model, ModelImage.FormatVersion, FeatureSchema.Version, null, payload.ToArray(), ResourceCompression.None);
        file.Position = 0;
        Model(file);
    }

    // The bytes as the payload of a valid gazetteer image container: accepted images must match without exception.
    private static void GazetteerImagePayload(Stream stream)
    {
        using var payload = new MemoryStream();
        stream.CopyTo(payload);
        using var file = new MemoryStream();
        ResourceContainer.Write(file, ResourceKind.Gazetteer, GazetteerResource.FormatVersion, 0, null, payload.ToArray(), ResourceCompression.None);
        Gazetteer gazetteer;
        try
        {
            gazetteer = GazetteerResource.ReadVerified(file.ToArray(), new HashSet<string>(["orange"], StringComparer.Ordinal), "fuzz.gazetteer");
        }
        catch (InvalidDataException)
        {
            return;
        }
        gazetteer.FindMatches(Sentence);
        _ = gazetteer.Entries.Count;
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
    // PseudonymMap.Load documents InvalidDataException for anything that is not a map of this version. A map it accepts
    // must save and load again to the same JSON, and restore any text (its own pseudonyms included) or refuse it with
    // InvalidDataException: a map is a file users keep and pass around.
    private static void PseudonymMapJson(Stream stream)
    {
        PseudonymMap map;
        try
        {
            map = PseudonymMap.Load(stream);
        }
        catch (InvalidDataException)
        {
            return;
        }
        string json = map.ToJson();
        if (PseudonymMap.FromJson(json).ToJson() != json)
            throw new InvalidOperationException("A loaded map does not save and load to the same JSON.");
        var text = new StringBuilder("Selon [PER_1], ");
        foreach (var entry in map.Entries)
        {
            foreach (var form in entry.Forms)
                text.Append(form.Pseudonym).Append(" et ");
        }
        try
        {
            map.Restore(text.ToString());
        }
        catch (InvalidDataException)
        {
        }
    }

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
