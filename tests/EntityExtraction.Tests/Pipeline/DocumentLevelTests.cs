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
    public void The_vote_spans_chunks_the_title_keeps_its_type_with_filler_after_it()
    {
        // The title's "à Microsoft" reads as a place on its own; the article's other mentions make it an organisation.
        // 6,400 filler tokens after the title put the rest of the article in another tagging chunk (4,096 tokens).
        string article = SeedArticle();
        int titleEnd = article.IndexOf('\n', StringComparison.Ordinal);
        string padded = article[..titleEnd] + "\n\n" + Filler(6_400) + article[titleEnd..];

        var titleMentions = Extractor.Extract(padded).Where(e => e.End <= titleEnd && e.Text == "Microsoft").ToList();

        titleMentions.Should().ContainSingle().Which.Type.Should().Be(EntityType.Organization);
        Extractor.Extract(article[..titleEnd]).Should().Contain(e => e.Text == "Microsoft" && e.Type != EntityType.Organization,
            "alone, the title's mention is not an organisation: the vote over the whole document is what sets it right");
    }
}
