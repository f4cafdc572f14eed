using EntityExtraction.Model;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Tests.Model;

public class FeatureExtractorTests
{
    private static TokenAttributes[] Attributes(string text, WordClusters? clusters = null)
    {
        var tokens = FrenchTokenizer.Default.Tokenize(text);
        var attributes = new TokenAttributes[tokens.Count];
        new FeatureExtractor(Lexicon.Empty, clusters).ComputeAttributes(text, tokens, 0, tokens.Count, attributes);
        return attributes;
    }

    private static ulong[] Features(TokenAttributes[] attributes, int i)
    {
        var buffer = new ulong[FeatureExtractor.MaxFeaturesPerToken];
        return buffer[..FeatureExtractor.Extract(attributes, i, buffer)];
    }

    private static readonly WordClusters CityClusters = new([8], [
        (Lexicon.Fold(FeatureHash.LowerCase("lyon")), [3]),
        (Lexicon.Fold(FeatureHash.LowerCase("rennes")), [3]),
        (Lexicon.Fold(FeatureHash.LowerCase("à")), [5]),
    ]);

    [Fact]
    public void Every_token_knows_its_run_of_capitalised_words()
    {
        // les(0) San(1) Antonio(2) Spurs(3) battent(4) Boston(5) .(6)
        var attributes = Attributes("les San Antonio Spurs battent Boston .");

        attributes.Select(a => (a.RunStart, a.RunEnd)).Should().Equal((0, 1), (1, 4), (1, 4), (1, 4), (4, 5), (5, 6), (6, 7));
    }

    [Fact]
    public void Run_features_say_the_length_the_place_in_the_run_and_the_words_around_it()
    {
        var attributes = Attributes("les San Antonio Spurs battent Boston .");
        ulong les = FeatureHash.LowerCase("les"), battent = FeatureHash.LowerCase("battent");

        // Middle of a three-word run (position code 2), length 3, "les" before and "battent" after.
        Features(attributes, 2).Should().Contain([
            FeatureHash.Combine(FeatureTemplate.RunShape, 3UL, 2UL),
            FeatureHash.Combine(FeatureTemplate.WordBeforeRun, les, 2UL),
            FeatureHash.Combine(FeatureTemplate.WordAfterRun, battent, 2UL)]);
        // A one-word run (position code 0).
        Features(attributes, 5).Should().Contain(FeatureHash.Combine(FeatureTemplate.RunShape, 1UL, 0UL));
        // A lower-case word has no run features.
        Features(attributes, 4).Should().NotContain(f => f == FeatureHash.Combine(FeatureTemplate.RunShape, 1UL, 0UL));
    }

    [Fact]
    public void Lower_case_words_after_a_capitalised_run_know_its_first_word_until_punctuation_or_distance_ends_it()
    {
        // le(0) Commissariat(1) à(2) l'(3) énergie(4) atomique(5) ,(6) selon(7) Jean(8) Dupont(9) qui(10) a(11) dit(12) que(13) tout(14) va(15) .(16)
        var attributes = Attributes("le Commissariat à l'énergie atomique , selon Jean Dupont qui a dit que tout va .");

        attributes.Select(a => a.NameHead).Should().Equal(-1, -1, 1, 1, 1, 1, -1, -1, -1, -1, 8, 8, 8, 8, 8, -1, -1);
        ulong commissariat = FeatureHash.LowerCase("commissariat");
        Features(attributes, 4).Should().Contain(FeatureHash.Combine(FeatureTemplate.NameHead, commissariat, 3UL), "énergie is the third word after the run");
        Features(attributes, 7).Should().NotContain(f => f == FeatureHash.Combine(FeatureTemplate.NameHead, commissariat, 5UL), "the comma ends the name");
    }

    [Fact]
    public void Words_of_one_cluster_share_their_cluster_features_whatever_the_word()
    {
        var lyon = Features(Attributes("Il habite à Lyon depuis 1990.", CityClusters), 3);
        var rennes = Features(Attributes("Il habite à Rennes depuis 1990.", CityClusters), 3);
        var nancy = Features(Attributes("Il habite à Nancy depuis 1990.", CityClusters), 3);

        lyon.Intersect(rennes).Should().Contain(FeatureHash.Combine(FeatureTemplate.Cluster, 3UL), "both words are in cluster 3");
        lyon.Should().Contain(FeatureHash.Combine(FeatureTemplate.PreviousCluster, 5UL), "the previous word, à, is in cluster 5");
        nancy.Should().Contain(FeatureHash.Combine(FeatureTemplate.Cluster, 0UL), "a word outside the vocabulary has cluster 0");
        lyon.Except(nancy).Should().HaveCount(rennes.Except(nancy).Count());
    }

    [Fact]
    public void A_model_without_clusters_has_no_cluster_features()
    {
        var without = Features(Attributes("Il habite à Lyon depuis 1990."), 3);
        var with = Features(Attributes("Il habite à Lyon depuis 1990.", CityClusters), 3);

        with.Should().Contain(without);
        (with.Length - without.Length).Should().Be(4, "four coarse-cluster templates (genre copies are added for training only)");
    }

    [Theory]
    [InlineData("Le ministre a reçu hier les syndicats à Matignon.")]
    [InlineData("Qui a gagné le match de samedi soir ?")]
    [InlineData("« Nous ne céderons pas », a déclaré la ministre. »")]
    [InlineData("Il a dit qu'il viendrait demain (peut-être.)")]
    [InlineData("Les conditions sont les suivantes :")]
    public void Prose_sentences_are_running_text(string sentence)
    {
        Attributes(sentence).Should().OnlyContain(a => a.Genre == SentenceGenre.RunningText);
    }

    [Theory]
    [InlineData("Paris Saint-Germain Football Club")]
    [InlineData("Élections municipales à Lyon")]
    [InlineData("Le ministre a reçu hier les syndicats à Matignon")]
    [InlineData("Il pleut.")]
    [InlineData("Liste Des Membres Du Conseil D'Administration De La Société.")]
    public void Titles_short_sentences_and_unpunctuated_lines_are_fragments(string sentence)
    {
        Attributes(sentence).Should().OnlyContain(a => a.Genre == SentenceGenre.Fragment);
    }

    [Fact]
    public void Genre_copies_follow_the_shared_features_and_differ_between_genres()
    {
        var running = Attributes("Le ministre a reçu hier les syndicats à Matignon.");
        var fragment = Attributes("Le ministre a reçu hier les syndicats à Matignon");
        var fromRunning = new ulong[FeatureExtractor.MaxTrainingFeaturesPerToken];
        var fromFragment = new ulong[FeatureExtractor.MaxTrainingFeaturesPerToken];

        // The sentences differ only by the final period, outside the first token's ±2 window.
        int n = FeatureExtractor.Extract(running, 0, fromRunning);
        int m = FeatureExtractor.Extract(fragment, 0, fromFragment);

        n.Should().Be(m).And.BeGreaterThan(0).And.BeLessThanOrEqualTo(FeatureExtractor.MaxFeaturesPerToken);
        fromRunning.AsSpan(0, n).SequenceEqual(fromFragment.AsSpan(0, n)).Should().BeTrue("the shared features do not depend on the genre");

        FeatureExtractor.AddGenreCopies(fromRunning, n, running[0].Genre).Should().Be(2 * n);
        FeatureExtractor.AddGenreCopies(fromFragment, m, fragment[0].Genre).Should().Be(2 * m);
        fromRunning.AsSpan(0, n).SequenceEqual(fromFragment.AsSpan(0, n)).Should().BeTrue("copies are appended after the shared features");
        fromRunning.Skip(n).Take(n).Intersect(fromFragment.Skip(n).Take(n)).Should().BeEmpty("each genre has its own copies");
        fromRunning.Skip(n).Take(n).Intersect(fromRunning.Take(n)).Should().BeEmpty("a copy is not a shared feature");
    }
}
