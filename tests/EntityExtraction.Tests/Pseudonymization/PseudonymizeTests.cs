using EntityExtraction.Pseudonymization;

namespace EntityExtraction.Tests.Pseudonymization;

/// <summary>
/// <see cref="FrenchEntityExtractor.Pseudonymize"/> on the default model: which names go, how their mentions are
/// linked, what each operator writes, and that the map gives the original back. The expected texts were checked by
/// hand against the sentences (every person named is a person, the places and the company stay).
/// </summary>
public class PseudonymizeTests
{
    private static readonly FrenchEntityExtractor Extractor = FrenchEntityExtractor.CreateDefault();
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] OtherKey = Enumerable.Range(101, 32).Select(i => (byte)i).ToArray();

    private const string Article =
        "Jean Dupont, directeur de l'usine, a rencontré Mme Martine Leroy mardi. M. Dupont a déclaré à Martine Leroy que " +
        "l'usine fermerait. Selon J. Dupont, la décision vient d'Emmanuel Macron. Paul Dupont, son frère, a quitté Lyon " +
        "pour Paris. L'entreprise Renault n'a pas commenté.";

    private static PseudonymizationOptions PersonsAs(PseudonymizationOperator op, PseudonymMap? map = null, byte[]? key = null) => new()
    {
        Operators = new Dictionary<EntityType, PseudonymizationOperator> { [EntityType.Person] = op },
        Map = map,
        Key = key,
    };

    [Fact]
    public void Tags_replace_persons_in_order_of_first_appearance_and_leave_places_and_companies()
    {
        var result = Extractor.Pseudonymize(Article, PseudonymizationOptions.Default);

        result.Text.Should().Be(
            "[PER_1], directeur de l'usine, a rencontré Mme [PER_2] mardi. M. [PER_1.2] a déclaré à [PER_2] que " +
            "l'usine fermerait. Selon [PER_1.3], la décision vient d'[PER_3]. [PER_4], son frère, a quitté Lyon " +
            "pour Paris. L'entreprise Renault n'a pas commenté.");
        result.Replacements.Select(r => r.Identifier).Should().Equal("PER_1", "PER_2", "PER_1", "PER_2", "PER_1", "PER_3", "PER_4");
        result.IsReversible.Should().BeTrue();
    }

    [Fact]
    public void Full_name_title_initial_and_surname_alone_are_one_person_but_a_namesake_with_another_first_name_is_not()
    {
        var result = Extractor.Pseudonymize(Article, PseudonymizationOptions.Default);

        var dupont = result.Replacements.Where(r => r.OriginalText.Contains("Dupont") && !r.OriginalText.StartsWith("Paul", StringComparison.Ordinal)).ToList();
        dupont.Select(r => r.OriginalText).Should().Equal("Jean Dupont", "Dupont", "J. Dupont");
        dupont.Select(r => r.Identifier).Distinct().Should().ContainSingle();
        result.Replacements.Single(r => r.OriginalText == "Paul Dupont").Identifier.Should().NotBe(dupont[0].Identifier);
        result.Text.Should().Contain("M. [PER_1.2]", "the title stays outside the name").And.Contain("d'[PER_3]", "the elision stays");
    }

    [Fact]
    public void Every_replacement_gives_its_span_in_both_texts()
    {
        var result = Extractor.Pseudonymize(Article, PersonsAs(PseudonymizationOperator.Surrogate));

        result.Replacements.Should().NotBeEmpty();
        foreach (var r in result.Replacements)
        {
            Article.Substring(r.OriginalStart, r.OriginalLength).Should().Be(r.OriginalText);
            result.Text.Substring(r.Start, r.Length).Should().Be(r.Text);
        }
    }

    [Theory]
    [InlineData(PseudonymizationOperator.Tag)]
    [InlineData(PseudonymizationOperator.Surrogate)]
    [InlineData(PseudonymizationOperator.Hash)]
    public void Reversible_operators_restore_the_original_byte_for_byte_through_the_map_saved_and_loaded(PseudonymizationOperator op)
    {
        var result = Extractor.Pseudonymize(Article, PersonsAs(op, key: Key));
        var loaded = PseudonymMap.FromJson(result.Map.ToJson());

        result.IsReversible.Should().BeTrue();
        result.Text.Should().NotContain("Dupont").And.NotContain("Leroy").And.NotContain("Macron");
        Extractor.Restore(result.Text, loaded).Should().Be(Article);
    }

    [Fact]
    public void Mask_keeps_the_first_letter_of_each_word_and_redact_writes_an_ellipsis_and_neither_is_reversible()
    {
        var masked = Extractor.Pseudonymize(Article, PersonsAs(PseudonymizationOperator.Mask));
        var redacted = Extractor.Pseudonymize(Article, PersonsAs(PseudonymizationOperator.Redact));

        masked.Text.Should().StartWith("J*** D*****, directeur").And.Contain("Mme M****** L**** mardi").And.Contain("Selon J. D*****,");
        redacted.Text.Should().StartWith("[…], directeur").And.Contain("M. […] a déclaré");
        masked.IsReversible.Should().BeFalse();
        redacted.Replacements.Should().OnlyContain(r => !r.IsReversible && r.Identifier == null);
        masked.Map.Count.Should().Be(0, "one-way operators leave nothing to restore");
        masked.Map.Restore(masked.Text).Should().Be(masked.Text);
    }

    [Fact]
    public void Surrogates_keep_shape_gender_capitals_and_first_sound_and_are_no_word_of_the_document()
    {
        const string text = "Martine LEROY et Émilie Martin ont vu Jean Dupont. Le témoignage d'Émilie Martin compte. LEROY a parlé.";
        var result = Extractor.Pseudonymize(text, PersonsAs(PseudonymizationOperator.Surrogate));
        var names = PersonNameLexicon.Default;
        var words = PseudonymizationTestText.Words(text);

        var byOriginal = result.Replacements.GroupBy(r => r.OriginalText).ToDictionary(g => g.Key, g => g.Select(r => r.Text).Distinct().Single());
        byOriginal.Keys.Should().BeEquivalentTo(["Martine LEROY", "Émilie Martin", "Jean Dupont", "LEROY"]);
        string[] martine = byOriginal["Martine LEROY"].Split(' ');
        names.GenderOf(martine[0]).Should().Be(PersonNameKind.FeminineFirstName);
        martine[1].Should().Be(martine[1].ToUpperInvariant(), "an upper-case surname stays upper case");
        byOriginal["LEROY"].Should().Be(martine[1], "the surname alone is the same person's surname");
        names.GenderOf(byOriginal["Jean Dupont"].Split(' ')[0]).Should().Be(PersonNameKind.MasculineFirstName);
        PersonNameLexicon.InitialSoundOf(byOriginal["Émilie Martin"]).Should().Be(InitialSound.Vowel, "d'Émilie stays elided before the surrogate");
        PseudonymizationTestText.Words(string.Join(' ', byOriginal.Values)).Should().NotIntersectWith(words);
    }

    [Fact]
    public void The_same_input_options_and_key_give_the_same_output_and_another_key_other_surrogates()
    {
        var first = Extractor.Pseudonymize(Article, PersonsAs(PseudonymizationOperator.Surrogate, key: Key));
        var again = Extractor.Pseudonymize(Article, PersonsAs(PseudonymizationOperator.Surrogate, key: Key));
        var otherKey = Extractor.Pseudonymize(Article, PersonsAs(PseudonymizationOperator.Surrogate, key: OtherKey));

        again.Text.Should().Be(first.Text);
        again.Map.ToJson().Should().Be(first.Map.ToJson());
        otherKey.Text.Should().NotBe(first.Text);
    }

    [Fact]
    public void Hashes_with_one_key_are_shared_by_two_documents_without_a_shared_map()
    {
        var first = Extractor.Pseudonymize("Hier, Jean Dupont a parlé à Lyon.", PersonsAs(PseudonymizationOperator.Hash, key: Key));
        var second = Extractor.Pseudonymize("La veuve de Paul Martin a salué Jean Dupont.", PersonsAs(PseudonymizationOperator.Hash, key: Key));
        var otherKey = Extractor.Pseudonymize("Hier, Jean Dupont a parlé à Lyon.", PersonsAs(PseudonymizationOperator.Hash, key: OtherKey));

        string pseudonym = first.Replacements.Single().Text;
        pseudonym.Should().MatchRegex(@"^\[PER_[0-9a-f]{8}\]$");
        second.Replacements.Single(r => r.OriginalText == "Jean Dupont").Text.Should().Be(pseudonym);
        otherKey.Replacements.Single().Text.Should().NotBe(pseudonym);
    }

    [Fact]
    public void A_map_passed_to_successive_calls_keeps_its_pseudonyms_and_numbers()
    {
        var map = new PseudonymMap();
        var first = Extractor.Pseudonymize("Jean Dupont a rencontré Martine Leroy à Lyon.", PersonsAs(PseudonymizationOperator.Tag, map));
        var second = Extractor.Pseudonymize("Paul Martin a succédé à Jean Dupont.", PersonsAs(PseudonymizationOperator.Tag, map));

        first.Text.Should().Be("[PER_1] a rencontré [PER_2] à Lyon.");
        second.Text.Should().Be("[PER_3] a succédé à [PER_1].");
        second.Map.Should().BeSameAs(map);
        map.Entries.Select(e => e.Identifier).Should().Equal("PER_1", "PER_2", "PER_3");
        map.Restore(first.Text + "\n" + second.Text).Should().Be("Jean Dupont a rencontré Martine Leroy à Lyon.\nPaul Martin a succédé à Jean Dupont.");
    }

    [Fact]
    public void A_map_is_refused_with_another_key_and_a_text_with_a_tag_it_does_not_know_is_refused_by_restore()
    {
        var result = Extractor.Pseudonymize(Article, PersonsAs(PseudonymizationOperator.Hash, key: Key));

        var otherKey = () => Extractor.Pseudonymize(Article, PersonsAs(PseudonymizationOperator.Hash, result.Map, OtherKey));
        var noKey = () => Extractor.Pseudonymize(Article, PersonsAs(PseudonymizationOperator.Tag, result.Map));
        var foreign = () => result.Map.Restore("Selon [PER_7], rien.");

        otherKey.Should().Throw<ArgumentException>().WithMessage($"*made with another key (fingerprint {result.Map.KeyFingerprint}*");
        noKey.Should().Throw<ArgumentException>().WithMessage("*made with a key*this call gives none*");
        foreign.Should().Throw<InvalidDataException>().WithMessage("*[PER_7] at offset 6*not pseudonymised with this map*");
    }

    [Fact]
    public void Organisations_and_places_are_opt_in()
    {
        var options = new PseudonymizationOptions
        {
            Operators = new Dictionary<EntityType, PseudonymizationOperator>
            {
                [EntityType.Person] = PseudonymizationOperator.Tag,
                [EntityType.Organization] = PseudonymizationOperator.Tag,
                [EntityType.Location] = PseudonymizationOperator.Redact,
            },
        };

        var result = Extractor.Pseudonymize("Jean Dupont a quitté Renault pour s'installer à Lyon.", options);

        result.Text.Should().Be("[PER_1] a quitté [ORG_1] pour s'installer à […].");
    }

    [Fact]
    public void Names_below_the_minimum_confidence_stay()
    {
        var all = Extractor.Pseudonymize(Article, PseudonymizationOptions.Default);
        var confidences = all.Replacements.Select(r => r.Confidence).Distinct().Order().ToList();
        confidences.Should().HaveCountGreaterThan(1, "the article's names come with different confidences");
        float threshold = (confidences[0] + confidences[1]) / 2;

        var some = Extractor.Pseudonymize(Article, new PseudonymizationOptions { MinimumConfidence = threshold });

        some.Replacements.Should().NotBeEmpty().And.OnlyContain(r => r.Confidence >= threshold);
        some.Replacements.Count.Should().BeLessThan(all.Replacements.Count);
    }

    [Fact]
    public void Informal_text_finds_names_written_in_lower_case()
    {
        const string text = "salut, j'ai croisé jean dupont hier soir avec sa soeur, elle m'a dit que dupont rentrait demain";

        var formal = Extractor.Pseudonymize(text, PseudonymizationOptions.Default);
        var informal = Extractor.Pseudonymize(text, new PseudonymizationOptions { InformalText = true });

        formal.Text.Should().Be(text, "the model reads capitals: a lower-case name goes unseen by default");
        informal.Text.Should().NotContain("jean").And.NotContain("dupont");
        informal.Map.Restore(informal.Text).Should().Be(text);
    }

    [Fact]
    public void Bad_options_are_refused_with_the_reason()
    {
        var surrogateOrg = () => new PseudonymizationOptions { Operators = new Dictionary<EntityType, PseudonymizationOperator> { [EntityType.Organization] = PseudonymizationOperator.Surrogate } };
        var empty = () => new PseudonymizationOptions { Operators = new Dictionary<EntityType, PseudonymizationOperator>() };
        var shortKey = () => new PseudonymizationOptions { Key = new byte[8] };
        var confidence = () => new PseudonymizationOptions { MinimumConfidence = 1.5f };
        var hashWithoutKey = () => Extractor.Pseudonymize("Jean Dupont", PersonsAs(PseudonymizationOperator.Hash));
        var nullText = () => Extractor.Pseudonymize(null!, PseudonymizationOptions.Default);

        surrogateOrg.Should().Throw<ArgumentException>().WithMessage("Surrogate replaces persons only; give ORG Tag, Mask, Redact or Hash.*");
        empty.Should().Throw<ArgumentException>().WithMessage("Operators is empty*");
        shortKey.Should().Throw<ArgumentException>().WithMessage("Key must be at least 16 bytes (got 8)*");
        confidence.Should().Throw<ArgumentOutOfRangeException>();
        hashWithoutKey.Should().Throw<ArgumentException>().WithMessage("The Hash operator needs a Key*");
        nullText.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void With_derives_options_without_changing_the_original()
    {
        var options = PseudonymizationOptions.Default.With(EntityType.Organization, PseudonymizationOperator.Mask);

        options.Operators.Should().BeEquivalentTo(new Dictionary<EntityType, PseudonymizationOperator>
        {
            [EntityType.Person] = PseudonymizationOperator.Tag,
            [EntityType.Organization] = PseudonymizationOperator.Mask,
        });
        PseudonymizationOptions.Default.Operators.Should().ContainSingle();
    }
}
