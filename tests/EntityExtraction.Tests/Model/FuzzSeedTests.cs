using EntityExtraction.Gazetteers;
using EntityExtraction.Model;

namespace EntityExtraction.Tests.Model;

/// <summary>
/// The fuzzers' seed corpus (tests/EntityExtraction.Fuzzing/seeds, written by <c>EntityExtraction.Fuzzing --seeds</c>)
/// must be valid input of this version: a seed refused at the version check would leave the fuzzer exploring only
/// the first bytes of the format. When a format changes, regenerate the seeds.
/// </summary>
public class FuzzSeedTests
{
    private static string Seed(string target, string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "EntityExtraction.Fuzzing", "seeds", target, file);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"seed {target}/{file} not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void The_model_seed_loads_with_this_version()
    {
        using var stream = File.OpenRead(Seed("model", "tiny.nermodel"));

        var model = NerModel.Load(stream);

        model.Info.FeatureSchemaVersion.Should().Be(FeatureSchema.Version);
        model.Info.FormatVersion.Should().Be(ModelFile.FormatVersion);
    }

    [Fact]
    public void The_image_seeds_are_payloads_of_this_version_that_load()
    {
        using var model = new MemoryStream();
        EntityExtraction.Storage.ResourceContainer.Write(model, EntityExtraction.Storage.ResourceKind.Model, ModelImage.FormatVersion, FeatureSchema.Version, null,
            File.ReadAllBytes(Seed("model-image", "tiny.payload")), EntityExtraction.Storage.ResourceCompression.None);
        using var gazetteer = new MemoryStream();
        EntityExtraction.Storage.ResourceContainer.Write(gazetteer, EntityExtraction.Storage.ResourceKind.Gazetteer, GazetteerResource.FormatVersion, 0, null,
            File.ReadAllBytes(Seed("gazetteer-image", "small.payload")), EntityExtraction.Storage.ResourceCompression.None);

        NerModel.Load(new MemoryStream(model.ToArray())).Info.FormatVersion.Should().Be(ModelImage.FormatVersion);
        GazetteerResource.ReadVerified(gazetteer.ToArray(), new HashSet<string>(), "seed").FindMatches("La Banque de France à Paris.").Should().HaveCount(2);
    }

    [Fact]
    public void The_gazetteer_seed_loads()
    {
        Gazetteer.LoadTsv(Seed("gazetteer", "sample.tsv")).Count.Should().Be(3);
    }

    [Fact]
    public void The_pseudonym_map_seed_loads_and_restores_its_own_pseudonyms()
    {
        using var file = File.OpenRead(Seed("pseudonym-map", "map.json"));
        var map = EntityExtraction.Pseudonymization.PseudonymMap.Load(file);

        map.Entries.Select(e => e.Identifier).Should().Equal("PER_1", "PER_2");
        map.Restore("[PER_1], [PER_1.2] et Agathe Picard.").Should().Be("Jean Dupont, Dupont et Martine Leroy.");
    }
}
