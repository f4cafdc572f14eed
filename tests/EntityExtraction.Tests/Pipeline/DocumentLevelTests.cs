using System.Text;

namespace EntityExtraction.Tests.Pipeline;

/// <summary>
/// A document is one string given to Extract: the stages that look across sentences (the type vote) run once over
/// all of it, however many chunks its tagging is cut into.
/// </summary>
public class DocumentLevelTests
{
    private static readonly FrenchEntityExtractor Extractor = FrenchEntityExtractor.CreateDefault();

    // No capital, no name: the model and the gazetteer find nothing in it. Eleven tokens.
    private const string FillerSentence = "il pleut depuis trois jours et le vent souffle très fort .";

    private static string Filler(int tokens)
    {
        var builder = new StringBuilder();
        for (int n = 0; n < tokens; n += 11) builder.Append(FillerSentence).Append(' ');
        return builder.ToString();
    }

    private static string SeedArticle() => File.ReadAllText(SeedArticleTests.FindSeedArticle());

    [Fact]
    public void The_filler_holds_no_entity()
    {
        Extractor.Extract(Filler(2000)).Should().BeEmpty();
    }

    [Fact]
    public void The_article_followed_by_10000_filler_tokens_gives_exactly_the_articles_own_entities()
    {
        string article = SeedArticle();
        var alone = Extractor.Extract(article);
        var padded = Extractor.Extract(article + "\n\n" + Filler(10_000));

        padded.Should().Equal(alone);
    }

    [Fact]
    public void The_vote_spans_chunks_a_first_mention_takes_the_type_of_mentions_6400_tokens_later()
    {
        // "fixé à Carrefour" reads as a place on its own; the later mentions make it the company. 6,400 filler tokens
        // put them in another tagging chunk (4,096 tokens). The model alone, so that no gazetteer entry decides.
        var modelOnly = FrenchEntityExtractor.CreateBuilder().UseGazetteer(false).Build();
        const string opening = "Le rendez-vous est fixé à Carrefour .";
        string document = opening + "\n\n" + Filler(6_400) + "\n\nCarrefour a annoncé ses résultats. Carrefour recrute. Le patron de Carrefour a parlé.";

        var firstMention = modelOnly.Extract(document).Where(e => e.End <= opening.Length && e.Text == "Carrefour").ToList();

        firstMention.Should().ContainSingle().Which.Type.Should().Be(EntityType.Organization);
        modelOnly.Extract(opening).Should().Contain(e => e.Text == "Carrefour" && e.Type != EntityType.Organization,
            "alone, the first mention is not an organisation: the vote over the whole document is what sets it right");
    }

    [Fact]
    public void Chunks_tagged_on_several_threads_give_what_one_thread_gives()
    {
        // About 40,000 tokens of varied text (the article twelve times, each copy with its own names shifted by
        // filler), so that there are ten chunks to spread and the vote and the mention copies look across them.
        var document = new StringBuilder();
        string article = SeedArticle();
        for (int copy = 0; copy < 12; copy++)
            document.Append(article).Append("\n\n").Append(Filler(copy * 97)).Append("\n\n");
        string text = document.ToString();
        var sequential = FrenchEntityExtractor.CreateBuilder().WithMaxDegreeOfParallelism(1).Build();
        var twoThreads = FrenchEntityExtractor.CreateBuilder().WithMaxDegreeOfParallelism(2).Build();

        var expected = sequential.Extract(text);

        expected.Should().HaveCountGreaterThan(12 * 20, "every copy of the article names dozens of entities");
        twoThreads.Extract(text).Should().Equal(expected);
        Extractor.Extract(text).Should().Equal(expected, "the default lets the thread pool choose the threads");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void A_degree_of_parallelism_of_zero_or_below_minus_one_is_refused(int degree)
    {
        var build = () => FrenchEntityExtractor.CreateBuilder().WithMaxDegreeOfParallelism(degree);

        build.Should().Throw<ArgumentOutOfRangeException>().WithMessage("The degree of parallelism must be positive, or -1 for no limit.*");
    }
}
