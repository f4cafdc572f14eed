namespace EntityExtraction.Tests.Pipeline;

/// <summary>
/// Each thread reuses the lists of its previous <c>Extract</c> call: whatever ran before on the thread — a longer
/// document, one with more names, a call cancelled half-way — must leave no trace in the next result.
/// </summary>
public class ExtractionScratchTests
{
    private static readonly FrenchEntityExtractor Extractor = FrenchEntityExtractor.CreateBuilder().WithMaxDegreeOfParallelism(1).Build();

    private const string Short = "Jean Dupont a rencontré la direction de Renault à Boulogne-Billancourt.";

    private static IReadOnlyList<Entity> OnAFreshThread(string text)
    {
        IReadOnlyList<Entity>? result = null;
        var thread = new Thread(() => result = Extractor.Extract(text));
        thread.Start();
        thread.Join();
        return result!;
    }

    [Fact]
    public void A_document_after_a_longer_one_on_the_same_thread_gives_what_it_gives_alone()
    {
        var alone = OnAFreshThread(Short);
        string article = File.ReadAllText(SeedArticleTests.FindSeedArticle());

        IReadOnlyList<Entity>? afterArticle = null;
        var thread = new Thread(() =>
        {
            Extractor.Extract(article + "\n\n" + article);
            afterArticle = Extractor.Extract(Short);
        });
        thread.Start();
        thread.Join();

        alone.Select(e => e.Text).Should().Equal("Jean Dupont", "Renault", "Boulogne-Billancourt");
        afterArticle.Should().Equal(alone);
    }

    [Fact]
    public void A_call_cancelled_half_way_leaves_nothing_to_the_next_one()
    {
        var alone = OnAFreshThread(Short);
        string longText = string.Concat(Enumerable.Repeat("Paris et Lyon accueillent Renault. ", 3000));

        IReadOnlyList<Entity>? afterCancel = null;
        var thread = new Thread(() =>
        {
            // Cancelled while its first chunks are tagged (cancellation is checked between chunks of 4,096 tokens).
            using var cancelled = new CancellationTokenSource(TimeSpan.FromMilliseconds(2));
            try
            {
                Extractor.Extract(longText, cancelled.Token);
            }
            catch (OperationCanceledException)
            {
            }
            afterCancel = Extractor.Extract(Short);
        });
        thread.Start();
        thread.Join();

        afterCancel.Should().Equal(alone);
    }
}
