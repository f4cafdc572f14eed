using System.Text;
using EntityExtraction.Model;
using EntityExtraction.Pipeline;
using EntityExtraction.Tokenization;

namespace EntityExtraction.Tests.Pipeline;

/// <summary>
/// Input without sentence ends (a list of a million names, a log line, a hostile text): it is tagged in pieces of
/// <see cref="NerModel.MaxSentenceTokens"/> and cut into chunks at those pieces' boundaries, so one call's memory and
/// the time between cancellation checks stay bounded, with the results of tagging it in one go.
/// </summary>
public class LongSentenceTests
{
    private static readonly FrenchEntityExtractor Extractor = FrenchEntityExtractor.CreateDefault();

    private static string OneSentence(int repeats)
    {
        var builder = new StringBuilder();
        for (int i = 0; i < repeats; i++) builder.Append("Jean Dupont et la Banque de France à Lyon , ");
        return builder.ToString();
    }

    [Fact]
    public void A_chunk_of_a_sentence_without_end_stops_at_a_piece_boundary()
    {
        var tokens = FrenchTokenizer.Default.Tokenize(OneSentence(10_000));
        tokens.Select(t => t.SentenceIndex).Distinct().Should().ContainSingle("the input has no sentence end");

        int start = 0, chunks = 0;
        while (start < tokens.Count)
        {
            int end = FrenchEntityExtractor.ChunkEnd(tokens, start);
            (end - start).Should().BeLessThanOrEqualTo(4096 + NerModel.MaxSentenceTokens);
            if (end < tokens.Count) (end % NerModel.MaxSentenceTokens).Should().Be(0, "chunks end where the model's pieces end");
            start = end;
            chunks++;
        }
        chunks.Should().BeGreaterThan(10);
    }

    [Fact]
    public void Short_sentences_are_never_cut_by_a_chunk()
    {
        var tokens = FrenchTokenizer.Default.Tokenize(string.Concat(Enumerable.Repeat("Il pleut à Lyon depuis hier. ", 2000)));

        int end = FrenchEntityExtractor.ChunkEnd(tokens, 0);

        end.Should().BeGreaterThanOrEqualTo(4096);
        tokens[end].SentenceIndex.Should().NotBe(tokens[end - 1].SentenceIndex);
    }

    [Fact]
    public void A_sentence_without_end_gives_in_chunks_what_it_gives_tagged_in_one_call()
    {
        string text = OneSentence(1500);
        var tokens = FrenchTokenizer.Default.Tokenize(text);
        var inOneCall = new List<MergedEntity>();
        Extractor.ExtractTokenized(text, tokens, inOneCall);

        var chunked = Extractor.Extract(text);

        chunked.Select(e => (e.Start, e.Length, e.Type)).Should().Equal(inOneCall.Select(e => (e.Start, e.Length, e.Type)));
        chunked.Count(e => e.Text == "Banque de France").Should().BeGreaterThan(1400, "the names are found in every piece");
    }

    [Fact]
    public void Cancelling_a_call_on_a_huge_sentence_without_end_stops_it()
    {
        // About 1.1 million tokens in one sentence: a second or more of tagging, cancelled after 200 ms, once the text
        // is tokenized (tens of ms). Before the pieces the whole input was one chunk, the token was only looked at
        // before it, and the call returned normally.
        string text = OneSentence(100_000);
        using var cancellation = new CancellationTokenSource();
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(200));

        var act = () => Extractor.Extract(text, cancellation.Token);

        act.Should().Throw<OperationCanceledException>();
    }
}
