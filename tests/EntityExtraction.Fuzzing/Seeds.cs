using EntityExtraction.Gazetteers;
using EntityExtraction.Model;
using EntityExtraction.Storage;

namespace EntityExtraction.Fuzzing;

/// <summary>
/// Writes the seed corpus from the current formats, so that the fuzzers start from valid inputs of this version
/// (a tiny model file, gazetteer lines, JSONL records, French text) instead of failing at the version check.
/// </summary>
internal static class Seeds
{
    public static void Write(string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, "model"));
        using (var file = File.Create(Path.Combine(folder, "model", "tiny.nermodel")))
            ModelFile.Write(TinyModel(), file);

        Directory.CreateDirectory(Path.Combine(folder, "model-payload"));
        using (var model = File.OpenRead(Path.Combine(folder, "model", "tiny.nermodel")))
            File.WriteAllBytes(Path.Combine(folder, "model-payload", "tiny.payload"), ResourceContainer.Read(model, ResourceKind.Model, ResourceLimits.Model, "tiny.nermodel").Payload);

        Directory.CreateDirectory(Path.Combine(folder, "model-image"));
        using (var image = new MemoryStream())
        {
            ModelImage.Write(TinyModel(), image);
            image.Position = 0;
            File.WriteAllBytes(Path.Combine(folder, "model-image", "tiny.payload"), ResourceContainer.Read(image, ResourceKind.Model, ResourceLimits.Model, "tiny image").Payload);
        }

        Directory.CreateDirectory(Path.Combine(folder, "gazetteer-image"));
        using (var image = new MemoryStream())
        {
            GazetteerResource.Write(image, Gazetteer.Create(
                [
                    new GazetteerEntry("Paris", EntityType.Location),
                    new GazetteerEntry("Banque de France", EntityType.Organization, null, ["BdF"], GazetteerMatchMode.IgnoreCase),
                    new GazetteerEntry("ONU", EntityType.Organization, "Organisation des Nations unies", [], GazetteerMatchMode.Exact),
                    new GazetteerEntry("Pékin", EntityType.Location, null, ["Beijing"], GazetteerMatchMode.IgnoreCaseAndAccents),
                ],
                new HashSet<string>(["orange"], StringComparer.Ordinal)));
            image.Position = 0;
            File.WriteAllBytes(Path.Combine(folder, "gazetteer-image", "small.payload"), ResourceContainer.Read(image, ResourceKind.Gazetteer, ResourceLimits.Gazetteer, "small image").Payload);
        }

        Directory.CreateDirectory(Path.Combine(folder, "gazetteer"));
        File.WriteAllText(Path.Combine(folder, "gazetteer", "sample.tsv"),
            "# comment\nParis\tLOC\nBanque de France\tORG\tBanque de France\tBDF|BdF\tIgnoreCase\nJean Dupont\tPER\n");

        Directory.CreateDirectory(Path.Combine(folder, "pseudonym-map"));
        File.WriteAllText(Path.Combine(folder, "pseudonym-map", "map.json"), """
            {"format":"EntityExtraction.PseudonymMap","version":1,"keyFingerprint":"none","counters":{"PER":2,"ORG":0,"LOC":0},
             "identities":[
              {"id":"PER_1","type":"PER","operator":"Tag","key":"Tag|PER|dupont|jean","surname":"dupont","given":"jean","initial":"j","bare":true,"nextVariant":3,
               "forms":[{"original":"Jean Dupont","pseudonym":"[PER_1]"},{"original":"Dupont","pseudonym":"[PER_1.2]"}]},
              {"id":"PER_2","type":"PER","operator":"Surrogate","key":"Surrogate|PER|leroy|martine","surname":"leroy","given":"martine","initial":"m",
               "surrogateGiven":"Agathe","surrogateSurname":"Picard","bare":false,"nextVariant":2,
               "forms":[{"original":"Martine Leroy","pseudonym":"Agathe Picard"}]}]}
            """);

        Directory.CreateDirectory(Path.Combine(folder, "jsonl"));
        File.WriteAllText(Path.Combine(folder, "jsonl", "records.jsonl"),
            "{\"id\":1,\"text\":\"Sylvain Rolland vit à Paris.\"}\n{\"id\":\"b\",\"text\":\"L'ONU et l'OTAN.\"}\n");

        Directory.CreateDirectory(Path.Combine(folder, "tokenizer"));
        File.WriteAllText(Path.Combine(folder, "tokenizer", "french.txt"),
            "M. Dupont a dit : « l'IA d’aujourd'hui » coûte 1 000,50 € le 07-12-2023 à Saint-Étienne… http://a.fr/x a@b.fr #tag\n");
    }

    private static ModelData TinyModel()
    {
        int labels = LabelSet.ForStandardTypes(LabelScheme.Bio).Count;
        var transitions = Enumerable.Range(0, (labels + 1) * labels).Select(i => i * 0.25f - 3f).ToArray();
        var lexicon = new Lexicon([(Lexicon.Fold(FeatureHash.LowerCase("paris")), LexiconFlags.Place)]);
        ulong[] keys = [FeatureHash.Combine(FeatureTemplate.Word, FeatureHash.LowerCase("paris")), FeatureHash.Combine(FeatureTemplate.Bias, 0)];
        var weights = Enumerable.Range(0, keys.Length * labels).Select(i => (i % 5) * 0.5f - 1f).ToArray();
        return new ModelData(LabelSet.Standard.Types, LabelScheme.Bio, ScoreNormalization.Global, 0.5f, transitions, lexicon, keys, weights);
    }
}
