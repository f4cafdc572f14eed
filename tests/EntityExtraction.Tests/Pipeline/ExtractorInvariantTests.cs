using CsCheck;

namespace EntityExtraction.Tests.Pipeline;

/// <summary>
/// Properties of <see cref="FrenchEntityExtractor.Extract(string)"/> that must hold for any input, checked on random
/// text rich in names the model and the gazetteer know, connectors that join names, the punctuation the span
/// rules trim, and the characters that shift UTF-16 offsets.
/// </summary>
public class ExtractorInvariantTests
{
    private static readonly FrenchEntityExtractor Extractor = FrenchEntityExtractor.CreateDefault();

    private static readonly string[] Fragments =
    [
        // Names of every source: model-only, curated organisations and places, communes, first names, acronyms.
        "Paris", "Jean", "Dupont", "Emmanuel", "Macron", "IBM", "Meta", "Hugging", "Face", "CERN", "Nasa", "SNCF",
        "Lyon", "Saint-Étienne", "Caisse", "d'épargne", "Normandie", "Assemblée", "nationale", "fondation", "Linux",
        "Commissariat", "l'énergie", "atomique", "Renault", "Flins", "Marie", "Curie", "Nations", "unies", "Berkeley",
        // Connectors, descriptors and titles the span rules look at.
        "de", "du", "des", "d'", "l'", "la", "le", "Le", "La", "et", "contre", "les", "à", "société", "groupe", "M.",
        "Mme", "président", "ministre", "chez", "en", "grève", "selon", "Selon",
        // Punctuation that ends sentences or is trimmed from names.
        ".", ",", ";", ":", "...", "…", "!", "?", "«", "»", "(", ")", "\"", "-", "—", "'", "’",
        // Characters that shift offsets or break lines.
        " ", " ", " ", "\u00A0", "\u202F", "\t", "\n", "\n\n", "\r\n", "e\u0301", "😀", "👩‍💻", "\uD800", "\uDC00", "\u200B",
        "2023", "1er", "12h30", "http://a.fr/x", "a@b.fr", "ÉTATS-UNIS", "PARIS",
    ];

    private static readonly Gen<string> Texts = TestGens.Element(Fragments)
        .Array[0, 60]
        .Select(parts => string.Join(string.Empty, parts.Select((p, i) => i % 3 == 2 ? p : p + " ")));

    [Fact]
    public void Entities_are_valid_spans_of_the_input_for_random_text()
    {
        Texts.Sample(text =>
        {
            var entities = Extractor.Extract(text);
            for (int i = 0; i < entities.Count; i++)
            {
                var e = entities[i];
                e.Start.Should().BeGreaterThanOrEqualTo(0);
                e.Length.Should().BePositive();
                e.End.Should().BeLessThanOrEqualTo(text.Length);
                e.Text.Should().Be(text.Substring(e.Start, e.Length));
                char.IsWhiteSpace(e.Text[0]).Should().BeFalse("an entity never starts with a space: '{0}'", e.Text);
                char.IsWhiteSpace(e.Text[^1]).Should().BeFalse("an entity never ends with a space: '{0}'", e.Text);
                float.IsNaN(e.Confidence).Should().BeFalse();
                e.Confidence.Should().BeInRange(0f, 1f);
                Enum.IsDefined(e.Type).Should().BeTrue();
                if (e.CanonicalName is not null) e.CanonicalName.Should().NotBeNullOrWhiteSpace();
                if (e.Source == EntitySource.Gazetteer && e.CanonicalName is null)
                {
                    // Only the document-level vote takes a gazetteer hit away from its entry's type, and it needs
                    // another mention of the name to do so.
                    entities.Count(other => string.Equals(other.Text, e.Text, StringComparison.OrdinalIgnoreCase))
                        .Should().BeGreaterThan(1, "gazetteer hit '{0}' lost its canonical name without another mention", e.Text);
                }
                if (i > 0) e.Start.Should().BeGreaterThanOrEqualTo(entities[i - 1].End, "entities are in order and never overlap");
            }
            Extractor.Extract(text).Should().Equal(entities, "extraction is deterministic");
        }, iter: 3_000);
    }

    [Fact]
    public void Random_text_yields_entities_so_the_invariants_are_exercised()
    {
        // Guards the test above against a generator that never produces a name.
        int withEntities = 0;
        Texts.Sample(text =>
        {
            if (Extractor.Extract(text).Count > 0) Interlocked.Increment(ref withEntities);
        }, iter: 300, threads: 1);
        withEntities.Should().BeGreaterThan(100);
    }
}
