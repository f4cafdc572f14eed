using System.Runtime.CompilerServices;

namespace EntityExtraction.Tests.Pipeline;

/// <summary>
/// <see cref="FrenchEntityExtractor.ExtractManyAsync"/>: documents that arrive one by one, tagged several at a time with
/// a bounded number in flight, each with the result of <see cref="FrenchEntityExtractor.Extract(string)"/>, in input
/// order; errors and cancellation come out in their place.
/// </summary>
public class ExtractManyAsyncTests
{
    private static readonly FrenchEntityExtractor Extractor = FrenchEntityExtractor.CreateDefault();

    private static readonly string Article = File.ReadAllText(SeedArticleTests.FindSeedArticle());

    // Documents of very different lengths, so that they finish out of order when tagged in parallel.
    private static readonly string[] Documents = [.. Enumerable.Range(0, 40).Select(i => i % 7 == 0
        ? string.Concat(Enumerable.Repeat(Article + "\n\n", 1 + i % 5))
        : $"Document {i} : Sylvain Rolland rencontre IBM à Lyon{(i % 2 == 0 ? " avec Meta" : "")}.")];

    /// <summary>The items one by one, yielding to the scheduler between them, counting how many were read.</summary>
    private sealed class Source(IEnumerable<string?> items)
    {
        public int Read;

        public bool Disposed;

        public async IAsyncEnumerable<string> Items([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            try
            {
                foreach (string? item in items)
                {
                    await Task.Yield();
                    cancellationToken.ThrowIfCancellationRequested();
                    Interlocked.Increment(ref Read);
                    yield return item!;
                }
            }
            finally
            {
                Disposed = true;
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(-1)]
    public async Task Each_document_gets_what_Extract_gives_in_input_order(int degree)
    {
        var expected = Documents.Select(d => Extractor.Extract(d)).ToList();

        var results = await StreamingTests.ToListAsync(Extractor.ExtractManyAsync(new Source(Documents).Items(), degree));

        results.Should().HaveCount(Documents.Length);
        for (int i = 0; i < results.Count; i++)
            results[i].Should().Equal(expected[i], "document {0}", i);
    }

    private static async Task<int> MostReadAhead(FrenchEntityExtractor extractor, int? degree)
    {
        var source = new Source(Enumerable.Repeat("Sylvain Rolland rencontre IBM à Lyon.", 200));
        int mostAhead = 0, taken = 0;
        await foreach (var _ in extractor.ExtractManyAsync(source.Items(), degree))
        {
            taken++;
            mostAhead = Math.Max(mostAhead, Volatile.Read(ref source.Read) - taken);
            await Task.Delay(1);
        }
        taken.Should().Be(200);
        return mostAhead;
    }

    [Fact]
    public async Task The_extractors_own_degree_of_parallelism_is_the_default()
    {
        var oneThread = FrenchEntityExtractor.CreateBuilder().WithMaxDegreeOfParallelism(1).Build();

        (await MostReadAhead(oneThread, null)).Should().Be(0, "one document at a time: none is read before the previous result is taken");
        (await MostReadAhead(oneThread, 3)).Should().Be(5, "the call's own degree: six in flight once the first result is taken");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task At_most_twice_the_degree_of_documents_are_read_ahead_of_the_results(int degree)
    {
        (await MostReadAhead(Extractor, degree)).Should().BeLessThanOrEqualTo(2 * degree - 1, "documents in flight are bounded, however fast the source");
    }

    [Fact]
    public async Task A_null_document_fails_in_its_place_after_the_results_before_it()
    {
        var source = new Source(["Paris.", "IBM recrute.", null, "Lyon."]);
        var results = new List<IReadOnlyList<Entity>>();

        var act = async () =>
        {
            await foreach (var result in Extractor.ExtractManyAsync(source.Items(), 4))
                results.Add(result);
        };

        (await act.Should().ThrowAsync<ArgumentException>()).WithMessage("Document 2 of the sequence is null.*").And.ParamName.Should().Be("texts");
        results.Should().HaveCount(2);
        source.Disposed.Should().BeTrue();
    }

    [Fact]
    public async Task An_exception_of_the_source_comes_after_the_results_before_it()
    {
        static async IAsyncEnumerable<string> Failing()
        {
            yield return "Paris.";
            await Task.Yield();
            yield return "IBM recrute.";
            throw new IOException("the network went away");
        }
        var results = new List<IReadOnlyList<Entity>>();

        var act = async () =>
        {
            await foreach (var result in Extractor.ExtractManyAsync(Failing(), 2))
                results.Add(result);
        };

        await act.Should().ThrowAsync<IOException>().WithMessage("the network went away");
        results.Should().HaveCount(2);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Cancelling_stops_the_sequence_and_the_source(int degree)
    {
        using var cancellation = new CancellationTokenSource();
        var source = new Source(Enumerable.Repeat(Article, 500));
        int taken = 0;

        var act = async () =>
        {
            await foreach (var _ in Extractor.ExtractManyAsync(source.Items(), degree, cancellation.Token))
            {
                if (++taken == 3) await cancellation.CancelAsync();
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        taken.Should().Be(3);
        source.Read.Should().BeLessThan(3 + 2 * degree + 2, "no more documents are read once cancelled");
        source.Disposed.Should().BeTrue();
    }

    [Fact]
    public async Task Stopping_early_abandons_the_documents_in_flight_and_disposes_the_source()
    {
        var source = new Source(Enumerable.Repeat(Article, 500));

        await foreach (var _ in Extractor.ExtractManyAsync(source.Items(), 2))
            break;

        source.Disposed.Should().BeTrue();
        source.Read.Should().BeLessThanOrEqualTo(5);
    }

    [Fact]
    public void Bad_arguments_are_refused_when_called_not_when_enumerated()
    {
        var noTexts = () => Extractor.ExtractManyAsync(null!);
        var zero = () => Extractor.ExtractManyAsync(Documents.ToAsync(), 0);
        var belowMinusOne = () => Extractor.ExtractManyAsync(Documents.ToAsync(), -2);

        noTexts.Should().Throw<ArgumentNullException>().WithParameterName("texts");
        zero.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maxDegreeOfParallelism");
        belowMinusOne.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maxDegreeOfParallelism");
    }
}

internal static class AsyncSequences
{
    public static async IAsyncEnumerable<T> ToAsync<T>(this IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }
}
