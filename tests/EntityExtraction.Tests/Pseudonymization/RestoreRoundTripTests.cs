using CsCheck;
using EntityExtraction.Pseudonymization;

namespace EntityExtraction.Tests.Pseudonymization;

/// <summary>
/// The promise of the reversible operators, on random documents built from names, titles, elisions and punctuation:
/// the map gives back the original byte for byte, and every replacement's two spans hold its two texts.
/// </summary>
public class RestoreRoundTripTests
{
    private static readonly FrenchEntityExtractor Extractor = FrenchEntityExtractor.CreateDefault();
    private static readonly byte[] Key = Enumerable.Range(7, 32).Select(i => (byte)i).ToArray();

    private static readonly string[] Names =
    [
        "Jean Dupont", "Dupont", "J. Dupont", "Martine Leroy", "LEROY", "Paul Dupont", "Émilie Durand", "Hugo Lefèvre",
        "Abdelkader Benali", "Marie-Claire Ogier", "Ogier", "Jean-Marc de La Tour", "Yasmina Haddad", "Haddad",
    ];

    private static readonly string[] Fragments =
    [
        "M.", "Mme", "Dr", "d'", "l'", "qu'", "a dit", "à Paris", "selon", "et", "chez Renault", "le maire de Lyon", ",", ".", "!", "«", "»",
        "\n", "(", ")", "—", "avec", "la fondation", "[PER_", "...", "'",
    ];

    private static readonly Gen<string> Documents = Gen.Frequency(new (int, IGen<string>)[]
    {
        (3, TestGens.Element(Names)),
        (4, TestGens.Element(Fragments)),
    }).Array[1, 25].Select(parts => string.Join(' ', parts).Replace("' ", "'", StringComparison.Ordinal));

    [Theory]
    [InlineData(PseudonymizationOperator.Tag)]
    [InlineData(PseudonymizationOperator.Surrogate)]
    [InlineData(PseudonymizationOperator.Hash)]
    public void Restore_gives_back_every_random_document_byte_for_byte(PseudonymizationOperator op)
    {
        var options = new PseudonymizationOptions
        {
            Operators = new Dictionary<EntityType, PseudonymizationOperator> { [EntityType.Person] = op, [EntityType.Location] = op == PseudonymizationOperator.Surrogate ? PseudonymizationOperator.Tag : op },
            Key = Key,
        };
        Documents.Sample(text =>
        {
            var result = Extractor.Pseudonymize(text, options);
            foreach (var r in result.Replacements)
            {
                text.Substring(r.OriginalStart, r.OriginalLength).Should().Be(r.OriginalText);
                result.Text.Substring(r.Start, r.Length).Should().Be(r.Text);
            }
            if (!text.Contains("[PER_", StringComparison.Ordinal))
                result.IsReversible.Should().BeTrue("nothing in {0} looks like a pseudonym", text);
            if (result.IsReversible)
                PseudonymMap.FromJson(result.Map.ToJson()).Restore(result.Text).Should().Be(text);
        }, iter: 300);
    }

    [Fact]
    public void Successive_documents_sharing_one_map_all_restore_with_the_final_map()
    {
        var map = new PseudonymMap();
        var options = new PseudonymizationOptions { Operators = new Dictionary<EntityType, PseudonymizationOperator> { [EntityType.Person] = PseudonymizationOperator.Surrogate }, Map = map };
        var documents = new List<(string Original, string Pseudonymized)>();
        Documents.Sample(text =>
        {
            if (text.Contains("[PER_", StringComparison.Ordinal)) return;
            var result = Extractor.Pseudonymize(text, options);
            if (result.IsReversible) documents.Add((text, result.Text));
        }, iter: 100, threads: 1);

        documents.Should().HaveCountGreaterThan(50);
        foreach (var (original, pseudonymized) in documents)
            map.Restore(pseudonymized).Should().Be(original);
    }
}
