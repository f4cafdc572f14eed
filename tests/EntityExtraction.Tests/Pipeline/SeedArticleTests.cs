namespace EntityExtraction.Tests.Pipeline;

/// <summary>The mission's reference: the AI Alliance article (La Tribune, 2023) with the default pipeline.</summary>
public class SeedArticleTests
{
    private static readonly string Article = File.ReadAllText(FindSeedArticle());
    private static readonly IReadOnlyList<Entity> Entities = FrenchEntityExtractor.CreateDefault().Extract(Article);

    [Theory]
    [InlineData("Meta", EntityType.Organization)]
    [InlineData("IBM", EntityType.Organization)]
    [InlineData("CERN", EntityType.Organization)]
    [InlineData("Hugging Face", EntityType.Organization)]
    [InlineData("Sylvain Rolland", EntityType.Person)]
    public void The_five_reference_names_are_found_with_their_type(string name, EntityType type)
    {
        Entities.Should().Contain(e => e.Text == name && e.Type == type, "the article names {0} as {1}", name, type);
    }

    [Fact]
    public void Every_mention_of_IBM_is_found_as_an_organisation()
    {
        // "IBM" appears 3 times: in the title, the lead and the body.
        Entities.Where(e => e.Text == "IBM").Should().HaveCount(3).And.OnlyContain(e => e.Type == EntityType.Organization);
    }

    [Fact]
    public void The_lower_case_caption_is_not_tagged()
    {
        // "Un logo de la societe meta": a lower-case common word must not become an entity.
        int caption = Article.IndexOf("la societe meta", StringComparison.Ordinal);
        Entities.Should().NotContain(e => e.Start >= caption && e.Start < caption + "la societe meta".Length);
    }

    [Theory]
    [InlineData("Microsoft")]
    [InlineData("Intel")]
    [InlineData("Google")]
    [InlineData("OpenAI")]
    [InlineData("Oracle")]
    [InlineData("AMD")]
    [InlineData("Sony")]
    [InlineData("Nasa")]
    public void Other_organisations_of_the_article_are_found(string name)
    {
        Entities.Should().Contain(e => e.Text == name && e.Type == EntityType.Organization);
    }

    [Fact]
    public void Every_entity_has_a_source_and_exact_offsets()
    {
        Entities.Should().OnlyContain(e => Article.Substring(e.Start, e.Length) == e.Text);
        Entities.Should().OnlyContain(e => e.Source == EntitySource.Model || e.CanonicalName != null);
    }

    internal static string FindSeedArticle()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "seeds", "ai-alliance-article.txt");
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException("seeds/ai-alliance-article.txt not found above " + AppContext.BaseDirectory);
    }
}
