using EntityExtraction.Training.Corpora;
using EntityExtraction.Training.Evaluation;

namespace EntityExtraction.Training.Tests.Evaluation;

public class ScorerTests
{
    private static EntitySpan Per(int s, int e) => new(s, e, EntityType.Person);

    private static EntitySpan Loc(int s, int e) => new(s, e, EntityType.Location);

    private static EntitySpan Org(int s, int e) => new(s, e, EntityType.Organization);

    [Fact]
    public void Exact_match_needs_same_span_and_type()
    {
        var scorer = new Scorer();
        // gold: PER[0,10) LOC[20,25) ORG[30,33); predicted: PER exact, LOC with a wrong end, ORG typed as LOC, one spurious PER.
        scorer.Add([Per(0, 10), Loc(20, 25), Org(30, 33)], [Per(0, 10), Loc(20, 24), Loc(30, 33), Per(40, 45)]);

        scorer.Exact.Should().Be(new Counts(1, 4, 3));
        scorer.Exact.Precision.Should().BeApproximately(25.0, 1e-9);
        scorer.Exact.Recall.Should().BeApproximately(100.0 / 3, 1e-9);
        scorer.Exact.F1.Should().BeApproximately(2 * 25.0 * (100.0 / 3) / (25.0 + 100.0 / 3), 1e-9);
        scorer.ExactFor(EntityType.Person).Should().Be(new Counts(1, 2, 1));
        scorer.ExactFor(EntityType.Location).Should().Be(new Counts(0, 2, 1));
        scorer.ExactFor(EntityType.Organization).Should().Be(new Counts(0, 0, 1));
    }

    [Fact]
    public void Lenient_match_accepts_same_type_overlap_once_per_gold_entity()
    {
        var scorer = new Scorer();
        // LOC[20,24) overlaps gold LOC[20,25): lenient hit. ORG gold typed LOC: miss. Two predictions overlapping
        // one gold PER: only one counts.
        scorer.Add([Per(0, 10), Loc(20, 25), Org(30, 33)], [Per(0, 4), Per(5, 10), Loc(20, 24), Loc(30, 33)]);

        scorer.Lenient.Should().Be(new Counts(2, 4, 3));
        scorer.Exact.Should().Be(new Counts(0, 4, 3));
    }

    [Fact]
    public void Counts_accumulate_over_documents_and_empty_sets_score_zero()
    {
        var scorer = new Scorer();
        scorer.Exact.F1.Should().Be(0);
        scorer.Add([Per(0, 3)], [Per(0, 3)]);
        scorer.Add([Loc(0, 3)], []);
        scorer.Exact.Should().Be(new Counts(1, 1, 2));
        scorer.Exact.Precision.Should().Be(100);
        scorer.Exact.Recall.Should().Be(50);
    }

    [Fact]
    public void Evaluator_scores_any_predictor_in_character_space()
    {
        var document = new AnnotatedDocument("d", "Jean vit à Paris", [Per(0, 4), Loc(11, 16)], null);
        EntityPredictor predictor = (text, tokens, destination) =>
        {
            // Tokens come from our tokenizer for raw text: find "Paris" among them.
            var paris = tokens.Single(t => t.GetText(text) == "Paris");
            destination.Add(Loc(paris.Start, paris.End));
        };
        var result = Evaluator.Evaluate("d", [document], predictor);
        result.Scores.Exact.Should().Be(new Counts(1, 1, 2));
    }
}
